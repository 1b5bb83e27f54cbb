import type { PrismaClient } from '../../db/prisma.js';
import type { Boss } from '../../jobs/boss.js';
import { sendNotice } from '../notices/send-notice.js';
import { refreshNotices } from '../notices/send-notice.js';
import { askApprover, offerChanged } from './draft-offer.js';
import { lockOffer } from './lock-offer.js';

export type Decision = 'APPROVED' | 'CHANGES_REQUESTED' | 'REJECTED';

export type DecideOutcome =
  | { ok: true; status: 'next' | 'approved' | 'changes' | 'not-approved' }
  | { ok: false; told: string };

/**
 * An approver's decision, compare-and-set on the offer's version: a click on a message about an
 * earlier version (the offer was edited since) is told so, as is a second click, a click out of
 * turn, or someone else's. Approving hands the offer to the next approver, or marks it approved
 * and tells the recruiter; asking for changes sends it back to whoever drafted it, with the
 * comment; rejecting ends it. Each decision is in the event log.
 */
export async function decideApproval(
  { prisma, boss }: { prisma: PrismaClient; boss: Boss },
  {
    approvalId,
    version,
    decision,
    comment,
    slackUserId,
    now,
  }: { approvalId: string; version: number; decision: Decision; comment?: string; slackUserId: string; now: Date },
): Promise<DecideOutcome> {
  return prisma.$transaction(async (tx): Promise<DecideOutcome> => {
    const found = await tx.offerApproval.findUnique({ where: { id: approvalId }, select: { offerId: true } });
    if (!found) return { ok: false, told: 'That approval no longer exists.' };
    const offer = await lockOffer(tx, found.offerId);
    if (!offer) return { ok: false, told: 'That offer no longer exists.' };
    // Read under the lock: a second click, or a rejection racing an approval, sees the first's decision.
    const approval = await tx.offerApproval.findUniqueOrThrow({
      where: { id: approvalId },
      select: { offerId: true, offerVersion: true, position: true, decision: true, approver: true },
    });
    if (approval.approver.slackUserId !== slackUserId)
      return { ok: false, told: 'This approval is someone else’s to give.' };
    if (approval.offerVersion !== version || offer.version !== version)
      return {
        ok: false,
        told:
          `This offer was changed after you were asked (it is at version ${offer.version}): ` +
          'the new terms come to you when it is your turn.',
      };
    if (approval.decision !== 'PENDING') return { ok: false, told: 'You have already decided on this version.' };
    if (offer.status !== 'PENDING_APPROVAL')
      return { ok: false, told: 'This offer is no longer waiting for approval.' };
    const earlier = await tx.offerApproval.count({
      where: {
        offerId: approval.offerId,
        offerVersion: version,
        position: { lt: approval.position },
        decision: { not: 'APPROVED' },
      },
    });
    if (earlier) return { ok: false, told: 'It is not your turn yet: someone before you in the chain decides first.' };

    await tx.offerApproval.update({
      where: { id: approvalId },
      data: { decision, comment: comment?.trim() || null, decidedAt: now },
    });
    await tx.applicationEvent.create({
      data: {
        applicationId: offer.applicationId,
        actorType: 'USER',
        actorId: slackUserId,
        type: 'offer.approval',
        data: { offerId: approval.offerId, version, position: approval.position, decision },
      },
    });
    let status: 'next' | 'approved' | 'changes' | 'not-approved';
    if (decision === 'APPROVED') {
      const next = await tx.offerApproval.findFirst({
        where: { offerId: approval.offerId, offerVersion: version, position: { gt: approval.position } },
        orderBy: { position: 'asc' },
        select: { id: true, approverId: true },
      });
      if (next) {
        await askApprover(tx, boss, { offerId: approval.offerId, approval: next, now });
        status = 'next';
      } else {
        await tx.offer.update({ where: { id: approval.offerId }, data: { status: 'APPROVED' } });
        status = 'approved';
      }
    } else {
      await tx.offer.update({
        where: { id: approval.offerId },
        data: { status: decision === 'REJECTED' ? 'NOT_APPROVED' : 'CHANGES_REQUESTED' },
      });
      status = decision === 'REJECTED' ? 'not-approved' : 'changes';
    }
    // Whoever drafted it and the role's recruiter hear of what needs them: changes, a refusal, or an approved offer.
    if (status !== 'next') {
      const people = await tx.offer.findUniqueOrThrow({
        where: { id: approval.offerId },
        select: {
          createdById: true,
          application: { select: { role: { select: { recruiterId: true, hiringManagerId: true } } } },
        },
      });
      const role = people.application.role;
      const told = [people.createdById, role.recruiterId ?? role.hiringManagerId].filter((u): u is string => !!u);
      for (const userId of new Set(told)) {
        const key = `offer-outcome:${approval.offerId}:${version}:${userId}`;
        await sendNotice(tx, boss, { key, kind: 'offer.outcome', userId, offerId: approval.offerId }, { now });
      }
    }
    await refreshNotices(tx, boss, { offerId: approval.offerId }, now);
    await offerChanged(tx, boss, { applicationId: offer.applicationId, offerId: approval.offerId, now });
    return { ok: true, status };
  });
}
