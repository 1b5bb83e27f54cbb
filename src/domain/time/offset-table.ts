import { IANAZone } from 'luxon';

// A zone's UTC offset over a span of time, computed once. luxon (through Intl) costs several
// microseconds per lookup, and the slot engine asks for thousands; zones change offset a few
// times a year, so the span is sampled every six hours and only the changes are pinned down.

const SAMPLE = 6 * 60 * 60_000;
const QUARTER_HOUR = 15 * 60_000; // every transition falls on a quarter hour in UTC

export type OffsetFn = (t: number) => number;

/** A function giving `zone`'s offset in minutes at an instant, fast inside [from, to]. */
export function offsetTable(zone: string, from: number, to: number): OffsetFn {
  const tz = IANAZone.create(zone);
  const segments: Array<{ start: number; offset: number }> = [{ start: from, offset: tz.offset(from) }];
  for (let t = from + SAMPLE; t < to + SAMPLE; t += SAMPLE) {
    const offset = tz.offset(t);
    if (offset === segments.at(-1)!.offset) continue;
    // The change happened in (t - SAMPLE, t]: find its quarter hour by bisection.
    let lo = Math.floor((t - SAMPLE) / QUARTER_HOUR);
    let hi = Math.ceil(t / QUARTER_HOUR);
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (tz.offset(mid * QUARTER_HOUR) === offset) hi = mid;
      else lo = mid;
    }
    segments.push({ start: hi * QUARTER_HOUR, offset });
  }
  return (t) => {
    if (t < from || t > to + SAMPLE) return tz.offset(t);
    let i = segments.length - 1;
    while (i > 0 && segments[i]!.start > t) i--;
    return segments[i]!.offset;
  };
}

const MINUTE = 60_000;

/**
 * The instant at which a zone's wall clock shows `local` (a wall-clock time written as if it
 * were UTC milliseconds). Resolves like luxon: a time skipped by a spring-forward gap moves
 * forward by the gap; a time that happens twice (fall back) is the earlier instant.
 */
export function wallClockToInstant(local: number, offset: OffsetFn): number {
  const guess = offset(local);
  const first = local - guess * MINUTE;
  const o2 = offset(first);
  if (o2 === guess) return first;
  const second = first - (o2 - guess) * MINUTE;
  const o3 = offset(second);
  if (o3 === o2) return second;
  return local - Math.min(o2, o3) * MINUTE;
}
