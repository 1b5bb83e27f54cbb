// Slot engine timing: a 5-person panel and a pool of 20 choosing 2, each over two weeks with
// 200 busy intervals per person. Beside it, the obvious implementation (every busy interval
// scanned and the local clock recomputed for every slot and person) on the same input.
import { DateTime } from 'luxon';
import { findSlots } from '../../src/domain/scheduling/find-slots.js';
import {
  parseSlotQuery,
  WEEKDAYS,
  type SlotQuery,
  type SlotQueryInput,
} from '../../src/domain/scheduling/slot-query.js';

const DAY = 86_400_000;
const START = Date.parse('2026-03-02T00:00:00Z'); // spans the US DST change on 8 Mar

/** A deterministic pseudo-random sequence, so every run measures the same input. */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

export function benchQuery({
  people,
  mode,
  needed,
}: {
  people: number;
  mode: 'panel' | 'pool';
  needed: number;
}): SlotQueryInput {
  // Zones whose 08:00–19:00 days overlap, as a real panel's would.
  const zones = ['Europe/Berlin', 'Europe/London', 'America/New_York', 'Europe/Berlin', 'Europe/London'];
  const next = random(people * 7 + needed);
  const interviewers = Array.from({ length: people }, (_, i) => {
    const busy = Array.from({ length: 200 }, () => {
      const start = START + Math.floor(next() * 14 * 96) * 15 * 60_000;
      return {
        start: new Date(start).toISOString(),
        end: new Date(start + (1 + Math.floor(next() * 4)) * 15 * 60_000).toISOString(),
        kind: next() < 0.1 ? 'tentative' : 'busy',
      } as const;
    });
    return {
      id: `p${i}`,
      name: `Person ${i}`,
      zone: zones[i % zones.length]!,
      weeklyHours: {
        mon: [['08:00', '19:00']],
        tue: [['08:00', '19:00']],
        wed: [['08:00', '19:00']],
        thu: [['08:00', '19:00']],
        fri: [['08:00', '19:00']],
      } as Record<string, [string, string][]>,
      dailyCap: 3,
      busy,
    };
  });
  return {
    now: new Date(START).toISOString(),
    interviewers,
    stage: { durationMinutes: 60, mode, needed },
    candidate: { zone: 'America/Chicago' },
    window: { start: new Date(START).toISOString(), end: new Date(START + 14 * DAY).toISOString() },
    minNoticeMinutes: 0,
    bufferBeforeMinutes: 10,
    bufferAfterMinutes: 10,
    gridMinutes: 15,
    maxSlots: 5,
  };
}

/** The obvious way: per slot and person, recompute the local clock and scan every busy interval. */
function naiveCount(q: SlotQuery): number {
  let possible = 0;
  const step = q.gridMinutes * 60_000;
  const duration = q.stage.durationMinutes * 60_000;
  for (let t = q.window.start; t + duration <= q.window.end; t += step) {
    let free = 0;
    for (const person of q.interviewers) {
      const local = DateTime.fromMillis(t, { zone: person.zone });
      const end = DateTime.fromMillis(t + duration, { zone: person.zone });
      const hours = person.weeklyHours[WEEKDAYS[local.weekday - 1]!] ?? [];
      const inHours = hours.some(
        ([a, b]) => local.toFormat('HH:mm') >= a && end.toFormat('HH:mm') <= b && end.hasSame(local, 'day'),
      );
      const busy = person.busy.some(
        (b) =>
          b.kind !== 'free' &&
          b.start < t + duration + q.bufferAfterMinutes * 60_000 &&
          b.end > t - q.bufferBeforeMinutes * 60_000,
      );
      if (inHours && !busy) free++;
    }
    if (free >= (q.stage.mode === 'panel' ? q.interviewers.length : q.stage.needed)) possible++;
  }
  return possible;
}

function time(fn: () => unknown, runs: number): { p50: number; p95: number } {
  for (let i = 0; i < 5; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { p50: samples[Math.floor(runs * 0.5)]!, p95: samples[Math.floor(runs * 0.95)]! };
}

export function benchSlots() {
  return [
    { label: '5-person panel, 2 weeks, 200 busy each', input: benchQuery({ people: 5, mode: 'panel', needed: 5 }) },
    {
      label: 'pool of 20 choosing 2, 2 weeks, 200 busy each',
      input: benchQuery({ people: 20, mode: 'pool', needed: 2 }),
    },
  ].map(({ label, input }) => {
    const parsed = parseSlotQuery(input);
    const result = findSlots(parsed);
    return {
      label,
      possible: result.possible,
      engine: time(() => findSlots(parsed), 200),
      withParse: time(() => findSlots(parseSlotQuery(input)), 100),
      naive: time(() => naiveCount(parsed), 10),
    };
  });
}
