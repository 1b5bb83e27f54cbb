import { firstConflict, prepareInterviewer, type Buffers, type Conflict, type Prepared } from './availability.js';
import { covers, mergeIntervals, MINUTE, type Interval } from './intervals.js';
import { pickInterviewers } from './pool.js';
import type { SlotQuery } from './slot-query.js';
import { offsetTable, type OffsetFn } from '../time/offset-table.js';

// The engine's one question, asked by findSlots for every grid time and by explainTime for
// one: can this slot happen, with whom, and if not, why not. Both go through evaluate(), so
// an explanation can never disagree with the search.

export type Context = {
  query: SlotQuery;
  interviewers: Prepared[];
  /** The candidate's stated windows, merged; undefined when they gave none. */
  candidateWindows: Interval[] | undefined;
  buffers: Buffers;
  duration: number;
  /** The earliest start allowed by the window and the minimum notice. */
  earliest: number;
  /** Each zone's offsets over the window, computed on first use. */
  offsets: (zone: string) => OffsetFn;
};

export type SlotBlock =
  | { code: 'too-soon'; earliest: number }
  | { code: 'outside-window' }
  | { code: 'candidate-unavailable' }
  | { code: 'interviewer'; interviewerId: string; name: string; conflict: Conflict };

export type Evaluation =
  | { ok: true; interviewers: Prepared[]; unavailable: SlotBlock[] }
  | { ok: false; blocks: SlotBlock[] };

export function prepareContext(query: SlotQuery): Context {
  const offsets = memoise((zone) => offsetTable(zone, query.window.start - 2 * DAY, query.window.end + 2 * DAY));
  return {
    query,
    interviewers: query.interviewers.map((i) => prepareInterviewer(i, query, offsets(i.zone))),
    candidateWindows: query.candidate.windows.length > 0 ? mergeIntervals(query.candidate.windows) : undefined,
    buffers: { before: query.bufferBeforeMinutes * MINUTE, after: query.bufferAfterMinutes * MINUTE },
    duration: query.stage.durationMinutes * MINUTE,
    earliest: Math.max(query.window.start, query.now + query.minNoticeMinutes * MINUTE),
    offsets,
  };
}

const DAY = 24 * 60 * MINUTE;

function memoise<T>(make: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = make(key)));
    return value;
  };
}

/**
 * Whether a slot starting at `start` can happen. With `every`, all reasons against it are
 * collected (for explanations); without, the first one found ends the check (for search).
 */
export function evaluate(ctx: Context, start: number, { every = false } = {}): Evaluation {
  const end = start + ctx.duration;
  const blocks: SlotBlock[] = [];
  const fail = (block: SlotBlock): boolean => {
    blocks.push(block);
    return !every;
  };
  if (start < ctx.earliest && start >= ctx.query.window.start && fail({ code: 'too-soon', earliest: ctx.earliest }))
    return { ok: false, blocks };
  if ((start < ctx.query.window.start || end > ctx.query.window.end) && fail({ code: 'outside-window' }))
    return { ok: false, blocks };
  if (ctx.candidateWindows && !covers(ctx.candidateWindows, start, end) && fail({ code: 'candidate-unavailable' }))
    return { ok: false, blocks };

  const slotBlocked = blocks.length > 0;
  const { mode, needed } = ctx.query.stage;
  const required = mode === 'panel' ? ctx.interviewers.length : needed;
  const free: Prepared[] = [];
  for (const [index, p] of ctx.interviewers.entries()) {
    const conflict = firstConflict(p, { start, end }, ctx.buffers);
    if (!conflict) {
      free.push(p);
      continue;
    }
    blocks.push({ code: 'interviewer', interviewerId: p.interviewer.id, name: p.interviewer.name, conflict });
    const stillPossible = free.length + (ctx.interviewers.length - index - 1) >= required;
    if (!every && !stillPossible) return { ok: false, blocks };
  }
  if (slotBlocked || free.length < required) return { ok: false, blocks };
  // In a pool, members who are busy do not block the slot; they are kept as notes.
  return { ok: true, interviewers: mode === 'panel' ? free : pickInterviewers(free, required)!, unavailable: blocks };
}
