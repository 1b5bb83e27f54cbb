import { askTeamToDecide, WAITING_FOR_TEAM } from './ask-team-to-decide.js';
import { describeSlotFor } from '../../domain/agent/candidate-times.js';
import { bookSlot } from '../../services/scheduling/book-slot.js';
import { cancelInterview } from '../../services/scheduling/cancel-interview.js';
import { agentDecisionBlocks } from '../../slack/blocks/agent-messages.js';
import { Refused, type AgentDeps } from '../agent-deps.js';
import { teamDestination, type RunFacts, type RunOption } from '../run-facts.js';
import { appendStep } from '../run-steps.js';
import { interviewOf } from './offer-tools.js';
import { resolvedOnce } from './tool-call-record.js';
import type { ToolOutcome } from './tool-outcome.js';
import type { StoredStep } from '../conversation.js';
import { candidateChoice } from './candidate-requests.js';

type Call = { runId: string; toolUseId: string; name: string; input: unknown };

function optionOf(facts: RunFacts, n: number): RunOption {
  const option = facts.options.find((o) => o.n === n);
  // A number that is not on offer is the model inventing a slot: a violation, not a typo.
  if (!option)
    throw new Refused(
      `option ${n} is not one of the current options (${facts.options.map((o) => o.n).join(', ') || 'none'})`,
      true,
      'it chose an option that is not on offer',
    );
  return option;
}

/**
 * The option, if it is the one the candidate chose in their reply (as code recorded it). Booking
 * another is a violation; with no recorded choice (the reply could not be read), the model asks.
 */
function chosenOption(facts: RunFacts, n: number, history: readonly StoredStep[]): RunOption {
  const option = optionOf(facts, n);
  const choice = candidateChoice(history);
  if (!choice)
    throw new Refused(
      "no reply of the candidate was read as choosing an option: ask them to confirm the option's number, or hand over",
    );
  if (choice.proposalId !== option.proposalId) {
    const still = facts.options.find((o) => o.proposalId === choice.proposalId);
    throw new Refused(
      still
        ? `the candidate chose option ${still.n}, not option ${n}`
        : 'the option the candidate chose is no longer on offer: offer the current ones again',
      !!still,
      'it tried to book a time the candidate did not choose',
    );
  }
  return option;
}

/**
 * Books (or, for a booked interview, moves) at an offered option, only if the engine
 * re-confirms it against fresh calendars.
 */
export async function bookTool(
  deps: AgentDeps,
  facts: RunFacts,
  { option: n }: { option: number },
  call: Call,
  { reschedule, history }: { reschedule: boolean; history: readonly StoredStep[] },
): Promise<ToolOutcome> {
  const interview = interviewOf(facts);
  if (!deps.availability) throw new Refused('Google Calendar is not connected, so nothing can be booked; hand over');
  const { value: option, rerun } = await resolvedOnce(deps, call, () => {
    if (reschedule && interview.status !== 'BOOKED')
      throw new Refused('the interview is not booked yet: use book_slot');
    if (!reschedule && interview.status === 'BOOKED')
      throw new Refused('the interview is already booked: to move it, propose_slots then reschedule_interview');
    return chosenOption(facts, n, history);
  });
  if (facts.role.policy.approve.booking && !rerun) return askToBook(deps, facts, option, call, reschedule);
  return performBooking(deps, facts, option, call.runId, reschedule);
}

export async function performBooking(
  deps: AgentDeps,
  facts: RunFacts,
  option: RunOption,
  runId: string,
  reschedule: boolean,
): Promise<ToolOutcome> {
  const interview = interviewOf(facts);
  const result = await bookSlot(
    { ...deps, availability: deps.availability! },
    {
      interviewId: interview.id,
      start: option.start,
      interviewerIds: option.interviewerIds,
      proposalId: option.proposalId,
      actor: { type: 'AGENT', id: runId },
      reschedule,
    },
  );
  if (result.status === 'gone') {
    // The reasons name interviewers' calendars: the team's business, not the candidate's.
    return {
      ok: false,
      result: {
        error: 'that time is no longer free',
        alternatives: result.alternatives.map((s) =>
          describeSlotFor(new Date(s.start), new Date(s.end), facts.displayZone),
        ),
        note: 'Apologise and call propose_slots to offer new times.',
      },
    };
  }
  await deps.prisma.agentRun.update({ where: { id: runId }, data: { followUpAt: null } });
  return {
    ok: true,
    result: {
      status: reschedule ? 'moved' : 'booked',
      when: describeSlotFor(result.start, result.end, facts.displayZone),
      note: 'The calendar invitation with the video link goes out from the calendar. Send a short confirmation email.',
    },
  };
}

