// Whether a person's answer to the agent's question speaks of times, as "yes, offer Friday" or
// "other dates are fine" do. Only such an answer lets the agent offer a new round: otherwise an
// injected model could ask the team something harmless ("is the role remote?") and take any
// answer as leave to withdraw the team's times and offer its own.

// Words that are never about times in another sense (no "may", "free", "later", "day": "feel free",
// "have a good day").
const WORDS = [
  'time',
  'times',
  'slot',
  'slots',
  'availability',
  'available',
  'date',
  'dates',
  'days',
  'week',
  'weeks',
  'tomorrow',
  'morning',
  'mornings',
  'afternoon',
  'afternoons',
  'evening',
  'evenings',
  'reschedule',
  'rearrange',
  'propose',
  'round',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'mon',
  'tue',
  'tues',
  'wed',
  'thu',
  'thurs',
  'fri',
  'january',
  'february',
  'march',
  'april',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const VOCABULARY = new Set(WORDS);

/** True when the answer names a day, a date, a time or the scheduling itself. */
export function answerSpeaksOfTimes(answer: string): boolean {
  const text = answer.normalize('NFKC').toLowerCase();
  if (/\d{1,2}[:.h]\d{2}|\b\d{1,2}\s?(am|pm)\b|\b\d{1,2}[./-]\d{1,2}\b/.test(text)) return true;
  return (text.match(/\p{L}+/gu) ?? []).some((word) => VOCABULARY.has(word));
}
