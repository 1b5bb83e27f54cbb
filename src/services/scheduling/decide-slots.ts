import type { PrismaClient, Tx } from '../../db/prisma.js';
import { AppError } from '../../errors.js';
import { enqueue, type Boss } from '../../jobs/boss.js';
import { recordEffect } from '../../outbox/record-effect.js';
import { decidedApprovalMessage } from '../../slack/blocks/slot-approval.js';
import type { Actor } from '../pipeline/move-application.js';
import { releaseHolds } from './hold-slots.js';

type Deps = { prisma: PrismaClient; boss: Boss };
/** The approval message to update in place once decided. */
export type ApprovalMessage = { channel: string; ts: string };

export type DecideOptions = {
  interviewId: string;
  actor: Actor;
  message?: ApprovalMessage | undefined;
  now?: Date | undefined;
};

/**
 * Approves some of an interview's proposed times (all of them when `proposalIds` is omitted).
 * A compare-and-set on the interview's status: the first decision wins and a late or second
 * click is told who decided. Times not approved are withdrawn; the agent is woken to offer the
 * approved ones; the message loses its buttons and says who approved what, and when.
 */
export async function approveSlots(
  deps: Deps,
  options: DecideOptions & { proposalIds?: string[] },
): Promise<{ approved: string[] }> {
  return deps.prisma.$transaction((tx) => approveSlotsInTx(tx, deps.boss, options));
}

/** approveSlots inside the caller's transaction (the edit modal adds a time first). */
export async function approveSlotsInTx(
  tx: Tx,
  boss: Boss,
  { interviewId, proposalIds, actor, message, now = new Date() }: DecideOptions & { proposalIds?: string[] },
): Promise<{ approved: string[] }> {
  const { applicationId, booked } = await lockAwaitingApproval(tx, interviewId);
  const proposed = await tx.slotProposal.findMany({
    where: { interviewId, status: 'PROPOSED' },
    orderBy: { rank: 'asc' },
  });
  const approved = proposed.filter((p) => !proposalIds || proposalIds.includes(p.id)).map((p) => p.id);
  if (approved.length === 0)
    throw new AppError('STALE_STATE', 'none of those times is still proposed', {
      userMessage: 'Those times are no longer on offer; the message will refresh.',
    });
  const approverId = await userIdOf(tx, actor);
  const at = now;
  await tx.slotProposal.updateMany({
    where: { id: { in: approved } },
    data: { status: 'APPROVED', approvedById: approverId, approvedAt: at },
  });
  await tx.slotProposal.updateMany({ where: { interviewId, status: 'PROPOSED' }, data: { status: 'WITHDRAWN' } });
  await releaseHolds(tx, boss, { interviewId, now });
  // A booked interview being moved stays booked until the candidate picks one of the new times.
  if (!booked) await tx.interview.update({ where: { id: interviewId }, data: { status: 'AWAITING_CANDIDATE' } });
  const data = {
    interviewId,
    proposalIds: approved,
    times: proposed.filter((p) => approved.includes(p.id)).map((p) => p.startsAt.toISOString()),
    at: at.toISOString(),
  };
  await tx.applicationEvent.create({
    data: { applicationId, actorType: actor.type, actorId: actor.id ?? null, type: 'slots.approved', data },
  });
  await tx.auditEntry.create({
    data: {
      actorType: actor.type,
      actorId: actor.id ?? null,
      action: 'slots.approve',
      subjectType: 'Interview',
      subjectId: interviewId,
      data,
    },
  });
  // The scheduling agent offers the approved times to the candidate by email.
  await enqueue(
    boss,
    tx,
    'agent.turn',
    {
      applicationId,
      key: `approved:${interviewId}:${at.toISOString()}`,
      event: { type: 'slots-approved', interviewId },
    },
    { singletonKey: applicationId },
  );
  const who = actor.type === 'USER' && actor.id ? `<@${actor.id}>` : 'Justin';
  await updateMessage(tx, boss, {
    interviewId,
    applicationId,
    message,
    approved,
    decision:
      `Approved by ${who} on ${slackDate(at)}: ${approved.length} time${approved.length === 1 ? '' : 's'} ` +
      'will be offered to the candidate.',
  });
  return { approved };
}

/** Withdraws the proposal: nothing is offered, and the interview waits for a new proposal. */
export async function cancelSlots(
  deps: Deps,
  { interviewId, actor, message, now = new Date() }: DecideOptions,
): Promise<void> {
  await deps.prisma.$transaction(async (tx) => {
    const { applicationId, booked } = await lockAwaitingApproval(tx, interviewId);
    await tx.slotProposal.updateMany({ where: { interviewId, status: 'PROPOSED' }, data: { status: 'WITHDRAWN' } });
    await releaseHolds(tx, deps.boss, { interviewId, now });
    // Not moving a booked interview after all: it stays as it was.
    if (!booked) await tx.interview.update({ where: { id: interviewId }, data: { status: 'PROPOSING' } });
    await tx.applicationEvent.create({
      data: {
        applicationId,
        actorType: actor.type,
        actorId: actor.id ?? null,
        type: 'slots.cancelled',
        data: { interviewId },
      },
    });
    await tx.auditEntry.create({
      data: {
        actorType: actor.type,
        actorId: actor.id ?? null,
        action: 'slots.cancel',
        subjectType: 'Interview',
        subjectId: interviewId,
      },
    });
    const who = actor.type === 'USER' && actor.id ? `<@${actor.id}>` : 'Justin';
    await updateMessage(tx, deps.boss, {
      interviewId,
      applicationId,
      message,
      approved: [],
      decision: `Cancelled by ${who} on ${slackDate(now)}; nothing was sent to the candidate.`,
    });
  });
}

