// The pipeline's vocabulary. Mirrors the PipelineStage enum in prisma/schema.prisma
// (a test keeps the two equal); the domain stays free of the Prisma client.

export const STAGES = [
  'NEW',
  'SCREENING',
  'SCHEDULING',
  'INTERVIEW_SCHEDULED',
  'INTERVIEWED',
  'OFFER',
  'HIRED',
  'REJECTED',
  'WITHDRAWN',
] as const;

export type Stage = (typeof STAGES)[number];

/** Stages an application never leaves. */
export const CLOSED_STAGES: ReadonlySet<Stage> = new Set(['HIRED', 'REJECTED', 'WITHDRAWN']);

/** Stages that belong to one step of the interview plan (they carry a plan position). */
export const PLAN_STAGES: ReadonlySet<Stage> = new Set(['SCHEDULING', 'INTERVIEW_SCHEDULED', 'INTERVIEWED']);

export type PipelineState = {
  stage: Stage;
  /** 0-based step of the role's interview plan; null outside PLAN_STAGES. */
  planPosition: number | null;
};

/** What someone (or something) asks the pipeline to do. */
export type PipelineCommand =
  | { type: 'advance' }
  | { type: 'interview_booked' }
  | { type: 'interview_cancelled' }
  | { type: 'interview_completed' }
  | { type: 'hire' }
  | { type: 'reject'; reason: string }
  | { type: 'withdraw'; reason?: string };

export type CommandType = PipelineCommand['type'];

export const COMMAND_TYPES: readonly CommandType[] = [
  'advance',
  'interview_booked',
  'interview_cancelled',
  'interview_completed',
  'hire',
  'reject',
  'withdraw',
];

/** A human label for a state, e.g. "Scheduling (step 2 of 3)". */
export function describeState({ stage, planPosition }: PipelineState, planLength: number): string {
  const label = stage.charAt(0) + stage.slice(1).toLowerCase().replaceAll('_', ' ');
  return planPosition === null ? label : `${label} (step ${planPosition + 1} of ${planLength})`;
}
