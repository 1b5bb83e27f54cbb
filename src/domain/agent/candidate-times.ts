import { DateTime } from 'luxon';

/** A time range as a person writes it: a local date and wall-clock hours, in their zone. */
export type LocalRange = { date: string; from: string; to: string };

export type TimeWindows = {
  windows: Array<{ start: string; end: string }>;
  refused: Array<{ range: LocalRange; why: string }>;
};

/**
 * Turns ranges the model read from a reply into instants in the candidate's zone, keeping
 * only those that are real and ahead: a date that does not exist, a range that ends before it
 * starts, or one already past is refused with a reason instead of silently dropped. "Until
 * 24:00" means the end of that day. In a spring-forward gap luxon moves forward, as a person would.
 */
export function windowsFromLocalRanges(
  ranges: readonly LocalRange[],
  zone: string,
  now: Date,
  horizonDays = 90,
): TimeWindows {
  const out: TimeWindows = { windows: [], refused: [] };
  const horizon = now.getTime() + horizonDays * 86_400_000;
  for (const range of ranges) {
    const day = DateTime.fromISO(range.date, { zone });
    const [fh, fm] = range.from.split(':').map(Number);
    const [th, tm] = range.to.split(':').map(Number);
    if (!day.isValid || [fh, fm, th, tm].some((n) => n === undefined || Number.isNaN(n))) {
      out.refused.push({ range, why: 'not a valid date or time' });
      continue;
    }
    const start = day.set({ hour: fh!, minute: fm! });
    const end = th === 24 ? day.plus({ days: 1 }).startOf('day') : day.set({ hour: th!, minute: tm! });
    if (end <= start) out.refused.push({ range, why: 'ends before it starts' });
    else if (end.toMillis() <= now.getTime()) out.refused.push({ range, why: 'already past' });
    else if (start.toMillis() > horizon) out.refused.push({ range, why: `more than ${horizonDays} days ahead` });
    else
      out.windows.push({
        start: DateTime.max(start, DateTime.fromJSDate(now)).toUTC().toISO()!,
        end: end.toUTC().toISO()!,
      });
  }
  return out;
}

/** "Tuesday 10 March, 14:00–15:00 (Europe/London, GMT)": every time we state spells its zone out. */
export function describeSlotFor(start: Date, end: Date, zone: string): string {
  const s = DateTime.fromJSDate(start, { zone });
  const e = DateTime.fromJSDate(end, { zone });
  return `${s.toFormat('cccc d LLLL')}, ${s.toFormat('HH:mm')}–${e.toFormat('HH:mm')} (${zone}, ${s.toFormat('ZZZZ')})`;
}