/**
 * Locks an interview whose proposed times wait for the team: a new one (AWAITING_APPROVAL), or a
 * booked one the team asked to move (BOOKED, with times still PROPOSED). Anything else was
 * decided already, and the late click is told by whom.
 */
export async function lockAwaitingApproval(
  tx: Tx,
  interviewId: string,
): Promise<{ applicationId: string; booked: boolean }> {
  const rows = await tx.$queryRaw<Array<{ status: string; applicationId: string; proposed: number }>>`
    SELECT status::text AS status, "applicationId",
           (SELECT count(*)::int FROM "SlotProposal" p
            WHERE p."interviewId" = i.id AND p.status = 'PROPOSED') AS proposed
    FROM "Interview" i WHERE id = ${interviewId}::uuid FOR UPDATE`;
  const row = rows[0];
  if (!row)
    throw new AppError('NOT_FOUND', `interview ${interviewId} not found`, {
      userMessage: 'That interview no longer exists.',
    });
  const moving = row.status === 'BOOKED' && row.proposed > 0;
  if (row.status !== 'AWAITING_APPROVAL' && !moving) {
    if (row.status === 'CANCELLED')
      throw new AppError('STALE_STATE', `interview ${interviewId} is cancelled`, {
        userMessage: 'This interview was cancelled; these times are no longer needed.',
      });
    const last = await tx.applicationEvent.findFirst({
      where: {
        applicationId: row.applicationId,
        type: { in: ['slots.approved', 'slots.cancelled', 'interview.booked'] },
      },
      orderBy: { id: 'desc' },
      select: { type: true, actorType: true, actorId: true },
    });
    const who = last?.actorType === 'USER' && last.actorId ? `<@${last.actorId}>` : 'someone';
    const what = last ? last.type.replace('slots.', '').replace('interview.', '') : 'decided';
    throw new AppError('STALE_STATE', `interview ${interviewId} is ${row.status}`, {
      userMessage: `Already decided: ${who} ${what} these times.`,
    });
  }
  return { applicationId: row.applicationId, booked: moving };
}

async function userIdOf(tx: Tx, actor: Actor): Promise<string | null> {
  if (actor.type !== 'USER' || !actor.id) return null;
  const user = await tx.user.findFirst({ where: { slackUserId: actor.id }, select: { id: true } });
  return user?.id ?? null;
}

function slackDate(t: Date): string {
  return `<!date^${Math.floor(t.getTime() / 1000)}^{date_short_pretty} at {time}|${t.toISOString()}>`;
}

async function updateMessage(
  tx: Tx,
  boss: Boss,
  {
    interviewId,
    applicationId,
    message,
    approved,
    decision,
  }: {
    interviewId: string;
    applicationId: string;
    message: ApprovalMessage | undefined;
    approved: string[];
    decision: string;
  },
): Promise<void> {
  if (!message) return;
  const interview = await tx.interview.findUniqueOrThrow({
    where: { id: interviewId },
    select: {
      candidateZone: true,
      stage: { select: { name: true } },
      application: { select: { candidate: { select: { name: true, timeZone: true } } } },
    },
  });
  // One round of proposals shares its createdAt (one INSERT, one transaction timestamp).
  const latest = await tx.slotProposal.findFirst({
    where: { interviewId },
    orderBy: { createdAt: 'desc' },
    select: { createdAt: true },
  });
  const proposals = latest
    ? await tx.slotProposal.findMany({ where: { interviewId, createdAt: latest.createdAt } })
    : [];
  const names = new Map(
    (
      await tx.user.findMany({
        where: { id: { in: proposals.flatMap((p) => p.interviewerIds) } },
        select: { id: true, name: true },
      })
    ).map((u) => [u.id, u.name]),
  );
  const { text, blocks } = decidedApprovalMessage({
    candidateName: interview.application.candidate.name,
    candidateZone: interview.candidateZone ?? interview.application.candidate.timeZone ?? 'UTC',
    stageName: interview.stage.name,
    slots: proposals
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
      .map((p) => ({
        id: p.id,
        start: p.startsAt,
        end: p.endsAt,
        interviewers: p.interviewerIds.map((id) => names.get(id) ?? 'someone'),
        why: (p.explanation as { why?: string } | null)?.why ?? '',
        approved: approved.includes(p.id),
      })),
    decision,
  });
  await recordEffect(
    { tx, boss },
    {
      kind: 'slack.update',
      idempotencyKey: `slots-decided:${interviewId}:${message.ts}`,
      applicationId,
      payload: { channel: message.channel, ts: message.ts, text, blocks },
    },
  );
}
