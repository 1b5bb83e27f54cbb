// Days off as people type them ("2027-03-10, 2027-04-01..2027-04-05") and as the settings
// modal shows them again: single dates and ranges, read into a sorted list of ISO dates.

const DAY_MS = 86_400_000;
/** A year of days off at most: a typo such as 2027..2072 must not become 16,000 overrides. */
export const MAX_DAYS_OFF = 366;

export type DaysOffReading = { ok: true; dates: string[] } | { ok: false; error: string };

/** Epoch ms of a real calendar date (2027-02-30 is refused), or undefined. */
function dayOf(iso: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return undefined;
  const ms = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== iso ? undefined : ms;
}

const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Reads a list of dates and `from..to` ranges, separated by commas, semicolons or spaces. */
export function readDaysOff(text: string): DaysOffReading {
  const tokens = text
    .replace(/\s*(\.\.|–|—)\s*/g, '..')
    .split(/[\s,;]+/)
    .filter(Boolean);
  const dates = new Set<string>();
  for (const token of tokens) {
    const [from = '', to = from, ...extra] = token.split('..');
    const start = dayOf(from);
    const end = dayOf(to);
    if (extra.length || start === undefined || end === undefined) {
      return {
        ok: false,
        error: `“${token}” is not a date: write dates as 2027-03-10, ranges as 2027-04-01..2027-04-05.`,
      };
    }
    if (end < start) return { ok: false, error: `In “${token}” the range ends before it starts.` };
    for (let day = start; day <= end; day += DAY_MS) {
      dates.add(isoOf(day));
      if (dates.size > MAX_DAYS_OFF) {
        return { ok: false, error: `That is more than ${MAX_DAYS_OFF} days off; list a year at most.` };
      }
    }
  }
  return { ok: true, dates: [...dates].sort() };
}

/** Dates written back compactly: consecutive days become one range. */
export function formatDaysOff(dates: readonly string[]): string {
  const days = [...new Set(dates)]
    .map((d) => dayOf(d))
    .filter((d): d is number => d !== undefined)
    .sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < days.length; ) {
    let j = i;
    while (j + 1 < days.length && days[j + 1]! - days[j]! === DAY_MS) j++;
    parts.push(i === j ? isoOf(days[i]!) : `${isoOf(days[i]!)}..${isoOf(days[j]!)}`);
    i = j + 1;
  }
  return parts.join(', ');
}
