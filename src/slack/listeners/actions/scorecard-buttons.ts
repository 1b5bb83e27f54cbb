import type { App, BlockButtonAction } from '@slack/bolt';
import type { PrismaClient } from '../../../db/prisma.js';
import { enqueue, type Boss } from '../../../jobs/boss.js';
import { holdAfterDebrief } from '../../../services/debriefs/hold-after-debrief.js';
import { loadScorecard } from '../../../services/scorecards/load-scorecard.js';
import { mayReadDebrief, readableScorecards } from '../../../services/scorecards/readable-scorecards.js';
import { loadDebrief } from '../../../services/debriefs/load-debrief.js';
import { debriefDetails } from '../../blocks/debrief.js';
import { saveScorecard } from '../../../services/scorecards/save-scorecard.js';
import { mayDecideFor, mayViewFor } from '../../../services/team/may-act.js';
import { inZone } from '../../blocks/local-time.js';
import { scorecardModal } from '../../blocks/scorecard-modal.js';
import { scorecardsModal } from '../../blocks/scorecards-view.js';
import { ACTIONS } from '../../ids.js';

type Deps = { prisma: PrismaClient; boss: Boss; admins: readonly string[]; now: () => Date };

const notice = (title: string, text: string) => ({
  type: 'modal' as const,
  title: { type: 'plain_text' as const, text: title },
  close: { type: 'plain_text' as const, text: 'Close' },
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
});

/**
 * Scorecards from Slack: "Write scorecard" opens the modal (its interviewer only), "Save draft"
 * inside it keeps a draft, "Read the scorecards" shows the ones the clicker may read (audited),
 * and the debrief's Hold. Each acks first; these buttons live in direct messages and modals,
 * where a modal is the only private answer.
 */
export function registerScorecardButtons(app: App, deps: Deps): void {
  const who = (userId: string) => ({ slackUserId: userId, bootstrapAdmins: deps.admins });

  app.action<BlockButtonAction>(ACTIONS.writeScorecard, async ({ ack, body, action, client }) => {
    await ack();
    const card = await loadScorecard(deps.prisma, action.value ?? '');
    const view = !card
      ? notice('Scorecard', 'That scorecard no longer exists.')
      : card.interviewer.slackUserId !== body.user.id
        ? notice('Scorecard', 'This scorecard is someone else’s: only its interviewer can write it.')
        : scorecardModal(card);
    await client.views.open({ trigger_id: body.trigger_id, view: view as never });
  });

  app.action<BlockButtonAction>(ACTIONS.scorecardSaveDraft, async ({ ack, body, action, client }) => {
    await ack();
    if (!body.view) return;
    const saved = await saveScorecard(deps, {
      scorecardId: action.value ?? '',
      slackUserId: body.user.id,
      values: body.view.state.values as never,
      draft: true,
      now: deps.now(),
    });
    const card = await loadScorecard(deps.prisma, action.value ?? '');
    if (!card) return;
    const view = saved.ok
      ? scorecardModal(card, { savedAt: inZone(deps.now(), card.interviewer.timeZone) })
      : notice('Scorecard', 'errors' in saved ? Object.values(saved.errors).join(' ') : saved.refused);
    await client.views.update({ view_id: body.view.id, hash: body.view.hash, view: view as never });
  });

  app.action<BlockButtonAction>(ACTIONS.readScorecards, async ({ ack, body, action, client }) => {
    await ack();
    const applicationId = action.value ?? '';
    const allowed = await mayViewFor(deps.prisma, who(body.user.id), { applicationId });
    const readable = allowed ? await readableScorecards(deps.prisma, who(body.user.id), applicationId) : null;
    if (readable)
      await deps.prisma.auditEntry.create({
        data: {
          actorType: 'USER',
          actorId: body.user.id,
          action: 'scorecards.view',
          subjectType: 'Application',
          subjectId: applicationId,
          data: { shown: readable.cards.length, hidden: readable.hidden },
        },
      });
    const view = readable
      ? scorecardsModal(readable)
      : notice('Scorecards', allowed ? 'That candidate is no longer here.' : 'Scorecards are for the hiring team.');
    await client.views.open({ trigger_id: body.trigger_id, view: view as never });
  });

  app.action<BlockButtonAction>(ACTIONS.readDebrief, async ({ ack, body, action, client }) => {
    await ack();
    const debrief = await loadDebrief(deps.prisma, action.value ?? '');
    const allowed =
      debrief &&
      (await mayViewFor(deps.prisma, who(body.user.id), { applicationId: debrief.application.id })) &&
      (await mayReadDebrief(deps.prisma, who(body.user.id), {
        applicationId: debrief.application.id,
        interviewId: debrief.interviewId,
      }));
    const view =
      debrief && allowed
        ? {
            type: 'modal' as const,
            title: { type: 'plain_text' as const, text: 'Debrief' },
            close: { type: 'plain_text' as const, text: 'Close' },
            blocks: debriefDetails(debrief),
          }
        : notice(
            'Debrief',
            debrief
              ? 'Not yet: while you owe a scorecard for this candidate, the panel’s views stay hidden from you; ' +
                  'the debrief is for the role’s hiring manager and recruiter, and the interviewers who submitted.'
              : 'That debrief no longer exists.',
          );
    if (debrief && allowed)
      await deps.prisma.auditEntry.create({
        data: {
          actorType: 'USER',
          actorId: body.user.id,
          action: 'debrief.view',
          subjectType: 'Application',
          subjectId: debrief.application.id,
          data: { interviewId: debrief.interviewId },
        },
      });
    await client.views.open({ trigger_id: body.trigger_id, view: view as never });
  });

  app.action<BlockButtonAction>(ACTIONS.debriefWithout, async ({ ack, body, action, respond }) => {
    await ack();
    const interviewId = action.value ?? '';
    const tell = (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text });
    if (!(await mayDecideFor(deps.prisma, who(body.user.id), { interviewId })))
      return void (await tell('Sorry, deciding about candidates is for the hiring manager, recruiters and admins.'));
    await enqueue(deps.boss, undefined, 'debrief.hold', { interviewId, without: true }, { singletonKey: interviewId });
    await tell('Holding the debrief with the scorecards that are in.');
  });

  app.action<BlockButtonAction>(ACTIONS.debriefHold, async ({ ack, body, action, respond }) => {
    await ack();
    const interviewId = action.value ?? '';
    const tell = (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text });
    if (!(await mayDecideFor(deps.prisma, who(body.user.id), { interviewId })))
      return void (await tell('Sorry, deciding about candidates is for the hiring manager, recruiters and admins.'));
    const held = await holdAfterDebrief(deps, { interviewId, slackUserId: body.user.id, now: deps.now() });
    if (held !== 'held') await tell('The candidate has moved on since this debrief; nothing to hold.');
  });
}
