import type { App } from '@slack/bolt';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { PrismaClient } from '../../../db/prisma.js';
import { readOfferForm } from '../../../domain/offers/offer-terms.js';
import type { Boss } from '../../../jobs/boss.js';
import { decideApproval } from '../../../services/offers/decide-approval.js';
import { loadOffer } from '../../../services/offers/load-offer.js';
import { draftOffer } from '../../../services/offers/draft-offer.js';
import { settleOffer } from '../../../services/offers/settle-offer.js';
import { mayDecideFor } from '../../../services/team/may-act.js';
import { ACTIONS } from '../../ids.js';

type Deps = { prisma: PrismaClient; boss: Boss; admins: readonly string[]; now: () => Date };

const ZMetadata = z.object({
  applicationId: z.string().uuid(),
  offerId: z.string().uuid().optional(),
  version: z.number().int().positive().optional(),
});
const ZDecision = z.object({
  approvalId: z.string().uuid(),
  version: z.number().int().positive(),
  decision: z.enum(['CHANGES_REQUESTED', 'REJECTED']),
});

const said = (text: string) => ({
  response_action: 'update' as const,
  view: {
    type: 'modal' as const,
    title: { type: 'plain_text' as const, text: 'Offer' },
    close: { type: 'plain_text' as const, text: 'Close' },
    blocks: [{ type: 'section', text: { type: 'plain_text', text } }],
  },
});

/**
 * The offer's modals: the terms (checked on their fields against the drafter's own date), an
 * approver's comment, and the reason a candidate declined. Each is one short transaction.
 */
export function registerOfferSubmit(app: App, deps: Deps): void {
  const who = (userId: string) => ({ slackUserId: userId, bootstrapAdmins: deps.admins });

  app.view(ACTIONS.offerSubmit, async ({ ack, view, body }) => {
    const meta = ZMetadata.safeParse(safeJson(view.private_metadata));
    if (!meta.success) return ack(said('This form is out of date; close it and click the button again.'));
    if (!(await mayDecideFor(deps.prisma, who(body.user.id), { applicationId: meta.data.applicationId })))
      return ack(said('Offers are for recruiters, hiring managers and admins, and the people named on the role.'));
    // "Today" is the drafter's: a start date in the past is one before their own date.
    const me = await deps.prisma.user.findFirst({ where: { slackUserId: body.user.id }, select: { timeZone: true } });
    const today = DateTime.fromJSDate(deps.now(), { zone: me?.timeZone ?? 'UTC' }).toISODate()!;
    const form = readOfferForm(view.state.values as never, { today });
    if (!form.ok) return ack({ response_action: 'errors', errors: form.errors });
    const drafted = await draftOffer(deps, {
      applicationId: meta.data.applicationId,
      offerId: meta.data.offerId,
      expectedVersion: meta.data.version,
      terms: form.terms,
      actorSlackId: body.user.id,
      slackTeamId: body.team?.id ?? body.user.team_id ?? '',
      viewId: view.id,
      now: deps.now(),
    });
    if (drafted.ok) return ack();
    if ('errors' in drafted) return ack({ response_action: 'errors', errors: drafted.errors });
    await ack(said(drafted.refused));
  });

  app.view(ACTIONS.offerDecisionSubmit, async ({ ack, view, body }) => {
    const meta = ZDecision.safeParse(safeJson(view.private_metadata));
    if (!meta.success) return ack(said('This form is out of date; close it and click the button again.'));
    const comment = String(view.state.values.comment?.value?.value ?? '').trim();
    if (meta.data.decision === 'CHANGES_REQUESTED' && comment.length < 3)
      return ack({ response_action: 'errors', errors: { comment: 'Say what should change.' } });
    if (comment.length > 1000)
      return ack({ response_action: 'errors', errors: { comment: 'Keep it under 1000 characters.' } });
    const decided = await decideApproval(deps, { ...meta.data, comment, slackUserId: body.user.id, now: deps.now() });
    await ack(decided.ok ? undefined : said(decided.told));
  });

  app.view(ACTIONS.offerDeclineSubmit, async ({ ack, view, body }) => {
    const offer = await loadOffer(deps.prisma, view.private_metadata);
    if (!offer) return ack(said('That offer no longer exists.'));
    if (!(await mayDecideFor(deps.prisma, who(body.user.id), { applicationId: offer.application.id })))
      return ack(said('Offers are for recruiters, hiring managers and admins, and the people named on the role.'));
    const reason = String(view.state.values.reason?.value?.value ?? '').trim();
    if (reason.length < 3) return ack({ response_action: 'errors', errors: { reason: 'Say why, in a few words.' } });
    if (reason.length > 500)
      return ack({ response_action: 'errors', errors: { reason: 'Keep it under 500 characters.' } });
    const settled = await settleOffer(deps, {
      offerId: offer.id,
      outcome: 'declined',
      reason,
      slackUserId: body.user.id,
      now: deps.now(),
    });
    await ack(settled.ok ? undefined : said(settled.told));
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
