import type { PrismaClient, Tx } from '../../db/prisma.js';
import type { Boss } from '../../jobs/boss.js';
import { recordEffect } from '../../outbox/record-effect.js';
import { escapeMrkdwn } from '../../slack/blocks/text.js';
import { refreshNotices } from '../notices/send-notice.js';
import { moveApplicationInTx } from '../pipeline/move-application.js';
import { offerChanged } from './draft-offer.js';
import { ACTIVE_OFFER } from './load-offer.js';
import { AppError } from '../../errors.js';
import { lockOffer } from './lock-offer.js';

export type SettleOutcome = { ok: true } | { ok: false; told: string };

/**
 * A person confirms the candidate's answer to a sent offer (Justin read it, a person decides).
 * Accepted: the offer is accepted and the application hired in one transaction (the card and the
 * thread follow from the stage change), the role's channel is told, and the candidate's other open
 * applications are flagged in their own cards' threads, so those teams know. Declined: the reason
 * is kept with the offer and the application closes as withdrawn.
 */
export async function settleOffer(
  { prisma, boss }: { prisma: PrismaClient; boss: Boss },
  {
    offerId,
    outcome,
    reason,
    slackUserId,
    now,
  }: { offerId: string; outcome: 'accepted' | 'declined'; reason?: string; slackUserId: string; now: Date },
): Promise<SettleOutcome> {
  return prisma.$transaction(async (tx): Promise<SettleOutcome> => {
    const offer = await lockOffer(tx, offerId);
    if (!offer) return { ok: false, told: 'That offer no longer exists.' };
    if (offer.status === 'ACCEPTED' || offer.status === 'DECLINED')
      return { ok: false, told: `This offer was ${offer.status.toLowerCase()} already.` };
    if (offer.status !== 'SENT') return { ok: false, told: 'Only a sent offer can be accepted or declined.' };
    const actor = { type: 'USER' as const, id: slackUserId };
    const data = { offerId };
    await tx.offer.update({
      where: { id: offerId },
      data: {
        status: outcome === 'accepted' ? 'ACCEPTED' : 'DECLINED',
        answeredAt: now,
        nextChaseAt: null,
        ...(outcome === 'declined' ? { declineReason: reason?.trim() || 'no reason given' } : {}),
      },
    });
    await tx.applicationEvent.create({
      data: {
        applicationId: offer.applicationId,
        actorType: 'USER',
        actorId: slackUserId,
        type: `offer.${outcome}`,
        data,
      },
    });
    await moveApplicationInTx(tx, boss, {
      applicationId: offer.applicationId,
      command: outcome === 'accepted' ? { type: 'hire' } : { type: 'withdraw', reason: 'declined the offer' },
      actor,
      data,
      now,
    });
    await refreshNotices(tx, boss, { offerId }, now);
    await offerChanged(tx, boss, { applicationId: offer.applicationId, offerId, now });
    return { ok: true };
  });
}

/**
 * Hired without an offer through Justin (one made outside it): refused while an offer is in
 * progress here, whose answer is what hires them. Compare-and-set on the card's version.
 */
export async function hireWithoutOffer(
  { prisma, boss }: { prisma: PrismaClient; boss: Boss },
  {
    applicationId,
    expectedVersion,
    slackUserId,
    now,
  }: { applicationId: string; expectedVersion: number; slackUserId: string; now: Date },
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Application" WHERE id = ${applicationId}::uuid FOR UPDATE`;
    const active = await tx.offer.count({ where: { applicationId, status: { in: ACTIVE_OFFER } } });
    if (active)
      throw new AppError('STALE_STATE', `application ${applicationId} has an offer in progress`, {
        userMessage: 'This candidate has an offer in progress: confirm their answer to it in the thread instead.',
      });
    await moveApplicationInTx(tx, boss, {
      applicationId,
      command: { type: 'hire' },
      actor: { type: 'USER', id: slackUserId },
      expectedVersion,
      now,
    });
  });
}

/**
 * The role's channel hears of a hire (once: keyed by the application), and the candidate's other
 * open applications' threads are told. Run by the stage-change job, whichever way they were hired.
 */
export async function announceHire(tx: Tx, boss: Boss, { applicationId }: { applicationId: string }): Promise<void> {
  const app = await tx.application.findUniqueOrThrow({
    where: { id: applicationId },
    select: {
      candidateId: true,
      candidate: { select: { name: true } },
      role: { select: { title: true, slackChannelId: true } },
      slackChannelId: true,
    },
  });
  const name = escapeMrkdwn(app.candidate.name);
  const title = escapeMrkdwn(app.role.title);
  const channel = app.slackChannelId ?? app.role.slackChannelId;
  if (channel)
    await recordEffect(
      { tx, boss },
      {
        kind: 'slack.post',
        idempotencyKey: `hired:${applicationId}`,
        applicationId,
        payload: { channel, text: `:tada: ${name} accepted the offer: hired as ${title}.` },
      },
    );
  const others = await tx.application.findMany({
    where: {
      candidateId: app.candidateId,
      id: { not: applicationId },
      stage: { notIn: ['HIRED', 'REJECTED', 'WITHDRAWN'] },
    },
    select: { id: true, slackChannelId: true, slackMessageTs: true },
  });
  for (const other of others) {
    await tx.applicationEvent.create({
      data: {
        applicationId: other.id,
        actorType: 'SYSTEM',
        actorId: 'offers',
        type: 'candidate.hired-elsewhere',
        data: { hiredApplicationId: applicationId },
      },
    });
    if (!other.slackChannelId || !other.slackMessageTs) continue;
    await recordEffect(
      { tx, boss },
      {
        kind: 'slack.post',
        idempotencyKey: `hired-elsewhere:${applicationId}:${other.id}`,
        applicationId: other.id,
        payload: {
          channel: other.slackChannelId,
          thread_ts: other.slackMessageTs,
          text:
            `:information_source: ${name} has accepted an offer for another role (${title}). ` +
            'Their application here is still open: withdraw it, or ask them.',
        },
      },
    );
  }
}
