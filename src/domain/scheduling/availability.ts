import { covers, findOverlap, mergeIntervals, type Interval } from './intervals.js';
import type { BusyInterval, BusyKind, InterviewerQuery, SlotQuery } from './slot-query.js';
import type { OffsetFn } from '../time/offset-table.js';
import { localDays, workingIntervals, type LocalDay } from './working-hours.js';

// One interviewer, made ready for thousands of "is this slot possible?" questions: working
// time and blocking busy time merged once, caps counted per local day and ISO week once.

export type Prepared = {
  interviewer: InterviewerQuery;
  working: Interval[];
  /** Busy time that blocks under this interviewer's policy, plus interviews booked with us. */
  blocking: Interval[];
  /** Time the calendar could not tell us about: never treated as free. */
  unknown: Interval[];
  bookedPerDay: Map<string, number>;
  bookedPerWeek: Map<string, number>;
  /** Load for pool balancing: interviews in the period, and when the latest one started. */
  load: { count: number; latestStart: number };
  /** The interviewer's local days over the window: where each starts (UTC) and its day and ISO week. */
  days: LocalDay[];
};

/** Why one interviewer cannot take a slot; checked in this order, so the first is the most basic. */
export type BusyRef = Interval & { kind: BusyKind | 'interview'; label?: string };
export type Conflict =
  | { code: 'outside-hours' }
  | { code: 'busy'; busy: BusyRef }
  | { code: 'buffer'; busy: BusyRef }
  | { code: 'calendar-unknown' }
  | { code: 'daily-cap'; count: number; cap: number }
  | { code: 'weekly-cap'; count: number; cap: number };

export type Slot = { start: number; end: number };
export type Buffers = { before: number; after: number };

export function blocksUnderPolicy(kind: BusyKind, policy: InterviewerQuery['policy']): boolean {
  switch (kind) {
    case 'busy':
      return true;
    case 'free':
      return false;
    case 'tentative':
      return policy.tentative === 'busy';
    case 'out-of-office':
      return policy.outOfOffice === 'busy';
    case 'all-day':
      return policy.allDay === 'busy';
    case 'unknown':
      return false; // kept apart: see Prepared.unknown
  }
}

export function prepareInterviewer(
  interviewer: InterviewerQuery,
  query: Pick<SlotQuery, 'window' | 'now'>,
  offset: OffsetFn,
): Prepared {
  const margin = 24 * 60 * 60_000; // buffers and past-midnight hours reach past the window
  const days = localDays(query.window.start - margin, query.window.end + margin, offset);
  const working = workingIntervals(interviewer, days, offset);
  const blocking = mergeIntervals([
    ...interviewer.busy.filter((b) => blocksUnderPolicy(b.kind, interviewer.policy)),
    ...interviewer.booked,
  ]);
  const unknown = mergeIntervals(interviewer.busy.filter((b) => b.kind === 'unknown'));
  const bookedPerDay = new Map<string, number>();
  const bookedPerWeek = new Map<string, number>();
  let latestStart = Number.NEGATIVE_INFINITY;
  for (const b of interviewer.booked) {
    const day = localDayOf(days, b.start);
    if (day) {
      increment(bookedPerDay, day.date);
      increment(bookedPerWeek, day.week);
    }
    if (b.start <= query.now) latestStart = Math.max(latestStart, b.start);
  }
  return {
    interviewer,
    working,
    blocking,
    unknown,
    bookedPerDay,
    bookedPerWeek,
    load: { count: interviewer.booked.length, latestStart },
    days,
  };
}

/** The local day an instant falls on (binary search), or undefined outside the prepared days. */
function localDayOf(days: readonly LocalDay[], t: number): LocalDay | undefined {
  if (days.length === 0 || t < days[0]!.start) return undefined;
  let lo = 0;
  let hi = days.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (days[mid]!.start <= t) lo = mid;
    else hi = mid - 1;
  }
  return days[lo];
}

function increment(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** The first reason this interviewer cannot take the slot, or undefined when they can. */
export function firstConflict(p: Prepared, slot: Slot, buffers: Buffers): Conflict | undefined {
  if (!covers(p.working, slot.start, slot.end)) return { code: 'outside-hours' };
  if (findOverlap(p.blocking, slot.start, slot.end))
    return { code: 'busy', busy: describeBusy(p, slot.start, slot.end) };
  if (findOverlap(p.blocking, slot.start - buffers.before, slot.end + buffers.after)) {
    return { code: 'buffer', busy: describeBusy(p, slot.start - buffers.before, slot.end + buffers.after) };
  }
  if (findOverlap(p.unknown, slot.start, slot.end)) return { code: 'calendar-unknown' };
  return capConflict(p, slot.start);
}

function capConflict(p: Prepared, start: number): Conflict | undefined {
  const { dailyCap, weeklyCap } = p.interviewer;
  if (dailyCap === undefined && weeklyCap === undefined) return undefined;
  const keys = localDayOf(p.days, start)!;
  const today = p.bookedPerDay.get(keys.date) ?? 0;
  if (dailyCap !== undefined && today >= dailyCap) return { code: 'daily-cap', count: today, cap: dailyCap };
  const week = p.bookedPerWeek.get(keys.week) ?? 0;
  if (weeklyCap !== undefined && week >= weeklyCap) return { code: 'weekly-cap', count: week, cap: weeklyCap };
  return undefined;
}

/** The original busy entry behind a conflict, so an explanation can name it. */
function describeBusy(p: Prepared, start: number, end: number): BusyRef {
  const busy: BusyInterval | undefined = p.interviewer.busy.find(
    (b) => b.start < end && b.end > start && blocksUnderPolicy(b.kind, p.interviewer.policy),
  );
  if (busy) return { start: busy.start, end: busy.end, kind: busy.kind, ...(busy.label ? { label: busy.label } : {}) };
  const booked = p.interviewer.booked.find((b) => b.start < end && b.end > start)!;
  return { start: booked.start, end: booked.end, kind: 'interview' };
}
