import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES, STAGES, type PipelineCommand, type PipelineState, type Stage } from '../../../src/domain/pipeline/stages.js';
import { transition } from '../../../src/domain/pipeline/transition.js';

const s = (stage: Stage, planPosition: number | null = null): PipelineState => ({ stage, planPosition });
const cmd = (type: PipelineCommand['type']): PipelineCommand =>
  type === 'reject' ? { type, reason: 'not a fit' } : type === 'withdraw' ? { type } : ({ type } as PipelineCommand);

// Every legal move for a role with a two-step interview plan, written out by hand.
// Anything not listed here must be refused.
const PLAN = { length: 2 };
const LEGAL: [PipelineState, PipelineCommand['type'], PipelineState][] = [
  [s('NEW'), 'advance', s('SCREENING')],
  [s('SCREENING'), 'advance', s('SCHEDULING', 0)],
  [s('SCHEDULING', 0), 'interview_booked', s('INTERVIEW_SCHEDULED', 0)],
  [s('INTERVIEW_SCHEDULED', 0), 'interview_cancelled', s('SCHEDULING', 0)],
  [s('INTERVIEW_SCHEDULED', 0), 'interview_completed', s('INTERVIEWED', 0)],
  [s('INTERVIEWED', 0), 'advance', s('SCHEDULING', 1)],
  [s('SCHEDULING', 1), 'interview_booked', s('INTERVIEW_SCHEDULED', 1)],
  [s('INTERVIEW_SCHEDULED', 1), 'interview_cancelled', s('SCHEDULING', 1)],
  [s('INTERVIEW_SCHEDULED', 1), 'interview_completed', s('INTERVIEWED', 1)],
  [s('INTERVIEWED', 1), 'advance', s('OFFER')],
  [s('OFFER'), 'hire', s('HIRED')],
  ...(['NEW', 'SCREENING', 'OFFER'] as Stage[]).flatMap((st) => [
    [s(st), 'reject', s('REJECTED')] as [PipelineState, PipelineCommand['type'], PipelineState],
    [s(st), 'withdraw', s('WITHDRAWN')] as [PipelineState, PipelineCommand['type'], PipelineState],
  ]),
  ...(['SCHEDULING', 'INTERVIEW_SCHEDULED', 'INTERVIEWED'] as Stage[]).flatMap((st) =>
    [0, 1].flatMap((p) => [
      [s(st, p), 'reject', s('REJECTED')] as [PipelineState, PipelineCommand['type'], PipelineState],
      [s(st, p), 'withdraw', s('WITHDRAWN')] as [PipelineState, PipelineCommand['type'], PipelineState],
    ]),
  ),
];

const ALL_STATES: PipelineState[] = STAGES.flatMap((st) =>
  ['SCHEDULING', 'INTERVIEW_SCHEDULED', 'INTERVIEWED'].includes(st) ? [s(st, 0), s(st, 1)] : [s(st)],
);
const key = (st: PipelineState, c: string) => `${st.stage}/${st.planPosition}/${c}`;
const legalByKey = new Map(LEGAL.map(([from, c, to]) => [key(from, c), to]));

describe('transition', () => {
  it.each(LEGAL.map(([from, c, to]) => ({ from, c, to, name: `${from.stage}[${from.planPosition}] --${c}--> ${to.stage}[${to.planPosition}]` })))(
    'allows $name',
    ({ from, c, to }) => {
      const result = transition(from, cmd(c), PLAN);
      expect(result).toMatchObject({ ok: true, next: to });
    },
  );

  const illegal = ALL_STATES.flatMap((st) => COMMAND_TYPES.filter((c) => !legalByKey.has(key(st, c))).map((c) => ({ st, c })));
  it.each(illegal.map(({ st, c }) => ({ st, c, name: `${st.stage}[${st.planPosition}] --${c}-->` })))('refuses $name with a reason', ({ st, c }) => {
    const result = transition(st, cmd(c), PLAN);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason.length).toBeGreaterThan(5);
  });

  it('covers every state and command', () => {
    expect(LEGAL.length + illegal.length).toBe(ALL_STATES.length * COMMAND_TYPES.length);
  });

  it('goes from screening straight to offer when the role has no interview plan', () => {
    expect(transition(s('SCREENING'), { type: 'advance' }, { length: 0 })).toMatchObject({ ok: true, next: s('OFFER') });
  });

  it('refuses a rejection without a reason', () => {
    expect(transition(s('NEW'), { type: 'reject', reason: '  ' }, PLAN).ok).toBe(false);
  });

  it('asks for scheduling on entering a plan step, and cancels it on leaving mid-way', () => {
    const enter = transition(s('SCREENING'), { type: 'advance' }, PLAN);
    expect(enter.ok && enter.effects).toEqual([
      { type: 'stage_changed', from: s('SCREENING'), to: s('SCHEDULING', 0) },
      { type: 'start_scheduling', planPosition: 0 },
    ]);
    const leave = transition(s('INTERVIEW_SCHEDULED', 1), { type: 'withdraw' }, PLAN);
    expect(leave.ok && leave.effects).toContainEqual({ type: 'cancel_scheduling', planPosition: 1 });
    const done = transition(s('INTERVIEWED', 1), { type: 'reject', reason: 'x' }, PLAN);
    expect(done.ok && done.effects.map((e) => e.type)).toEqual(['stage_changed']);
  });

  it('never mutates its input', () => {
    const from = Object.freeze(s('INTERVIEWED', 0));
    expect(() => transition(from, { type: 'advance' }, PLAN)).not.toThrow();
  });
});
