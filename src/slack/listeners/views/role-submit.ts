import type { App } from '@slack/bolt';
import type { PrismaClient } from '../../../db/prisma.js';
import { readRoleForm, type ViewValues } from '../../../domain/roles/role-form.js';
import { openRole } from '../../../services/roles/open-role.js';
import { hasAny, teamRolesOf, type TeamRole } from '../../../services/team/team-roles.js';
import { ACTIONS } from '../../ids.js';

export const CAN_MANAGE_ROLES: readonly TeamRole[] = ['ADMIN', 'RECRUITER'];

/**
 * The role modal's submission: every problem is shown on its field (response_action: errors);
 * a valid role is stored in one short transaction, well inside Slack's 3 s.
 */
export function registerRoleSubmit(app: App, deps: { prisma: PrismaClient; admins: readonly string[] }): void {
  app.view(ACTIONS.roleSubmit, async ({ ack, view, body }) => {
    const form = readRoleForm(view.state.values as unknown as ViewValues);
    if (!form.ok) return ack({ response_action: 'errors', errors: form.errors });
    const roles = await teamRolesOf(deps.prisma, { slackUserId: body.user.id, bootstrapAdmins: deps.admins });
    if (!hasAny(roles, CAN_MANAGE_ROLES)) return ack({ response_action: 'errors', errors: { title: 'Opening roles is for recruiters and admins.' } });
    await openRole(deps.prisma, { input: form.role, actorSlackId: body.user.id, slackTeamId: body.team?.id ?? body.user.team_id ?? 'unknown' });
    await ack();
  });
}
