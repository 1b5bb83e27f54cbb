import { answerSpeaksOfTimes } from '../../domain/agent/answer-speaks-of-times.js';
import type { StoredStep } from '../conversation.js';

// What the candidate (or the team) asked for, as our code recorded it from the stored steps:
// never what the model says they asked. The reading of a reply is the fast model's, checked by
// code (prepare-event.ts); the main model cannot write it.

type EventOutput = {
  type?: string;
  hidden?: boolean;
  reading?: { intent?: string; available?: unknown[] };
  checks?: { withdrawal?: string };
  chosen?: { proposalId: string; option: number };
  /** A person's answer to the agent's question. */
  answer?: unknown;
  /** A booking the team approved, as it turned out. */
  result?: { ok?: boolean };
};

const GONE = 'that time is no longer free';

/**
 * Who asked for a new round of times since the agent last offered one: the candidate (their
 * reply read as other times or a reschedule), the team (an answer to the agent's question that
 * speaks of days or times, or a mail read as a withdrawal that a person said was none), or the
 * calendars (the time the candidate chose was gone when booking, or the team's approved booking
 * could not be made). Null: nobody did, and a new round would be the model's own idea.
 */
export function newRoundAskedBy(steps: readonly StoredStep[]): 'candidate' | 'team' | 'calendar' | null {
  const lastRound = steps.findLastIndex(
    (s) =>
      s.kind === 'TOOL_RESULT' &&
      s.name === 'propose_slots' &&
      ['options_ready', 'waiting_for_team'].includes(
        ((s.output as { result?: { status?: string } }).result?.status ?? '') as string,
      ),
  );
  for (const s of steps.slice(lastRound + 1).reverse()) {
    if (s.kind === 'NOTE' && s.name === 'event' && s.output != null) {
      const e = s.output as EventOutput;
      if (e.hidden) continue;
      if (e.type === 'candidate_email') {
        const reading = e.reading;
        if (reading?.intent === 'proposes_times' || reading?.intent === 'reschedule' || reading?.available?.length)
          return 'candidate';
        // Read as a withdrawal, and a person who read the mail said it was none: the candidate wants
        // out of the current times, and the team kept them in the process.
        if (e.checks?.withdrawal) return 'team';
      }
      // An answer counts only when it speaks of times: any answer to any question would let the
      // model ask something harmless and take the reply as leave.
      if (e.type === 'team_answer' && typeof e.answer === 'string' && answerSpeaksOfTimes(e.answer)) return 'team';
      if (e.type === 'team_decision' && e.result?.ok === false) return 'calendar';
    }
    if (
      s.kind === 'TOOL_RESULT' &&
      (s.name === 'book_slot' || s.name === 'reschedule_interview') &&
      (s.output as { result?: { error?: string } }).result?.error === GONE
    )
      return 'calendar';
  }
  return null;
}

/** The option the candidate last chose in a reply, as code matched it to what was on offer then. */
export function candidateChoice(steps: readonly StoredStep[]): { proposalId: string; option: number } | null {
  for (const s of [...steps].reverse()) {
    if (s.kind !== 'NOTE' || s.name !== 'event' || s.output == null) continue;
    const e = s.output as EventOutput;
    if (e.type === 'candidate_email' && !e.hidden && e.chosen) return e.chosen;
  }
  return null;
}
