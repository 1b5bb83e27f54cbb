import { describeBlockKind, localTime } from './describe-block.js';
import { evaluate, type Context } from './evaluate.js';
import { findSlots } from './find-slots.js';
import { gridStarts } from './grid.js';
import type { SlotQuery } from './slot-query.js';

export type NoSlotReport = {
  /** Grid times looked at in the search window. */
  checked: number;
  /** What excluded them, most frequent first: "Dana is busy: 40 of 96 times". */
  blockers: Array<{ reason: string; times: number }>;
  /** Single changes that would produce slots, each with what it would find. */
  unblock: string[];
};

const WEEK = 7 * 24 * 60 * 60_000;

/** Why a search found nothing, and which one change to the query would find something. */
export function reportNoSlots(query: SlotQuery, ctx: Context): NoSlotReport {
  const gridZone = query.gridZone ?? query.interviewers[0]!.zone;
  const starts = gridStarts(
    query.window.start,
    query.window.end - ctx.duration,
    query.gridMinutes,
    ctx.offsets(gridZone),
  );
  const counts = new Map<string, number>();
  for (const start of starts) {
    const verdict = evaluate(ctx, start, { every: true });
    const reasons = new Set(verdict.ok ? [] : verdict.blocks.map((b) => describeBlockKind(b)));
    for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  const blockers = [...counts]
    .map(([reason, times]) => ({ reason, times }))
    .sort((a, b) => b.times - a.times || (a.reason < b.reason ? -1 : 1));
  return { checked: starts.length, blockers, unblock: unblockers(query) };
}

type Relaxation = { say: string; query: SlotQuery };

function relaxations(q: SlotQuery): Relaxation[] {
  const list: Relaxation[] = [
    { say: 'search one more week', query: { ...q, window: { ...q.window, end: q.window.end + WEEK } } },
  ];
  if (q.minNoticeMinutes > 0)
    list.push({ say: `allow less than ${q.minNoticeMinutes / 60} h notice`, query: { ...q, minNoticeMinutes: 0 } });
  if (q.bufferBeforeMinutes + q.bufferAfterMinutes > 0)
    list.push({
      say: 'drop the buffers around meetings',
      query: { ...q, bufferBeforeMinutes: 0, bufferAfterMinutes: 0 },
    });
  if (q.candidate.windows.length > 0)
    list.push({ say: 'ask the candidate for more times', query: { ...q, candidate: { ...q.candidate, windows: [] } } });
  if (q.stage.mode === 'pool' && q.stage.needed > 1)
    list.push({
      say: 'need one interviewer fewer',
      query: { ...q, stage: { ...q.stage, needed: q.stage.needed - 1 } },
    });
  for (const [index, i] of q.interviewers.entries()) {
    const replace = (changed: typeof i): SlotQuery => ({
      ...q,
      interviewers: q.interviewers.map((other, j) => (j === index ? changed : other)),
    });
    if (q.stage.mode === 'panel' && q.interviewers.length > 1) {
      list.push({
        say: `hold the panel without ${i.name}`,
        query: { ...q, interviewers: q.interviewers.filter((_, j) => j !== index) },
      });
    }
    if (i.dailyCap !== undefined || i.weeklyCap !== undefined) {
      list.push({
        say: `raise ${i.name}'s interview caps`,
        query: replace({ ...i, dailyCap: undefined, weeklyCap: undefined }),
      });
    }
    if (i.busy.some((b) => b.kind === 'unknown')) {
      list.push({
        say: `fix ${i.name}'s calendar connection (if it shows them free)`,
        query: replace({ ...i, busy: i.busy.filter((b) => b.kind !== 'unknown') }),
      });
    }
    if (i.policy.tentative === 'busy' && i.busy.some((b) => b.kind === 'tentative')) {
      list.push({
        say: `count ${i.name}'s tentative events as free`,
        query: replace({ ...i, policy: { ...i.policy, tentative: 'free' } }),
      });
    }
  }
  return list;
}

function unblockers(query: SlotQuery): string[] {
  const found = relaxations(query).flatMap(({ say, query: relaxed }) => {
    const result = findSlots(relaxed, { report: false });
    const first = result.slots.reduce((min, s) => Math.min(min, s.start), Number.POSITIVE_INFINITY);
    return result.possible > 0
      ? [
          `${say}: ${result.possible} possible time${result.possible === 1 ? '' : 's'}, the first ` +
            `${localTime(first, query.candidate.zone)}`,
        ]
      : [];
  });
  return found.length > 0
    ? found
    : ['no single change finds a time: widen the search window and add interviewers to the pool'];
}