async function askToBook(
  deps: AgentDeps,
  facts: RunFacts,
  option: RunOption,
  call: Call,
  reschedule: boolean,
): Promise<ToolOutcome> {
  const where = teamDestination(facts);
  if (!where) throw new Refused('the role has no Slack channel or recruiter to approve the booking; hand over');
  const when = describeSlotFor(option.start, option.end, facts.displayZone);
  await deps.prisma.$transaction(async (tx) => {
    const seq = await appendStep(tx, call.runId, {
      kind: 'TOOL_RESULT',
      name: call.name,
      input: { toolUseId: call.toolUseId, input: call.input },
      output: {
        ok: true,
        result: { status: 'waiting_for_team', note: 'The team approves bookings for this role. Wait.' },
        endsTurn: true,
        booking: { option: option.n, proposalId: option.proposalId, reschedule },
      },
    });
    const message = agentDecisionBlocks({
      kind: 'booking',
      runId: call.runId,
      seq,
      candidateName: facts.candidate.name,
      body: `${reschedule ? 'Move the interview to' : 'Book'} ${when}?`,
    });
    await askTeamToDecide(tx, deps.boss, {
      runId: call.runId,
      toolUseId: call.toolUseId,
      applicationId: facts.application.id,
      where,
      message,
    });
  });
  return WAITING_FOR_TEAM;
}

/**
 * Cancels the interview; where the role has bookings approved, cancelling is approved the same
 * way (the turn waits for the click), so a model cannot undo what it could not have done.
 */
export async function cancelTool(
  deps: AgentDeps,
  facts: RunFacts,
  { reason }: { reason: string },
  call: Call,
): Promise<ToolOutcome> {
  const interview = interviewOf(facts);
  if (interview.status === 'CANCELLED') return { ok: true, result: { status: 'was_already_cancelled' } };
  if (facts.role.policy.approve.booking) return askToCancel(deps, facts, reason, call);
  return performCancel(deps, facts, reason, call.runId);
}

export async function performCancel(
  deps: AgentDeps,
  facts: RunFacts,
  reason: string,
  runId: string,
): Promise<ToolOutcome> {
  const interview = interviewOf(facts);
  const result = await cancelInterview(deps, {
    interviewId: interview.id,
    actor: { type: 'AGENT', id: runId },
    reason,
  });
  await deps.prisma.agentRun.update({ where: { id: runId }, data: { followUpAt: null } });
  return { ok: true, result: { status: result.status === 'cancelled' ? 'cancelled' : 'was_already_cancelled' } };
}

async function askToCancel(deps: AgentDeps, facts: RunFacts, reason: string, call: Call): Promise<ToolOutcome> {
  const where = teamDestination(facts);
  if (!where) throw new Refused('the role has no Slack channel or recruiter to approve cancelling; hand over');
  const interview = interviewOf(facts);
  const when =
    interview.startsAt && interview.endsAt
      ? ` (${describeSlotFor(interview.startsAt, interview.endsAt, facts.displayZone)})`
      : '';
  await deps.prisma.$transaction(async (tx) => {
    const seq = await appendStep(tx, call.runId, {
      kind: 'TOOL_RESULT',
      name: call.name,
      input: { toolUseId: call.toolUseId, input: call.input },
      output: {
        ok: true,
        result: { status: 'waiting_for_team', note: 'The team approves cancelling for this role. Wait.' },
        endsTurn: true,
        cancel: { reason },
      },
    });
    const message = agentDecisionBlocks({
      kind: 'cancel',
      runId: call.runId,
      seq,
      candidateName: facts.candidate.name,
      body: `Cancel the ${interview.stageName} interview${when}? The agent's reason: ${reason}`,
    });
    await askTeamToDecide(tx, deps.boss, {
      runId: call.runId,
      toolUseId: call.toolUseId,
      applicationId: facts.application.id,
      where,
      message,
    });
  });
  return WAITING_FOR_TEAM;
}
