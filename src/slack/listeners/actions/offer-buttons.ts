import type { App, BlockButtonAction } from '@slack/bolt';
import type { PrismaClient } from '../../../db/prisma.js';
import type { Boss } from '../../../jobs/boss.js';
import { decideApproval } from '../../../services/offers/decide-approval.js';
import { ACTIVE_OFFER, loadOffer, type OfferView } from '../../../services/offers/load-offer.js';
import { sendOffer } from '../../../services/offers/send-offer.js';
import { settleOffer } from '../../../services/offers/settle-offer.js';
import { mayDecideFor } from '../../../services/team/may-act.js';
import { offerDecisionModal, offerDeclineModal, offerModal } from '../../blocks/offer-modal.js';
import { offerViewModal } from '../../blocks/offer-messages.js';
import { ACTIONS } from '../../ids.js';
import { escapeMrkdwn } from '../../blocks/text.js';
import { parseCardValue } from './card-buttons.js';

type Deps = {
  prisma: PrismaClient;
  boss: Boss;
  admins: readonly string[];
  mailbox: string | undefined;
  now: () => Date;
};

const NOT_YOURS = 'Sorry, offers are for recruiters, hiring managers and admins, and the people named on the role.';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const PAIR = new RegExp(`^(${UUID}):(${UUID}|[1-9]\\d{0,5})$`, 'i');

/** `<uuid>:<version>` or `<uuid>:<uuid>` from a button's value; anything else (a forged one) is nothing. */
function pair(value: string | undefined): [string, string] | null {
  const m = PAIR.exec(value ?? '');
  return m ? [m[1]!, m[2]!] : null;
}

/**
 * The offer's buttons: Make offer (the card), Edit and Send (the offer's line in the thread and
 * the drafter's message), each approver's Approve / Request changes / Reject, and confirming the
 * candidate's answer. Each acks first; what went wrong is said privately.
 */
