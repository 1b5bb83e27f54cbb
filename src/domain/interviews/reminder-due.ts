// Which reminder an interviewer is due now, if any. Pure: the schedule asks once a minute.

const MINUTE = 60_000;

export type ReminderFacts = {
  /** The role's leads, in minutes before the interview (any order). */
  leads: readonly number[];
  startsAt: Date;
  /** When the current time was booked; null for a booking older than the column (counts as long ago). */
  bookedAt: Date | null;
  /** Leads this interviewer already has a reminder for (sent, or on its way). */
  sent: ReadonlySet<number>;
  now: Date;
};

/**
 * The lead to remind this interviewer at now, or null. Only the latest moment that has come
 * counts: a reminder missed meanwhile (a worker down for a day) is never sent beside a later
 * one. A moment that came before the interview was booked is skipped, not sent late (booked
 * two hours ahead: no "24 hours before"), except the shortest lead, which still goes while the
 * interview has not started. Nothing once it has.
 */
export function dueReminderLead({ leads, startsAt, bookedAt, sent, now }: ReminderFacts): number | null {
  const at = now.getTime();
  const start = startsAt.getTime();
  if (at >= start || leads.length === 0) return null;
  const come = leads.filter((lead) => start - lead * MINUTE <= at);
  if (come.length === 0) return null;
  const latest = Math.min(...come);
  if (sent.has(latest)) return null;
  const cameBeforeBooking = bookedAt !== null && start - latest * MINUTE < bookedAt.getTime();
  if (cameBeforeBooking && latest !== Math.min(...leads)) return null;
  return latest;
}

/** How far ahead the schedule looks for interviews: the longest lead any role may set. */
export const LONGEST_LEAD_MINUTES = 7 * 1440;
