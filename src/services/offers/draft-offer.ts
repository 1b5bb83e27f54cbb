import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { PrismaClient, Tx } from '../../db/prisma.js';
import { approvalChain, offerPolicyOf } from '../../domain/offers/approval-chain.js';
import type { OfferTerms } from '../../domain/offers/offer-terms.js';
import type { Boss } from '../../jobs/boss.js';
import { recordEffect } from '../../outbox/record-effect.js';
import { refreshNotices, sendNotice } from '../notices/send-notice.js';
import { userFor } from '../roles/open-role.js';
import { firstSubmission, seenSubmission } from '../slack/first-submission.js';
import { ACTIVE_OFFER } from './load-offer.js';

export type DraftOutcome =
  | { ok: true; offerId: string | null }
  | { ok: false; errors: Record<string, string> }
  | { ok: false; refused: string };

/**
 * Drafts an offer from the modal, or edits one (compare-and-set on the version the modal was
 * opened at), in one transaction: the terms, a new version, its approval chain (the role's, see
 * domain/offers/approval-chain.ts), the first approver asked by direct message, the offer's line
 * in the card's thread, the event log. An edit restarts the chain: the earlier version's pending
 * approvals say they were superseded. The same modal submitted twice counts once.
 */
export async function draftOffer(
  { prisma, boss }: { prisma: PrismaClient; boss: Boss },
  {
    applicationId,
    offerId,
    expectedVersion,
    terms,
    actorSlackId,
    slackTeamId,
    viewId,
    now,
  }: {
    applicationId: string;
    offerId?: string | undefined;
    expectedVersion?: number | undefined;
    terms: OfferTerms;
    actorSlackId: string;
    slackTeamId: string;
    viewId?: string | undefined;
    now: Date;
  },
): Promise<DraftOutcome> {
  return prisma.$transaction(async (tx): Promise<DraftOutcome> => {
    const apps = await tx.$queryRaw<{ stage: string }[]>`
      SELECT stage::text AS stage FROM "Application" WHERE id = ${applicationId}::uuid FOR UPDATE`;
    if (!apps[0]) return { ok: false, refused: 'That application no longer exists.' };
    if (viewId && (await seenSubmission(tx, viewId))) return { ok: true, offerId: offerId ?? null };
    if (apps[0].stage !== 'OFFER') return { ok: false, refused: 'The candidate is no longer at the offer stage.' };
    const app = await tx.application.findUniqueOrThrow({
      where: { id: applicationId },
      select: {
        candidate: { select: { timeZone: true, erasedAt: true } },
        interviews: {
          where: { candidateZone: { not: null } },
          orderBy: { createdAt: 'desc' },
          take: 1,
          select: { candidateZone: true },
        },
        role: { select: { policy: true, hiringManager: { select: { slackUserId: true, timeZone: true } } } },
      },
    });
    if (app.candidate.erasedAt) return { ok: false, refused: 'This candidate was erased.' };

    let offer: { id: string; version: number };
    if (offerId) {
      const found = await tx.$queryRaw<{ status: string; version: number; applicationId: string }[]>`
        SELECT status::text AS status, version, "applicationId" FROM "Offer" WHERE id = ${offerId}::uuid FOR UPDATE`;
      const current = found[0];
      if (!current || current.applicationId !== applicationId) return { ok: false, refused: 'That offer is gone.' };
      if (!['DRAFT', 'PENDING_APPROVAL', 'CHANGES_REQUESTED', 'APPROVED'].includes(current.status))
        return { ok: false, refused: 'This offer can no longer be edited (it was sent, answered or turned down).' };
      if (current.version !== expectedVersion)
        return {
          ok: false,
          errors: {
            title:
              `Someone changed this offer while you were editing it (it is at version ${current.version}). ` +
              'Close this and open it again to see their changes.',
          },
        };
      offer = { id: offerId, version: current.version + 1 };
    } else {
      const active = await tx.offer.count({ where: { applicationId, status: { in: ACTIVE_OFFER } } });
      if (active) return { ok: false, refused: 'This candidate already has an offer in progress: edit that one.' };
      offer = { id: '', version: 1 };
    }
    if (viewId && !(await firstSubmission(tx, viewId))) return { ok: true, offerId: offer.id || null };

    // The offer lapses at the end of its last day where the candidate is (as scheduling learnt it).
    const zone =
      app.candidate.timeZone ?? app.interviews[0]?.candidateZone ?? app.role.hiringManager?.timeZone ?? 'UTC';
    const expiresAt = DateTime.fromISO(terms.expiryDate, { zone }).endOf('day').toJSDate();
    const chain = approvalChain(offerPolicyOf(app.role.policy), terms, {
      hiringManager: app.role.hiringManager?.slackUserId ?? null,
    });
    // Nobody to approve (no approvers set, and the hiring manager left): never approved by default.
    if (!chain.length)
      return {
        ok: false,
        refused: 'Nobody can approve this offer: set the role’s hiring manager or approvers with /hire role edit.',
      };
    const status = 'PENDING_APPROVAL';
    const drafter = await userFor(tx, slackTeamId, actorSlackId);
    if (offer.id) {
      // The earlier version's steps still waiting will never be asked: they are superseded.
      await tx.offerApproval.updateMany({
        where: { offerId: offer.id, offerVersion: { lt: offer.version }, decision: 'PENDING' },
        data: { decision: 'SUPERSEDED' },
      });
      await tx.offer.update({
        where: { id: offer.id },
        data: { terms, version: offer.version, status, expiresAt },
      });
    } else {
      offer.id = (
        await tx.offer.create({
          data: { applicationId, terms, status, expiresAt, createdById: drafter },
          select: { id: true },
        })
      ).id;
    }
    let first: { id: string; approverId: string } | null = null;
    for (const [position, step] of chain.entries()) {
      const approval = await tx.offerApproval.create({
        data: {
          offerId: offer.id,
          offerVersion: offer.version,
          position,
          approverId: await userFor(tx, slackTeamId, step.approver),
          reason: step.reason,
        },
        select: { id: true, approverId: true },
      });
      first ??= approval;
    }
    await tx.applicationEvent.create({
      data: {
        applicationId,
        actorType: 'USER',
        actorId: actorSlackId,
        type: offer.version === 1 ? 'offer.drafted' : 'offer.edited',
        data: { offerId: offer.id, version: offer.version, approvers: chain.map((s) => s.approver) },
      },
    });
    // Earlier versions' messages (an approver asked before the edit) now say they were superseded.
    await refreshNotices(tx, boss, { offerId: offer.id }, now);
    if (first) await askApprover(tx, boss, { offerId: offer.id, approval: first, now });
    await offerChanged(tx, boss, { applicationId, offerId: offer.id, now });
    return { ok: true, offerId: offer.id };
  });
}

/** The approver whose turn it is gets the terms by direct message, with their three buttons. */
export async function askApprover(
  tx: Tx,
  boss: Boss,
  { offerId, approval, now }: { offerId: string; approval: { id: string; approverId: string }; now: Date },
): Promise<void> {
  await sendNotice(
    tx,
    boss,
    { key: `offer-approval:${approval.id}`, kind: 'offer.approval', userId: approval.approverId, offerId },
    { now },
  );
}

/** After any change to an offer: its line in the card's thread, and the card, say where it stands. */
export async function offerChanged(
  tx: Tx,
  boss: Boss,
  { applicationId, offerId, now }: { applicationId: string; offerId: string; now: Date },
): Promise<void> {
  await sendNotice(tx, boss, { key: `offer-status:${offerId}`, kind: 'offer.status', offerId }, { now });
  await recordEffect(
    { tx, boss },
    {
      kind: 'slack.card',
      idempotencyKey: `card:${applicationId}:offer:${offerId}:${randomUUID()}`,
      applicationId,
      payload: { applicationId },
    },
  );
}
