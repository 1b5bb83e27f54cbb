import { comfortLabel, discomfort } from './comfort.js';
import { localTime } from './describe-block.js';
import { evaluate, prepareContext, type Context } from './evaluate.js';
import { gridStarts } from './grid.js';
import { MINUTE } from './intervals.js';
import { reportNoSlots, type NoSlotReport } from './no-slot-report.js';
import type { SlotQuery } from './slot-query.js';

export type RankedSlot = {
  start: number;
  end: number;
  interviewerIds: string[];
  /** Minutes outside the comfortable day, summed over everyone (the candidate's count twice). */
  discomfort: number;
  /** One line for the approval message: local times and who it is early or late for. */
  why: string;
};

export type SlotSearchResult = {
  slots: RankedSlot[];
  /** How many grid times were possible before ranking. */
  possible: number;
  /** Present when no slot was possible: what blocked them and what would unblock them. */
  noSlots?: NoSlotReport;
};

const SAME_DAY_PENALTY = 240;
const NEARBY_PENALTY = 120;
const NEARBY = 3 * 60 * MINUTE;

/** Ranked slots for a query: comfortable for everyone's local hours, spread over days. */
export function findSlots(query: SlotQuery, { report = true } = {}): SlotSearchResult {
  const ctx = prepareContext(query);
  const candidates = possibleSlots(ctx);
  if (candidates.length === 0)
    return { slots: [], possible: 0, ...(report ? { noSlots: reportNoSlots(query, ctx) } : {}) };
  const slots = spread(candidates, ctx).map(({ people, ...slot }) => ({
    ...slot,
    why: why(ctx, slot.start, slot.end, people),
  }));
  return { slots, possible: candidates.length };
}

type Possible = Omit<RankedSlot, 'why'> & { people: Array<{ name: string; zone: string }> };

function possibleSlots(ctx: Context): Possible[] {
  const { query } = ctx;
  const gridZone = query.gridZone ?? query.interviewers[0]!.zone;
  const slots: Possible[] = [];
  for (const start of gridStarts(
    ctx.earliest,
    query.window.end - ctx.duration,
    query.gridMinutes,
    ctx.offsets(gridZone),
  )) {
    const verdict = evaluate(ctx, start);
    if (!verdict.ok) continue;
    const end = start + ctx.duration;
    const people = verdict.interviewers.map((p) => ({ name: p.interviewer.name, zone: p.interviewer.zone }));
    const cost =
      people.reduce((sum, p) => sum + discomfort(start, end, ctx.offsets(p.zone)), 0) +
      2 * discomfort(start, end, ctx.offsets(query.candidate.zone));
    slots.push({
      start,
      end,
      interviewerIds: verdict.interviewers.map((p) => p.interviewer.id),
      discomfort: cost,
      people,
    });
  }
  return slots;
}

function why(ctx: Context, start: number, end: number, people: Array<{ name: string; zone: string }>): string {
  const candidateZone = ctx.query.candidate.zone;
  const uncomfortable = [...people, { name: 'the candidate', zone: candidateZone }].flatMap((p) => {
    const label = comfortLabel(start, end, ctx.offsets(p.zone));
    return label ? [`${label} for ${p.name} (${localTime(start, p.zone, 'HH:mm')})`] : [];
  });
  const candidateLocal = `candidate ${localTime(start, candidateZone)}`;
  return uncomfortable.length === 0
    ? `${candidateLocal} · within everyone's core hours`
    : `${candidateLocal} · ${uncomfortable.join('; ')}`;
}

/**
 * Greedy choice of the best slots that also spreads them: each pick makes other slots on the
 * same day (in the candidate's zone) and within three hours of it cost more, so a candidate
 * sees different days before they see three times on one morning. Ties go to the earlier time.
 */
function spread(candidates: Possible[], ctx: Context): Possible[] {
  const offset = ctx.offsets(ctx.query.candidate.zone);
  const days = candidates.map((s) => Math.floor((s.start + offset(s.start) * MINUTE) / (1440 * MINUTE)));
  const picked: number[] = [];
  const taken = new Set<number>();
  const perDay = new Map<number, number>();
  while (picked.length < Math.min(ctx.query.maxSlots, candidates.length)) {
    let best = -1;
    let bestCost = Number.POSITIVE_INFINITY;
    for (const [i, slot] of candidates.entries()) {
      if (taken.has(i)) continue;
      const near = picked.some((j) => Math.abs(candidates[j]!.start - slot.start) < NEARBY);
      const cost = slot.discomfort + SAME_DAY_PENALTY * (perDay.get(days[i]!) ?? 0) + (near ? NEARBY_PENALTY : 0);
      if (cost < bestCost) {
        best = i;
        bestCost = cost;
      }
    }
    picked.push(best);
    taken.add(best);
    perDay.set(days[best]!, (perDay.get(days[best]!) ?? 0) + 1);
  }
  return picked.map((i) => candidates[i]!);
}
