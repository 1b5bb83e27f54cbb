import { describeBlock } from './describe-block.js';
import { evaluate, prepareContext } from './evaluate.js';
import type { SlotQuery } from './slot-query.js';

export type TimeExplanation = {
  start: number;
  end: number;
  possible: boolean;
  /** Who would interview, when possible. */
  interviewerIds: string[];
  /** Every reason against this time (for a pool: also members who are not free). */
  reasons: string[];
};

/** Says whether a given start time works for a query and, if not, every reason why. */
export function explainTime(query: SlotQuery, start: number): TimeExplanation {
  const ctx = prepareContext(query);
  const verdict = evaluate(ctx, start, { every: true });
  const blocks = verdict.ok ? verdict.unavailable : verdict.blocks;
  return {
    start,
    end: start + ctx.duration,
    possible: verdict.ok,
    interviewerIds: verdict.ok ? verdict.interviewers.map((p) => p.interviewer.id) : [],
    reasons: blocks.map((b) => describeBlock(b, start, ctx)),
  };
}
