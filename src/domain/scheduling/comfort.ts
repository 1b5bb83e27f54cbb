import type { OffsetFn } from '../time/offset-table.js';
import { MINUTE } from './intervals.js';

// How uncomfortable a time is for one person, in "minutes outside the comfortable day".
// 09:00–17:00 local costs nothing; each minute in 08:00–09:00 or 17:00–19:00 costs one;
// each minute earlier or later costs three. Summed over the people in a slot, it ranks a
// 16:00 Berlin / 10:00 New York slot above an 08:00 New York / 14:00 Berlin one.

const CORE = { start: 9 * 60, end: 17 * 60 };
const EDGE = { start: 8 * 60, end: 19 * 60 };

/** Minutes into the local day at an instant, given the zone's offsets. */
export function localMinuteOfDay(t: number, offset: OffsetFn): number {
  const minutes = Math.floor(t / MINUTE) + offset(t);
  return ((minutes % 1440) + 1440) % 1440;
}

export function discomfort(start: number, end: number, offset: OffsetFn): number {
  const from = localMinuteOfDay(start, offset);
  const length = Math.round((end - start) / MINUTE);
  let cost = 0;
  for (let m = from; m < from + length; m += 5) {
    const minute = m % 1440;
    if (minute >= CORE.start && minute < CORE.end) continue;
    cost += minute >= EDGE.start && minute < EDGE.end ? 5 : 15;
  }
  return cost;
}

/** "early", "late" or undefined for a time inside the comfortable day. */
export function comfortLabel(start: number, end: number, offset: OffsetFn): 'early' | 'late' | undefined {
  if (discomfort(start, end, offset) === 0) return undefined;
  const from = localMinuteOfDay(start, offset);
  return from >= 4 * 60 && from < CORE.start ? 'early' : 'late';
}
