import type { App } from '@slack/bolt';
import type { PrismaClient } from '../../../db/prisma.js';
import { isTemplateId } from '../../../domain/email/templates.js';
import { AppError } from '../../../errors.js';
import type { Boss } from '../../../jobs/boss.js';
import { closeApplication } from '../../../services/pipeline/close-application.js';
import { mayDecideFor } from '../../../services/team/may-act.js';
import { ACTIONS } from '../../ids.js';
import { parseCardValue } from '../actions/card-buttons.js';

type Deps = {
  prisma: PrismaClient;
  boss: Boss;
  admins: readonly string[];
  mailbox: string | undefined;
  now: () => Date;
};

/**
 * The reject and withdraw modals' submissions. Problems are shown on the field (response_action:
 * errors), never as a silent failure; the decision is one short transaction, well inside 3 s,
 * and the same submission twice (a double click, Slack's retry) decides once.
 */
export function registerCloseSubmit(app: App, deps: Deps): void {
  for (const [callback, decision] of [
    [ACTIONS.rejectSubmit, 'reject'],
    [ACTIONS.withdrawSubmit, 'withdraw'],
  ] as const) {
    app.view(callback, async ({ ack, view, body }) => {
      const reason = String(view.state.values.reason?.value?.value ?? '').trim();
      const chosen = view.state.values.email?.template?.selected_option?.value;
      const template = chosen && isTemplateId(chosen) ? chosen : undefined;
      const fieldError = (message: string, field = 'reason') =>
        ack({ response_action: 'errors', errors: { [field]: message } });
      if (reason.length < 3) return fieldError('Please give a reason (the team sees it in the thread).');
      const target = parseCardValue(view.private_metadata);
      if (!target) return fieldError('This form is out of date; close it and click the button again.');
      if (
        !(await mayDecideFor(
          deps.prisma,
          { slackUserId: body.user.id, bootstrapAdmins: deps.admins },
          { applicationId: target.applicationId },
        ))
      ) {
        return fieldError(
          `${decision === 'reject' ? 'Rejecting' : 'Withdrawing'} candidates is for recruiters, hiring managers and ` +
            'admins, and the people named on the role.',
        );
      }
      try {
        await closeApplication(deps, {
          applicationId: target.applicationId,
          decision,
          reason,
          actor: { type: 'USER', id: body.user.id },
          expectedVersion: target.version,
          template,
          viewId: view.id,
          now: deps.now(),
        });
      } catch (err) {
        if (err instanceof AppError)
          return fieldError(
            err.userMessage,
            err.code === 'INTEGRATION_OFF' || err.code === 'INVALID_INPUT' ? 'email' : 'reason',
          );
        throw err;
      }
      await ack();
    });
  }
}
