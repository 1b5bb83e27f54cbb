import { DateTime } from 'luxon';
import { DEFAULT_WORKING_HOURS, ZStoredWorkingHours } from '../scheduling/scheduling-policy.js';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/**
 * The start of the person's next working day after `after`, in their own zone: the first hour
 * they work on the first later day they work at all (their weekly hours, less days off). A late
 * scorecard is chased then: a morning, never a night or a weekend of theirs. Looks up to three
 * weeks ahead; someone who works no day at all is chased at 09:00 on the next weekday.
 */
export function nextBusinessMorning(after: Date, zone: string, storedHours: unknown): Date {
  const parsed = ZStoredWorkingHours.safeParse(storedHours);
  const hours = parsed.success ? parsed.data : DEFAULT_WORKING_HOURS;
  const start = DateTime.fromJSDate(after, { zone });
  const base = start.isValid ? start : DateTime.fromJSDate(after, { zone: 'UTC' });
  for (let d = 1; d <= 21; d++) {
    const day = base.plus({ days: d }).startOf('day');
    const override = hours.overrides.find((o) => o.date === day.toISODate());
    const spans = override ? override.hours : (hours.weekly[WEEKDAYS[day.weekday - 1]!] ?? []);
    const first = spans.map(([from]) => from).sort()[0];
    if (!first) continue;
    const [h, m] = first.split(':').map(Number);
    // On a day the clocks change, a start time that does not exist moves forward (luxon's rule).
    return day.set({ hour: h ?? 9, minute: m ?? 0 }).toJSDate();
  }
  let day = base.plus({ days: 1 }).startOf('day');
  while (day.weekday > 5) day = day.plus({ days: 1 });
  return day.set({ hour: 9 }).toJSDate();
}
