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

export type PipelineState = {
  stage: Stage;
  /** 0-based step of the role's interview plan; null outside scheduling, interview scheduled and interviewed. */
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

/** A stage as people say it: "Interview scheduled". */
export function stageLabel(stage: Stage): string {
  return stage.charAt(0) + stage.slice(1).toLowerCase().replaceAll('_', ' ');
}

/** A human label for a state, e.g. "Scheduling (step 2 of 3)". */
export function describeState({ stage, planPosition }: PipelineState, planLength: number): string {
  const label = stageLabel(stage);
  return planPosition === null ? label : `${label} (step ${planPosition + 1} of ${planLength})`;
}
