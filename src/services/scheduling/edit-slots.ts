import type { PrismaClient } from '../../db/prisma.js';
import type { Boss } from '../../jobs/boss.js';
import type { Actor } from '../pipeline/move-application.js';
import type { AvailabilitySource } from './availability.js';
import { checkTime } from './check-time.js';
import { approveSlotsInTx, type ApprovalMessage } from './decide-slots.js';
import { loadInterviewPlan } from './load-interview-plan.js';
import { heldFor, holdProposals } from './hold-slots.js';

const DAY = 86_400_000;

export type EditResult = { status: 'approved'; approved: string[] } | { status: 'refused'; reasons: string[] };

/**
 * The team changes the set before approving it: keeps some proposed times and may add one
 * of its own. An added time is checked by the slot engine against fresh calendars like any
 * other (the team can be wrong about a colleague's afternoon); a time that does not work is
 * refused with its reasons and nothing changes.
 */
export async function editSlots(
  deps: { prisma: PrismaClient; boss: Boss; availability: AvailabilitySource | undefined; now: () => Date },
  {
    interviewId,
    keepIds,
    added,
    actor,
    message,
  }: {
    interviewId: string;
    keepIds: string[];
    added?: Date | undefined;
    actor: Actor;
    message?: ApprovalMessage | undefined;
  },
): Promise<EditResult> {
  if (!added) {
    if (keepIds.length === 0)
      return { status: 'refused', reasons: ['choose at least one time, or cancel the proposal'] };
    return {
      status: 'approved',
      ...(await deps.prisma.$transaction((tx) =>
        approveSlotsInTx(tx, deps.boss, { interviewId, proposalIds: keepIds, actor, message, now: deps.now() }),
      )),
    };
  }
  if (!deps.availability)
    return { status: 'refused', reasons: ['Google Calendar is not connected, so an added time cannot be checked'] };
  const plan = await loadInterviewPlan(deps.prisma, interviewId);
  const fresh = await deps.availability.busyFor(
    plan.people,
    new Date(added.getTime() - DAY),
    new Date(added.getTime() + DAY),
  );
  return deps.prisma.$transaction(async (tx) => {
    const booked = await tx.interviewerBooking.findMany({
      where: {
        userId: { in: plan.people.map((p) => p.userId) },
        endsAt: { gt: new Date(added.getTime() - 8 * DAY) },
        startsAt: { lt: new Date(added.getTime() + 8 * DAY) },
      },
      select: { userId: true, startsAt: true, endsAt: true },
    });
    const held = await heldFor(
      tx,
      plan.people,
      new Date(added.getTime() - DAY),
      new Date(added.getTime() + DAY),
      interviewId,
    );
    const verdict = checkTime({ plan, fresh, booked, held, start: added, now: deps.now(), minNoticeMinutes: 15 });
    if (!verdict.possible) return { status: 'refused', reasons: verdict.reasons };
    const round = await tx.slotProposal.findFirst({
      where: { interviewId },
      orderBy: [{ createdAt: 'desc' }, { rank: 'desc' }],
      select: { createdAt: true, rank: true },
    });
    const extra = await tx.slotProposal.create({
      data: {
        interviewId,
        startsAt: added,
        endsAt: new Date(verdict.end),
        rank: (round?.rank ?? -1) + 1,
        interviewerIds: verdict.interviewerIds,
        explanation: { why: `added by ${actor.type === 'USER' && actor.id ? `<@${actor.id}>` : 'the team'}` },
        // Same round as the proposal it edits (see decide-slots: a round shares createdAt).
        ...(round ? { createdAt: round.createdAt } : {}),
      },
      select: { id: true },
    });
    await holdProposals(tx, deps.boss, { interviewId, proposalIds: [extra.id], now: deps.now() });
    return {
      status: 'approved',
      ...(await approveSlotsInTx(tx, deps.boss, {
        interviewId,
        proposalIds: [...keepIds, extra.id],
        actor,
        message,
        now: deps.now(),
      })),
    };
  });
}
