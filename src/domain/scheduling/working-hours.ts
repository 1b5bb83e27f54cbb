import type { OffsetFn } from '../time/offset-table.js';
import { wallClockToInstant } from '../time/offset-table.js';
import { WEEKDAYS, type InterviewerQuery } from './slot-query.js';
import { mergeIntervals, MINUTE, type Interval } from './intervals.js';

const DAY = 1440 * MINUTE;

/** A local calendar day: where it starts (UTC), its ISO date and its ISO week ("2026-W11"). */
export type LocalDay = { start: number; date: string; week: string; weekday: number };

/**
 * The local days of a zone that overlap [from, to], plus one before (so that yesterday's
 * 22:00–02:00 reaches into today). Day numbers are counted on the wall clock, so a 23- or
 * 25-hour day around a DST change is still one day.
 */
export function localDays(from: number, to: number, offset: OffsetFn): LocalDay[] {
  const first = Math.floor((from + offset(from) * MINUTE) / DAY) - 1;
  const last = Math.floor((to + offset(to) * MINUTE) / DAY);
  const days: LocalDay[] = [];
  for (let civil = first; civil <= last; civil++) {
    const noon = new Date(civil * DAY + DAY / 2);
    days.push({
      start: wallClockToInstant(civil * DAY, offset),
      date: noon.toISOString().slice(0, 10),
      week: isoWeek(noon),
      weekday: (noon.getUTCDay() + 6) % 7,
    });
  }
  return days;
}

/** ISO 8601 week ("2026-W11") of a civil date given as a UTC Date. */
function isoWeek(date: Date): string {
  const thursday = new Date(date);
  thursday.setUTCDate(date.getUTCDate() + 3 - ((date.getUTCDay() + 6) % 7));
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - yearStart) / DAY / 7) + 1;
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/**
 * An interviewer's working time over some local days, as merged UTC intervals.
 *
 * Hours are wall-clock times in the interviewer's zone, so each local date is expanded on
 * its own: 09:00 on the day clocks go forward is a different UTC hour than the day before.
 * A time inside a spring-forward gap moves forward by the gap; one that happens twice (the
 * fall-back hour) is the first of the two. An end at or before its start runs past midnight.
 */
export function workingIntervals(
  interviewer: InterviewerQuery,
  days: readonly LocalDay[],
  offset: OffsetFn,
): Interval[] {
  const overrides = new Map(interviewer.overrides.map((o) => [o.date, o.hours]));
  const intervals: Interval[] = [];
  for (const day of days) {
    const hours = overrides.get(day.date) ?? interviewer.weeklyHours[WEEKDAYS[day.weekday]!] ?? [];
    const midnight = Date.parse(`${day.date}T00:00:00Z`);
    for (const [startClock, endClock] of hours) {
      const from = clockMinutes(startClock);
      let to = clockMinutes(endClock);
      if (to <= from) to += 1440;
      intervals.push({
        start: wallClockToInstant(midnight + from * MINUTE, offset),
        end: wallClockToInstant(midnight + to * MINUTE, offset),
      });
    }
  }
  return mergeIntervals(intervals);
}

function clockMinutes(clock: string): number {
  return Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
}
