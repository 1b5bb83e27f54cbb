import { offerApprovalMessage, offerOutcomeMessage, offerStatusMessage } from '../../slack/blocks/offer-messages.js';
import type { NoticeRenderer } from '../notices/notice-renderers.js';
import { loadOffer } from './load-offer.js';

// The messages about an offer, rendered from it at delivery (see slack.notice). Keys:
// offer-approval:<approvalId> (to an approver), offer-status:<offerId> (the card's thread),
// offer-outcome:<offerId>:<version>:<userId> (to whoever drafted it and the recruiter).

export const OFFER_RENDERERS: Record<string, NoticeRenderer> = {
  'offer.approval': async (db, notice) => {
    const offer = notice.offerId ? await loadOffer(db, notice.offerId) : null;
    const approvalId = notice.key.split(':')[1] ?? '';
    if (!offer) return null;
    const approval = await db.offerApproval.findUnique({ where: { id: approvalId }, select: { offerVersion: true } });
    return approval ? offerApprovalMessage(offer, approvalId, approval.offerVersion) : null;
  },
  'offer.status': async (db, notice) => {
    const offer = notice.offerId ? await loadOffer(db, notice.offerId) : null;
    if (!offer?.application.slackChannelId || !offer.application.slackMessageTs) return null;
    return {
      ...offerStatusMessage(offer),
      channel: offer.application.slackChannelId,
      threadTs: offer.application.slackMessageTs,
    };
  },
  'offer.outcome': async (db, notice) => {
    const offer = notice.offerId ? await loadOffer(db, notice.offerId) : null;
    const version = Number(notice.key.split(':')[2]);
    return offer && Number.isInteger(version) ? offerOutcomeMessage(offer, version) : null;
  },
};
