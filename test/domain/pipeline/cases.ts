import {
  COMMAND_TYPES,
  STAGES,
  type PipelineCommand,
  type PipelineState,
  type Stage,
} from '../../../src/domain/pipeline/stages.js';

export const s = (stage: Stage, planPosition: number | null = null): PipelineState => ({ stage, planPosition });
export const cmd = (type: PipelineCommand['type']): PipelineCommand =>
  type === 'reject' ? { type, reason: 'not a fit' } : type === 'withdraw' ? { type } : ({ type } as PipelineCommand);

// Every legal move for a role with a two-step interview plan, written out by hand.
// Anything not listed here must be refused.
export const PLAN = { length: 2 };
export const LEGAL: [PipelineState, PipelineCommand['type'], PipelineState][] = [
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

export const ALL_STATES: PipelineState[] = STAGES.flatMap((st) =>
  ['SCHEDULING', 'INTERVIEW_SCHEDULED', 'INTERVIEWED'].includes(st) ? [s(st, 0), s(st, 1)] : [s(st)],
);
export const key = (st: PipelineState, c: string) => `${st.stage}/${st.planPosition}/${c}`;
export const legalByKey = new Map(LEGAL.map(([from, c, to]) => [key(from, c), to]));

/** Every (state, command) pair the table does not allow. */
export const ILLEGAL = ALL_STATES.flatMap((st) =>
  COMMAND_TYPES.filter((c) => !legalByKey.has(key(st, c))).map((c) => ({ st, c })),
);
