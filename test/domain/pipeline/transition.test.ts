import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES } from '../../../src/domain/pipeline/stages.js';
import { ALL_STATES, cmd, ILLEGAL, LEGAL, PLAN, s } from './cases.js';
import { transition } from '../../../src/domain/pipeline/transition.js';

describe('transition', () => {
  it.each(
    LEGAL.map(([from, c, to]) => ({
      from,
      c,
      to,
      name: `${from.stage}[${from.planPosition}] --${c}--> ${to.stage}[${to.planPosition}]`,
    })),
  )('allows $name', ({ from, c, to }) => {
    const result = transition(from, cmd(c), PLAN);
    expect(result).toMatchObject({ ok: true, next: to });
  });

  const illegal = ILLEGAL;
  it.each(illegal.map(({ st, c }) => ({ st, c, name: `${st.stage}[${st.planPosition}] --${c}-->` })))(
    'refuses $name with a reason',
    ({ st, c }) => {
      const result = transition(st, cmd(c), PLAN);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason.length).toBeGreaterThan(5);
    },
  );

  it('covers every state and command', () => {
    expect(LEGAL.length + illegal.length).toBe(ALL_STATES.length * COMMAND_TYPES.length);
  });

  it('goes from screening straight to offer when the role has no interview plan', () => {
    expect(transition(s('SCREENING'), { type: 'advance' }, { length: 0 })).toMatchObject({
      ok: true,
      next: s('OFFER'),
    });
  });

  it('refuses a rejection without a reason', () => {
    expect(transition(s('NEW'), { type: 'reject', reason: '  ' }, PLAN).ok).toBe(false);
  });

  it(
    'asks for scheduling on entering a plan step, ' + 'and unwinds whatever is in flight on closing, from any stage',
    () => {
      const enter = transition(s('SCREENING'), { type: 'advance' }, PLAN);
      expect(enter.ok && enter.effects).toEqual([
        { type: 'stage_changed', from: s('SCREENING'), to: s('SCHEDULING', 0) },
        { type: 'start_scheduling', planPosition: 0 },
      ]);
      const leave = transition(s('INTERVIEW_SCHEDULED', 1), { type: 'withdraw' }, PLAN);
      expect(leave.ok && leave.effects).toContainEqual({ type: 'unwind' });
      const done = transition(s('INTERVIEWED', 1), { type: 'reject', reason: 'x' }, PLAN);
      expect(done.ok && done.effects.map((e) => e.type)).toEqual(['stage_changed', 'unwind']);
      const early = transition(s('NEW'), { type: 'withdraw' }, PLAN);
      expect(early.ok && early.effects.map((e) => e.type)).toEqual(['stage_changed', 'unwind']);
      const moving = transition(s('INTERVIEWED', 0), { type: 'advance' }, PLAN);
      expect(moving.ok && moving.effects.map((e) => e.type)).toEqual(['stage_changed', 'start_scheduling']);
    },
  );

  it('never mutates its input', () => {
    const from = Object.freeze(s('INTERVIEWED', 0));
    expect(() => transition(from, { type: 'advance' }, PLAN)).not.toThrow();
  });
});
