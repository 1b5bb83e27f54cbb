import type { PrismaClient } from '../../db/prisma.js';
import { addBusinessDays, nextSendingTime } from '../../domain/agent/business-time.js';
import { firstName } from '../../domain/email/templates.js';
import { offerReminderEmail } from '../../domain/offers/offer-email.js';
import type { Boss } from '../../jobs/boss.js';
import { recordEffect } from '../../outbox/record-effect.js';
import { escapeMrkdwn } from '../../slack/blocks/text.js';
import { sendCandidateEmail } from '../email/send-candidate-email.js';
import { refreshNotices, sendNotice } from '../notices/send-notice.js';
import { loadWorkspaceSettings } from '../settings/workspace-settings.js';
import { loadOffer } from './load-offer.js';
import { lockOffer } from './lock-offer.js';

export const OFFER_REMINDERS = 2;
const SENDING_HOURS = { from: '09:00', to: '18:00' };

/**
 * Run from a pg-boss schedule. A sent offer whose expiry has passed unanswered is chased: a
 * reminder by email (written by code, in the candidate's thread, within their weekday hours),
 * the next one two of their business days later; after the last, the recruiter (or the hiring
 * manager) is told by direct message and in the card's thread, and Justin stops.
 */
export async function chaseOffers(
  { prisma, boss, mailbox }: { prisma: PrismaClient; boss: Boss; mailbox: string | undefined },
  { now }: { now: Date },
): Promise<{ reminded: number; handedOver: number }> {
  const due = await prisma.offer.findMany({
    where: { status: 'SENT', nextChaseAt: { lte: now }, handedOverAt: null },
    take: 100,
    select: { id: true },
  });
  if (!due.length) return { reminded: 0, handedOver: 0 };
  const { signature } = await loadWorkspaceSettings(prisma);
  let reminded = 0;
  let handedOver = 0;
  for (const { id } of due) {
    const done = await prisma.$transaction(async (tx) => {
      await lockOffer(tx, id);
      const row = await tx.offer.findUnique({
        where: { id },
        select: { status: true, nextChaseAt: true, chasesSent: true },
      });
      if (row?.status !== 'SENT' || !row.nextChaseAt || row.nextChaseAt > now) return 'skip';
      const offer = (await loadOffer(tx, id))!;
      const zone = offer.candidate.timeZone ?? 'UTC';
      if (row.chasesSent < OFFER_REMINDERS && mailbox && signature && offer.terms && !offer.candidate.erased) {
        const text = offerReminderEmail(offer.terms, {
          firstName: firstName(offer.candidate.name),
          roleTitle: offer.role.title,
          signature,
        });
        const sendAt = nextSendingTime(now, zone, SENDING_HOURS);
        await sendCandidateEmail(
          { tx, boss, mailbox },
          {
            applicationId: offer.application.id,
            text,
            key: `offer-reminder:${id}:${row.chasesSent + 1}`,
            notBefore: sendAt,
            now,
          },
        );
        // The next one two of her business days after this one reaches her, not after it was queued.
        await tx.offer.update({
          where: { id },
          data: { chasesSent: row.chasesSent + 1, nextChaseAt: addBusinessDays(sendAt, 2, zone) },
        });
        await tx.applicationEvent.create({
          data: {
            applicationId: offer.application.id,
            actorType: 'SYSTEM',
            actorId: 'offers',
            type: 'offer.reminded',
            data: { offerId: id, n: row.chasesSent + 1 },
          },
        });
        return 'reminded';
      }
      await tx.offer.update({ where: { id }, data: { nextChaseAt: null, handedOverAt: now } });
      await tx.applicationEvent.create({
        data: {
          applicationId: offer.application.id,
          actorType: 'SYSTEM',
          actorId: 'offers',
          type: 'offer.handed-over',
          data: { offerId: id, reminders: row.chasesSent },
        },
      });
      const person = await tx.role.findUniqueOrThrow({
        where: { id: offer.role.id },
        select: { recruiterId: true, hiringManagerId: true },
      });
      const to = person.recruiterId ?? person.hiringManagerId;
      if (to)
        await sendNotice(
          tx,
          boss,
          // Its own message (a new one notifies; editing the earlier "ready to send" would not).
          { key: `offer-handover:${id}:${offer.version}:${to}`, kind: 'offer.outcome', userId: to, offerId: id },
          { now },
        );
      if (offer.application.slackChannelId && offer.application.slackMessageTs)
        await recordEffect(
          { tx, boss },
          {
            kind: 'slack.post',
            idempotencyKey: `offer-handed-over:${id}`,
            applicationId: offer.application.id,
            payload: {
              channel: offer.application.slackChannelId,
              thread_ts: offer.application.slackMessageTs,
              text:
                `:telephone_receiver: ${escapeMrkdwn(offer.candidate.name)} has not answered the offer, past its ` +
                `expiry and ${row.chasesSent} reminder${row.chasesSent === 1 ? '' : 's'}. ` +
                `${to ? 'The recruiter has it now' : 'Someone should call them'}: Justin has stopped.`,
            },
          },
        );
      await refreshNotices(tx, boss, { offerId: id }, now);
      return 'handed-over';
    });
    if (done === 'reminded') reminded++;
    if (done === 'handed-over') handedOver++;
  }
  return { reminded, handedOver };
}
