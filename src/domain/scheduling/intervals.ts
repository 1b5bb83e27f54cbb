// Half-open intervals [start, end) of epoch milliseconds, UTC. Sorted, merged lists let the
// engine answer "is this slot free?" with a binary search instead of a scan per slot.

export type Interval = { start: number; end: number };

export const MINUTE = 60_000;

/** Sorts and merges overlapping or touching intervals; the input is not modified. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const next of sorted) {
    const last = merged.at(-1);
    if (last && next.start <= last.end) last.end = Math.max(last.end, next.end);
    else merged.push({ start: next.start, end: next.end });
  }
  return merged;
}

/** Index of the first merged interval that ends after `t`, or the list's length. */
function firstEndingAfter(merged: readonly Interval[], t: number): number {
  let lo = 0;
  let hi = merged.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (merged[mid]!.end <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first interval of a merged list that overlaps [start, end), if any. */
export function findOverlap(merged: readonly Interval[], start: number, end: number): Interval | undefined {
  const candidate = merged[firstEndingAfter(merged, start)];
  return candidate && candidate.start < end ? candidate : undefined;
}

/** Whether one interval of a merged list covers all of [start, end). */
export function covers(merged: readonly Interval[], start: number, end: number): boolean {
  const candidate = merged[firstEndingAfter(merged, start)];
  return candidate !== undefined && candidate.start <= start && candidate.end >= end;
}

/** Every interval of an unmerged list that overlaps [start, end). */
export function overlapping<T extends Interval>(intervals: readonly T[], start: number, end: number): T[] {
  return intervals.filter((i) => i.start < end && i.end > start);
}
