import type { OffsetFn } from '../time/offset-table.js';
import { MINUTE } from './intervals.js';

/**
 * Slot starts from `from` to `to` inclusive, on a grid of wall-clock minutes in a zone
 * (a 30-minute grid in Asia/Kathmandu starts at :00 and :30 Kathmandu time, not UTC's).
 * When the zone's offset changes (DST), the grid is re-aligned to the new local clock.
 */
export function gridStarts(from: number, to: number, gridMinutes: number, offset: OffsetFn): number[] {
  const step = gridMinutes * MINUTE;
  const align = (t: number): number => {
    const localMinutes = Math.ceil(t / MINUTE) + offset(t);
    const past = ((localMinutes % gridMinutes) + gridMinutes) % gridMinutes;
    return Math.ceil(t / MINUTE) * MINUTE + (past === 0 ? 0 : (gridMinutes - past) * MINUTE);
  };
  const starts: number[] = [];
  let t = align(from);
  while (t <= to) {
    starts.push(t);
    const next = t + step;
    t = offset(next) === offset(t) ? next : align(next);
  }
  return starts;
}