export function registerOfferButtons(app: App, deps: Deps): void {
  const who = (userId: string) => ({ slackUserId: userId, bootstrapAdmins: deps.admins });
  const tell = (respond: (m: object) => Promise<unknown>, text: string) =>
    respond({ response_type: 'ephemeral', replace_original: false, text });

  app.action<BlockButtonAction>(ACTIONS.makeOffer, async ({ ack, body, action, client, respond }) => {
    await ack();
    const target = parseCardValue(action.value);
    if (!target) return;
    if (!(await mayDecideFor(deps.prisma, who(body.user.id), { applicationId: target.applicationId })))
      return void (await tell(respond, NOT_YOURS));
    const found = await deps.prisma.application.findUnique({
      where: { id: target.applicationId },
      select: {
        stage: true,
        candidate: { select: { name: true } },
        role: { select: { title: true } },
        offers: { where: { status: { in: ACTIVE_OFFER } }, select: { id: true }, take: 1 },
      },
    });
    if (found?.stage !== 'OFFER') return void (await tell(respond, 'The candidate is not at the offer stage.'));
    const active = found.offers[0] ? await loadOffer(deps.prisma, found.offers[0].id) : null;
    const view = offerModal({
      applicationId: target.applicationId,
      candidateName: found.candidate.name,
      roleTitle: found.role.title,
      ...(active?.terms ? { existing: { offerId: active.id, version: active.version, terms: active.terms } } : {}),
    });
    await client.views.open({ trigger_id: body.trigger_id, view: view as never });
  });

  app.action<BlockButtonAction>(ACTIONS.editOffer, async ({ ack, body, action, client, respond }) => {
    await ack();
    const ids = pair(action.value);
    const offer = ids ? await loadOffer(deps.prisma, ids[0]) : null;
    if (!offer?.terms) return void (await tell(respond, 'That offer no longer exists.'));
    if (!(await mayDecideFor(deps.prisma, who(body.user.id), { applicationId: offer.application.id })))
      return void (await tell(respond, NOT_YOURS));
    if (!['PENDING_APPROVAL', 'CHANGES_REQUESTED', 'APPROVED'].includes(offer.status))
      return void (await tell(respond, 'This offer can no longer be edited (it was sent, answered or turned down).'));
    const view = offerModal({
      applicationId: offer.application.id,
      candidateName: offer.candidate.name,
      roleTitle: offer.role.title,
      existing: { offerId: offer.id, version: offer.version, terms: offer.terms },
    });
    await client.views.open({ trigger_id: body.trigger_id, view: view as never });
  });

  app.action<BlockButtonAction>(ACTIONS.viewOffer, async ({ ack, body, action, client, respond }) => {
    await ack();
    const offer = await loadOffer(deps.prisma, action.value ?? '');
    if (!offer) return void (await tell(respond, 'That offer no longer exists.'));
    if (!(await mayDecideFor(deps.prisma, who(body.user.id), { applicationId: offer.application.id })))
      return void (await tell(respond, NOT_YOURS));
    await client.views.open({ trigger_id: body.trigger_id, view: offerViewModal(offer) as never });
  });

  app.action<BlockButtonAction>(ACTIONS.sendOffer, async ({ ack, body, action, respond }) => {
    await ack();
    const ids = pair(action.value);
    const offer = ids ? await loadOffer(deps.prisma, ids[0]) : null;
    if (!offer || !ids) return void (await tell(respond, 'That offer no longer exists.'));
    if (!(await mayDecideFor(deps.prisma, who(body.user.id), { applicationId: offer.application.id })))
      return void (await tell(respond, NOT_YOURS));
    const sent = await sendOffer(deps, {
      offerId: offer.id,
      version: Number(ids[1]),
      slackUserId: body.user.id,
      now: deps.now(),
    });
    await tell(respond, sent.ok ? `Sent: ${escapeMrkdwn(offer.candidate.name)} has the offer by email.` : sent.told);
  });

  app.action<BlockButtonAction>(ACTIONS.offerApprove, async ({ ack, body, action, respond }) => {
    await ack();
    const ids = pair(action.value);
    if (!ids) return;
    const decided = await decideApproval(deps, {
      approvalId: ids[0],
      version: Number(ids[1]),
      decision: 'APPROVED',
      slackUserId: body.user.id,
      now: deps.now(),
    });
    if (!decided.ok) await tell(respond, decided.told);
  });

  for (const [action, decision] of [
    [ACTIONS.offerRequestChanges, 'CHANGES_REQUESTED'],
    [ACTIONS.offerReject, 'REJECTED'],
  ] as const) {
    app.action<BlockButtonAction>(action, async ({ ack, body, action: clicked, client }) => {
      await ack();
      const ids = pair(clicked.value);
      if (!ids) return;
      const view = offerDecisionModal({ approvalId: ids[0], version: Number(ids[1]), decision });
      await client.views.open({ trigger_id: body.trigger_id, view: view as never });
    });
  }

  // The candidate's answer, as a person confirms it.
  const settleTarget = async (
    value: string | undefined,
    userId: string,
  ): Promise<{ offer: OfferView; told?: never } | { offer?: never; told: string }> => {
    const ids = pair(value);
    const offer = ids ? await loadOffer(deps.prisma, ids[0]) : null;
    if (!offer) return { told: 'That offer no longer exists.' };
    if (!(await mayDecideFor(deps.prisma, who(userId), { applicationId: offer.application.id })))
      return { told: NOT_YOURS };
    return { offer };
  };

  app.action<BlockButtonAction>(ACTIONS.offerAccepted, async ({ ack, body, action, respond }) => {
    await ack();
    const target = await settleTarget(action.value, body.user.id);
    if (!target.offer) return void (await tell(respond, target.told));
    const settled = await settleOffer(deps, {
      offerId: target.offer.id,
      outcome: 'accepted',
      slackUserId: body.user.id,
      now: deps.now(),
    });
    if (!settled.ok) return void (await tell(respond, settled.told));
    await respond({
      replace_original: true,
      text: `:white_check_mark: Offer accepted, confirmed by <@${body.user.id}>.`,
    });
  });

  app.action<BlockButtonAction>(ACTIONS.offerDeclined, async ({ ack, body, action, client, respond }) => {
    await ack();
    const target = await settleTarget(action.value, body.user.id);
    if (!target.offer) return void (await tell(respond, target.told));
    // The reason Justin read in their reply, if any, for the person to confirm or correct.
    const emailMessageId = pair(action.value)?.[1];
    const read = await deps.prisma.applicationEvent.findFirst({
      where: {
        applicationId: target.offer.application.id,
        type: 'offer.reply-read',
        data: { path: ['emailMessageId'], equals: emailMessageId ?? '' },
      },
      select: { data: true },
    });
    const reason = (read?.data as { reason?: string } | undefined)?.reason ?? null;
    const view = offerDeclineModal({ offerId: target.offer.id, reason });
    await client.views.open({ trigger_id: body.trigger_id, view: view as never });
  });

  app.action<BlockButtonAction>(ACTIONS.offerNotAnswer, async ({ ack, body, action, respond }) => {
    await ack();
    const target = await settleTarget(action.value, body.user.id);
    if (!target.offer) return void (await tell(respond, target.told));
    await deps.prisma.applicationEvent.create({
      data: {
        applicationId: target.offer.application.id,
        actorType: 'USER',
        actorId: body.user.id,
        type: 'offer.reply-not-an-answer',
        data: { offerId: target.offer.id },
      },
    });
    await respond({
      replace_original: true,
      text: `:envelope: Not an answer to the offer (<@${body.user.id}>): someone should reply by email.`,
    });
  });
}
