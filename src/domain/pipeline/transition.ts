import { CLOSED_STAGES, type PipelineCommand, type PipelineState, type Stage } from './stages.js';

/** Work a stage change asks for, as data; services/ turns each into a job in the same transaction. */
export type PipelineEffect =
  | { type: 'stage_changed'; from: PipelineState; to: PipelineState }
  | { type: 'start_scheduling'; planPosition: number }
  /** The application closed: whatever is in flight for it (interviews, holds, the agent, its pending mail) stops. */
  | { type: 'unwind' };

export type TransitionResult =
  | { ok: true; next: PipelineState; effects: PipelineEffect[] }
  | { ok: false; reason: string };

type Plan = { length: number };

const at = (stage: Stage, planPosition: number | null = null): PipelineState => ({ stage, planPosition });

/** Entering the interview plan at `position`, or the offer once the plan is done. */
function nextStep(position: number, plan: Plan): PipelineState {
  return position < plan.length ? at('SCHEDULING', position) : at('OFFER');
}

function target(state: PipelineState, command: PipelineCommand, plan: Plan): PipelineState | string {
  const { stage, planPosition: pos } = state;
  if (CLOSED_STAGES.has(stage)) return `the application is already ${stage.toLowerCase()}`;
  switch (command.type) {
    case 'reject':
      return command.reason.trim() ? at('REJECTED') : 'a rejection needs a reason';
    case 'withdraw':
      return at('WITHDRAWN');
    case 'advance':
      switch (stage) {
        case 'NEW':
          return at('SCREENING');
        case 'SCREENING':
          return nextStep(0, plan);
        case 'INTERVIEWED':
          return nextStep((pos ?? 0) + 1, plan);
        case 'SCHEDULING':
          return 'book the interview first (or reject)';
        case 'INTERVIEW_SCHEDULED':
          return 'the interview has not happened yet';
        case 'OFFER':
          return 'use hire once the offer is accepted';
        case 'HIRED':
        case 'REJECTED':
        case 'WITHDRAWN':
          return `cannot advance from ${stage}`;
      }
      break;
    case 'interview_booked':
      return stage === 'SCHEDULING'
        ? at('INTERVIEW_SCHEDULED', pos)
        : `no interview is being scheduled (stage ${stage})`;
    case 'interview_cancelled':
      return stage === 'INTERVIEW_SCHEDULED' ? at('SCHEDULING', pos) : `no interview is booked (stage ${stage})`;
    case 'interview_completed':
      return stage === 'INTERVIEW_SCHEDULED' ? at('INTERVIEWED', pos) : `no interview is booked (stage ${stage})`;
    case 'hire':
      return stage === 'OFFER' ? at('HIRED') : `only an application at the offer stage can be hired (stage ${stage})`;
  }
}

/**
 * The pipeline state machine: pure, total, and the only definition of what is legal.
 * new → screening → (scheduling → interview scheduled → interviewed) per plan step → offer → hired;
 * rejected or withdrawn from any open stage.
 */
export function transition(state: PipelineState, command: PipelineCommand, plan: Plan): TransitionResult {
  const next = target(state, command, plan);
  if (typeof next === 'string') return { ok: false, reason: next };

  const effects: PipelineEffect[] = [{ type: 'stage_changed', from: state, to: next }];
  if (next.stage === 'SCHEDULING' && next.planPosition !== null) {
    effects.push({ type: 'start_scheduling', planPosition: next.planPosition });
  }
  // From any stage: a rejection at screening can still have a reply to answer or a mail queued.
  if (CLOSED_STAGES.has(next.stage)) effects.push({ type: 'unwind' });
  return { ok: true, next, effects };
}
