import type { App } from '@slack/bolt';
import type { PrismaClient } from '../../../db/prisma.js';
import type { Boss } from '../../../jobs/boss.js';
import { saveScorecard } from '../../../services/scorecards/save-scorecard.js';
import { ACTIONS } from '../../ids.js';

/**
 * A scorecard submitted: problems on their fields (response_action: errors); a good one is
 * stored in one short transaction (well inside Slack's 3 s) and the modal closes. The direct
 * message that asked for it then says it is in (see save-scorecard.ts).
 */
export function registerScorecardSubmit(app: App, deps: { prisma: PrismaClient; boss: Boss; now: () => Date }): void {
  app.view(ACTIONS.scorecardSubmit, async ({ ack, view, body }) => {
    const saved = await saveScorecard(deps, {
      scorecardId: view.private_metadata,
      slackUserId: body.user.id,
      values: view.state.values as never,
      draft: false,
      viewId: view.id,
      now: deps.now(),
    });
    if (saved.ok) return ack();
    if ('errors' in saved) return ack({ response_action: 'errors', errors: saved.errors });
    await ack({
      response_action: 'update',
      view: {
        type: 'modal',
        title: { type: 'plain_text', text: 'Scorecard' },
        close: { type: 'plain_text', text: 'Close' },
        blocks: [{ type: 'section', text: { type: 'plain_text', text: saved.refused } }],
      },
    });
  });
}
