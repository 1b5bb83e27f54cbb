import type { App } from '@slack/bolt';
import type { PrismaClient } from '../../../db/prisma.js';
import { AppError } from '../../../errors.js';
import type { Boss } from '../../../jobs/boss.js';
import { rejectApplication } from '../../../services/pipeline/reject-application.js';
import { isTemplateId } from '../../../domain/email/templates.js';
import { hasAny, teamRolesOf } from '../../../services/team/team-roles.js';
import { ACTIONS } from '../../ids.js';
import { CAN_DECIDE, parseCardValue } from '../actions/card-buttons.js';

/**
 * The reject modal's submission. Problems are shown on the field (response_action: errors),
 * never as a silent failure; the stage change is one short transaction, well inside 3 s.
 */
export function registerRejectSubmit(app: App, deps: { prisma: PrismaClient; boss: Boss; admins: readonly string[]; mailbox: string | undefined }): void {
  app.view(ACTIONS.rejectSubmit, async ({ ack, view, body }) => {
    const reason = String(view.state.values.reason?.value?.value ?? '').trim();
    const chosen = view.state.values.email?.template?.selected_option?.value;
    const template = chosen && isTemplateId(chosen) ? chosen : undefined;
    const fieldError = (message: string, field = 'reason') => ack({ response_action: 'errors', errors: { [field]: message } });
    if (reason.length < 3) return fieldError('Please give a reason (the team sees it in the thread).');
    const target = parseCardValue(view.private_metadata);
    if (!target) return fieldError('This form is out of date; close it and click Reject again.');
    const roles = await teamRolesOf(deps.prisma, { slackUserId: body.user.id, bootstrapAdmins: deps.admins });
    if (!hasAny(roles, CAN_DECIDE)) return fieldError('Rejecting candidates is for recruiters, hiring managers and admins.');
    try {
      await rejectApplication(deps, { applicationId: target.applicationId, reason, actor: { type: 'USER', id: body.user.id }, expectedVersion: target.version, template });
    } catch (err) {
      if (err instanceof AppError) return fieldError(err.userMessage, err.code === 'INTEGRATION_OFF' ? 'email' : 'reason');
      throw err;
    }
    await ack();
  });
}
