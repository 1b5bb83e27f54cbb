import { DateTime, type WeekdayNumbers } from 'luxon';
import { z } from 'zod';
import { isZoneName } from '../time/zone-name.js';

/** ISO weekdays, Monday first (luxon's 1–7). */
export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** When the weekly digest goes out: a local weekday and time in one zone, for the whole workspace. */
export const ZDigestSchedule = z.object({
  weekday: z.number().int().min(1, 'Pick a day.').max(7, 'Pick a day.'),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Pick a time, such as 09:00.'),
  zone: z
    .string()
    .trim()
    .refine(isZoneName, 'Write a time zone as Area/City, such as Europe/Berlin or America/New_York.'),
});
export type DigestSchedule = z.output<typeof ZDigestSchedule>;

/** Until the team sets one: Monday 09:00, UTC. */
export const DEFAULT_DIGEST_SCHEDULE: DigestSchedule = { weekday: 1, time: '09:00', zone: 'UTC' };

/** One week's digest: its moment, and the ISO week (in the schedule's zone) that names it once. */
export type DigestMoment = { at: Date; week: string };

/**
 * The latest digest moment at or before `now`: this week's, if its local weekday and time have
 * come, else last week's. The wall-clock time is placed in the zone for each week separately, so
 * 09:00 stays 09:00 on both sides of a DST change; a time in a spring-forward gap moves forward by
 * the gap (02:30 → 03:30), and one in the repeated fall-back hour is luxon's choice of the two.
 * A week is named by the ISO week of its moment's local date, so a changed weekday, time or zone
 * never names one week twice.
 */
export function latestDigestMoment(schedule: DigestSchedule, now: Date): DigestMoment {
  const [hour, minute] = schedule.time.split(':').map(Number) as [number, number];
  const local = DateTime.fromJSDate(now, { zone: schedule.zone });
  let moment = inWeekOf(local, schedule.weekday, hour, minute);
  if (moment.toMillis() > now.getTime()) moment = inWeekOf(local.minus({ weeks: 1 }), schedule.weekday, hour, minute);
  return { at: moment.toJSDate(), week: moment.toFormat("kkkk-'W'WW") };
}

function inWeekOf(day: DateTime, weekday: number, hour: number, minute: number): DateTime {
  return DateTime.fromObject(
    { weekYear: day.weekYear, weekNumber: day.weekNumber, weekday: weekday as WeekdayNumbers, hour, minute },
    { zone: day.zone },
  );
}

/** "Monday 09:00 (Europe/Berlin)". */
export function describeDigestSchedule({ weekday, time, zone }: DigestSchedule): string {
  return `${WEEKDAY_NAMES[weekday - 1]} ${time} (${zone})`;
}
