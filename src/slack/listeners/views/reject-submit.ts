import type { App } from '@slack/bolt';
import type { PrismaClient } from '../../../db/prisma.js';
import { AppError } from '../../../errors.js';
import type { Boss } from '../../../jobs/boss.js';
import { moveApplication } from '../../../services/pipeline/move-application.js';
import { hasAny, teamRolesOf } from '../../../services/team/team-roles.js';
import { ACTIONS } from '../../ids.js';
import { CAN_DECIDE, parseCardValue } from '../actions/card-buttons.js';

/**
 * The reject modal's submission. Problems are shown on the field (response_action: errors),
 * never as a silent failure; the stage change is one short transaction, well inside 3 s.
 */
export function registerRejectSubmit(app: App, deps: { prisma: PrismaClient; boss: Boss; admins: readonly string[] }): void {
  app.view(ACTIONS.rejectSubmit, async ({ ack, view, body }) => {
    const reason = String(view.state.values.reason?.value?.value ?? '').trim();
    const fieldError = (message: string) => ack({ response_action: 'errors', errors: { reason: message } });
    if (reason.length < 3) return fieldError('Please give a reason (the team sees it in the thread).');
    const target = parseCardValue(view.private_metadata);
    if (!target) return fieldError('This form is out of date; close it and click Reject again.');
    const roles = await teamRolesOf(deps.prisma, { slackUserId: body.user.id, bootstrapAdmins: deps.admins });
    if (!hasAny(roles, CAN_DECIDE)) return fieldError('Rejecting candidates is for recruiters, hiring managers and admins.');
    try {
      await moveApplication(deps, {
        applicationId: target.applicationId,
        command: { type: 'reject', reason },
        actor: { type: 'USER', id: body.user.id },
        expectedVersion: target.version,
      });
    } catch (err) {
      if (err instanceof AppError) return fieldError(err.userMessage);
      throw err;
    }
    await ack();
  });
}
