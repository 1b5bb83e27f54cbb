import { windowsFromLocalRanges, describeSlotFor, type LocalRange } from '../../domain/agent/candidate-times.js';
import { loadInterviewPlan } from '../../services/scheduling/load-interview-plan.js';
import { proposeSlots } from '../../services/scheduling/propose-slots.js';
import { searchSlots } from '../../services/scheduling/search-slots.js';
import { releaseHolds } from '../../services/scheduling/hold-slots.js';
import { Refused, type AgentDeps } from '../agent-deps.js';
import { loadRunFacts, type RunFacts } from '../run-facts.js';
import { describeOptions } from './describe.js';
import { resolvedOnce } from './tool-call-record.js';
import type { ToolOutcome } from './tool-outcome.js';
import type { StoredStep } from '../conversation.js';
import { newRoundAskedBy } from './candidate-requests.js';

/** Candidate ranges to instants in their zone; without a known zone the ranges cannot be read. */
export function candidateWindows(facts: RunFacts, within: readonly LocalRange[] | undefined, now: Date) {
  if (!within?.length) return { windows: [], refused: [] };
  if (!facts.zone)
    throw new Refused(
      "the candidate's time zone is not known yet: ask them, then call record_availability with an IANA zone",
    );
  return windowsFromLocalRanges(within, facts.zone, now);
}

export function interviewOf(facts: RunFacts): NonNullable<RunFacts['interview']> {
  if (!facts.interview) throw new Refused('this run has no interview to schedule; hand over');
  return facts.interview;
}

export async function findSlotsTool(
  deps: AgentDeps,
  facts: RunFacts,
  input: { within?: LocalRange[] | undefined },
): Promise<ToolOutcome> {
  const interview = interviewOf(facts);
  if (!deps.availability) throw new Refused('Google Calendar is not connected, so no times can be checked; hand over');
  const now = deps.now();
  const { windows, refused } = candidateWindows(facts, input.within, now);
  const plan = await loadInterviewPlan(deps.prisma, interview.id);
  const { result } = await searchSlots(
    { prisma: deps.prisma, availability: deps.availability },
    { plan, now, candidateWindows: windows, report: false },
  );
  return {
    ok: true,
    result: {
      times: result.slots.map((s) => describeSlotFor(new Date(s.start), new Date(s.end), facts.displayZone)),
      possible: result.possible,
      ...(refused.length ? { ranges_refused: refused } : {}),
      note: 'Not offered yet: call propose_slots to offer times.',
    },
  };
}

/**
 * New options for the candidate. The first proposal of an interview goes to the team when the
 * role says so (the turn then waits for their click); later rounds and reschedules are approved
 * by the code at once, but only when the candidate or the team asked for them. An offer the
 * candidate did not take is withdrawn first.
 */
export async function proposeSlotsTool(
  deps: AgentDeps,
  facts: RunFacts,
  input: { within?: LocalRange[] | undefined },
  call: { runId: string; toolUseId: string; name: string },
  history: readonly StoredStep[],
): Promise<ToolOutcome> {
  const interview = interviewOf(facts);
  if (!deps.availability) throw new Refused('Google Calendar is not connected, so no times can be proposed; hand over');
  const now = deps.now();
  const { windows, refused } = candidateWindows(facts, input.within, now);
  if (input.within?.length && windows.length === 0)
    return { ok: false, result: { error: 'none of those ranges is usable', ranges_refused: refused } };
  const approval =
    facts.role.policy.approve.firstProposal && !facts.everApproved && interview.status !== 'BOOKED' ? 'ask' : 'auto';
  // Times nobody approves are offered only when someone asked for them: otherwise a model could
  // withdraw the team's options and offer (then book) its own. Checked before anything is withdrawn.
  if (approval === 'auto' && interview.status !== 'AWAITING_APPROVAL' && !newRoundAskedBy(history))
    throw new Refused(
      'new times go out without approval only when the candidate asked for other times (or the team said so): ' +
        'offer the current options, ask_team, or hand over',
    );
  // A re-run after a crash must not withdraw the options its first run just made.
  const { rerun } = await resolvedOnce(deps, call, () => ({ windows: windows.length }));
  if (rerun && interview.status !== 'PROPOSING') return reportProposal(deps, facts, refused);
  const runKey = `${call.runId}:${call.toolUseId}`;
  if (interview.status === 'AWAITING_APPROVAL')
    return {
      ok: true,
      result: { status: 'waiting_for_team', note: 'Times are already with the team for approval. Wait.' },
      endsTurn: true,
    };
  if (interview.status === 'CANCELLED' || interview.status === 'COMPLETED')
    throw new Refused(`the interview is ${interview.status.toLowerCase()}`);
  if (interview.status === 'AWAITING_CANDIDATE' || interview.status === 'BOOKED') {
    // The options the candidate did not take (or, for a booked interview, an earlier round of times to move it to).
    await deps.prisma.$transaction(async (tx) => {
      await tx.slotProposal.updateMany({
        where: { interviewId: interview.id, status: { in: ['APPROVED', 'OFFERED'] } },
        data: { status: 'WITHDRAWN' },
      });
      await releaseHolds(tx, deps.boss, { interviewId: interview.id, now });
      await tx.interview.updateMany({
        where: { id: interview.id, status: 'AWAITING_CANDIDATE' },
        data: { status: 'PROPOSING' },
      });
    });
  }
  const result = await proposeSlots(
    { ...deps, availability: deps.availability },
    { interviewId: interview.id, runKey, candidateWindows: windows, approval },
  );
  if (result.status === 'no-slots') {
    // What blocked them names interviewers and their calendars: the team sees it in Slack, the model does not.
    return {
      ok: true,
      result: {
        status: 'no_times',
        note: 'No time works in that period. Ask the candidate for more availability, or hand over.',
      },
    };
  }
  return reportProposal(deps, facts, refused);
}

async function reportProposal(deps: AgentDeps, facts: RunFacts, refused: unknown[]): Promise<ToolOutcome> {
  const fresh = await loadRunFacts(deps.prisma, facts.run.id);
  if (fresh.interview?.status === 'AWAITING_APPROVAL') {
    return {
      ok: true,
      result: {
        status: 'waiting_for_team',
        note:
          'The team approves these times in Slack first. Send nothing now; you will be woken with the approved ' +
          'options.',
      },
      endsTurn: true,
    };
  }
  return {
    ok: true,
    result: {
      status: 'options_ready',
      options: describeOptions(fresh.options, fresh.displayZone),
      ...(refused.length ? { ranges_refused: refused } : {}),
      note: 'Email these with include_options: true.',
    },
  };
}
