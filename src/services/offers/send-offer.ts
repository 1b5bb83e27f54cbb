import type { PrismaClient } from '../../db/prisma.js';
import { firstName } from '../../domain/email/templates.js';
import { offerEmail } from '../../domain/offers/offer-email.js';
import type { Boss } from '../../jobs/boss.js';
import { sendCandidateEmail } from '../email/send-candidate-email.js';
import { refreshNotices } from '../notices/send-notice.js';
import { loadWorkspaceSettings } from '../settings/workspace-settings.js';
import { offerChanged } from './draft-offer.js';
import { loadOffer } from './load-offer.js';
import { lockOffer } from './lock-offer.js';

/**
 * Sends an approved offer: the email is written by code from the approved terms and signed with
 * the team's signature, in the candidate's thread, through the outbox (once per version). The
 * version clicked must be the one approved. What Justin lacks (no mailbox, no signature) is said.
 */
export async function sendOffer(
  { prisma, boss, mailbox }: { prisma: PrismaClient; boss: Boss; mailbox: string | undefined },
  { offerId, version, slackUserId, now }: { offerId: string; version: number; slackUserId: string; now: Date },
): Promise<{ ok: true } | { ok: false; told: string }> {
  if (!mailbox) return { ok: false, told: 'Google is not connected, so Justin cannot email the candidate yet.' };
  const { signature } = await loadWorkspaceSettings(prisma);
  if (!signature)
    return {
      ok: false,
      told: 'Justin has no email signature to sign the offer with: an admin sets it with `/hire settings`.',
    };
  return prisma.$transaction(async (tx) => {
    const locked = await lockOffer(tx, offerId);
    const offer = await loadOffer(tx, offerId);
    if (!locked || !offer?.terms) return { ok: false, told: 'That offer no longer exists.' };
    if (locked.version !== version)
      return { ok: false, told: `This offer was changed since (it is at version ${locked.version}).` };
    if (locked.status === 'SENT') return { ok: false, told: 'This offer was sent already.' };
    if (locked.status !== 'APPROVED') return { ok: false, told: 'Only an approved offer can be sent.' };
    if (offer.candidate.erased) return { ok: false, told: 'This candidate was erased.' };
    // An offer whose date has passed would say it stands until yesterday, and be chased at once.
    if (!locked.expiresAt || locked.expiresAt.getTime() <= now.getTime())
      return { ok: false, told: 'The date this offer is open until has passed: edit it (and it is approved again).' };
    const text = offerEmail(offer.terms, {
      firstName: firstName(offer.candidate.name),
      roleTitle: offer.role.title,
      signature,
    });
    await sendCandidateEmail(
      { tx, boss, mailbox },
      { applicationId: offer.application.id, text, key: `offer:${offerId}:v${version}`, now },
    );
    // Chasing starts once the offer has lapsed unanswered (see chase-offers.ts).
    await tx.offer.update({
      where: { id: offerId },
      data: { status: 'SENT', sentAt: now, nextChaseAt: offer.expiresAt },
    });
    await tx.applicationEvent.create({
      data: {
        applicationId: offer.application.id,
        actorType: 'USER',
        actorId: slackUserId,
        type: 'offer.sent',
        data: { offerId, version },
      },
    });
    await refreshNotices(tx, boss, { offerId }, now);
    await offerChanged(tx, boss, { applicationId: offer.application.id, offerId, now });
    return { ok: true };
  });
}
