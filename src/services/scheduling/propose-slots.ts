import type { PrismaClient } from '../../db/prisma.js';
import type { SlotSearchResult } from '../../domain/scheduling/find-slots.js';
import type { Boss } from '../../jobs/boss.js';
import { recordEffect } from '../../outbox/record-effect.js';
import {
  calendarWarning,
  decidedApprovalMessage,
  noSlotsMessage,
  slotApprovalMessage,
} from '../../slack/blocks/slot-approval.js';
import type { AvailabilitySource } from './availability.js';
import { loadInterviewPlan } from './load-interview-plan.js';
import { searchSlots } from './search-slots.js';
import { holdProposals } from './hold-slots.js';

export type ProposeResult =
  | { status: 'proposed'; proposalIds: string[] }
  | { status: 'no-slots'; result: SlotSearchResult }
  | { status: 'not-proposing'; interviewStatus: string };

/**
 * Finds times for an interview from fresh calendars and asks the team to approve them in
 * the role's channel (or the recruiter's DM when the role has no channel). A calendar that
 * could not be read is a warning posted before the proposal; "no times" says what blocked
 * them and what would unblock them. One transaction writes the proposals, the interview's
 * new status, the messages (through the outbox) and the event log.
 */
export async function proposeSlots(
  deps: { prisma: PrismaClient; boss: Boss; availability: AvailabilitySource; now: () => Date },
  {
    interviewId,
    runKey,
    candidateWindows = [],
    approval = 'ask',
    move = false,
  }: {
    interviewId: string;
    /** Stable for this attempt at proposing (the job id), so a re-run posts nothing twice. */
    runKey: string;
    candidateWindows?: Array<{ start: string; end: string }>;
    /**
     * 'ask': the team approves in Slack. 'auto' (the agent, when the role's policy lets later
     * rounds or a reschedule go out without approval): the times are approved at once and the
     * team is told. Only 'auto' may propose new times for a booked interview (a reschedule).
     */
    approval?: 'ask' | 'auto';
    /** The team asked to move a booked interview: new times for it, approved in Slack like the first ones. */
    move?: boolean;
  },
): Promise<ProposeResult> {
  const plan = await loadInterviewPlan(deps.prisma, interviewId);
  const rescheduling = (approval === 'auto' || move) && plan.interview.status === 'BOOKED';
  // The team asked to move it twice (a double click): the first round is still waiting for them.
  if (move && rescheduling && (await deps.prisma.slotProposal.count({ where: { interviewId, status: 'PROPOSED' } }))) {
    return { status: 'not-proposing', interviewStatus: plan.interview.status };
  }
  if (plan.interview.status !== 'PROPOSING' && !rescheduling)
    return { status: 'not-proposing', interviewStatus: plan.interview.status };
  const now = deps.now();
  const { query, fresh, result } = await searchSlots(deps, { plan, now, candidateWindows });
  const problems = plan.people.flatMap((p) =>
    fresh.get(p.userId)?.problems.length ? [{ name: p.name, problems: fresh.get(p.userId)!.problems }] : [],
  );
  const channel = plan.role.slackChannelId ?? plan.role.recruiterSlackId;

  return deps.prisma.$transaction(async (tx) => {
    const say = async (key: string, message: { text: string; blocks: object[] }) => {
      if (!channel) return;
      await recordEffect(
        { tx, boss: deps.boss },
        {
          kind: 'slack.post',
          idempotencyKey: `proposal:${interviewId}:${runKey}:${key}`,
          applicationId: plan.application.id,
          payload: { channel, text: message.text, blocks: message.blocks as Array<Record<string, unknown>> },
        },
      );
    };
    if (problems.length)
      await say('calendar-warning', calendarWarning({ candidateName: plan.candidate.name, problems }));

    if (result.slots.length === 0) {
      await say(
        'none',
        noSlotsMessage({ candidateName: plan.candidate.name, stageName: plan.stage.name, report: result.noSlots! }),
      );
      await tx.applicationEvent.create({
        data: {
          applicationId: plan.application.id,
          actorType: 'SYSTEM',
          actorId: 'scheduler',
          type: 'slots.none',
          data: { interviewId, blockers: result.noSlots!.blockers.slice(0, 5), unblock: result.noSlots!.unblock },
        },
      });
      return { status: 'no-slots', result };
    }

    const auto = approval === 'auto' ? { status: 'APPROVED' as const, approvedAt: now } : {};
    const proposals = await tx.slotProposal.createManyAndReturn({
      data: result.slots.map((slot, rank) => ({
        interviewId,
        startsAt: new Date(slot.start),
        endsAt: new Date(slot.end),
        rank,
        interviewerIds: slot.interviewerIds,
        explanation: { why: slot.why },
        ...auto,
      })),
      select: { id: true, startsAt: true, endsAt: true, interviewerIds: true, explanation: true },
    });
    await holdProposals(tx, deps.boss, { interviewId, proposalIds: proposals.map((p) => p.id), now });
    const names = new Map(plan.people.map((p) => [p.userId, p.name]));
    const slots = proposals.map((p) => ({
      id: p.id,
      start: p.startsAt,
      end: p.endsAt,
      interviewers: p.interviewerIds.map((id) => names.get(id) ?? 'someone'),
      why: (p.explanation as { why: string }).why,
    }));
    if (approval === 'auto') {
      // A booked interview stays booked until the candidate picks one of the new times.
      if (!rescheduling)
        await tx.interview.update({ where: { id: interviewId }, data: { status: 'AWAITING_CANDIDATE' } });
      const decision = rescheduling
        ? 'Offered to the candidate to move the booked interview (the role lets the agent do this without approval).'
        : 'Offered to the candidate without approval (the role needs approval only for the first proposal).';
      await say(
        'approval',
        decidedApprovalMessage({
          candidateName: plan.candidate.name,
          candidateZone: query.candidate.zone,
          stageName: plan.stage.name,
          slots: slots.map((s) => ({ ...s, approved: true })),
          decision,
        }),
      );
      const data = {
        interviewId,
        proposalIds: proposals.map((p) => p.id),
        times: proposals.map((p) => p.startsAt.toISOString()),
        possible: result.possible,
        auto: true,
        rescheduling,
      };
      await tx.applicationEvent.create({
        data: { applicationId: plan.application.id, actorType: 'AGENT', actorId: runKey, type: 'slots.approved', data },
      });
      return { status: 'proposed', proposalIds: data.proposalIds };
    }
    // A booked interview stays booked while the team approves times to move it to.
    if (!rescheduling) await tx.interview.update({ where: { id: interviewId }, data: { status: 'AWAITING_APPROVAL' } });
    await say(
      'approval',
      slotApprovalMessage({
        interviewId,
        moving: rescheduling ? plan.interview.startsAt : null,
        candidateName: plan.candidate.name,
        candidateZone: query.candidate.zone,
        stageName: plan.stage.name,
        durationMinutes: plan.stage.durationMinutes,
        slots,
      }),
    );
    const data = {
      interviewId,
      proposalIds: proposals.map((p) => p.id),
      times: proposals.map((p) => p.startsAt.toISOString()),
      possible: result.possible,
    };
    await tx.applicationEvent.create({
      data: {
        applicationId: plan.application.id,
        actorType: 'SYSTEM',
        actorId: 'scheduler',
        type: 'slots.proposed',
        data,
      },
    });
    return { status: 'proposed', proposalIds: data.proposalIds };
  });
}
