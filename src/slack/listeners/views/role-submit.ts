import type { App } from '@slack/bolt';
import type { PrismaClient } from '../../../db/prisma.js';
import type { Boss } from '../../../jobs/boss.js';
import { readRoleForm, type ViewValues } from '../../../domain/roles/role-form.js';
import { openRole } from '../../../services/roles/open-role.js';
import { editRole } from '../../../services/roles/edit-role.js';
import type { RoleEditMetadata } from '../../blocks/role-modal.js';
import { hasAny, teamRolesOf, type TeamRole } from '../../../services/team/team-roles.js';
import { ACTIONS } from '../../ids.js';

export const CAN_MANAGE_ROLES: readonly TeamRole[] = ['ADMIN', 'RECRUITER'];

/**
 * The role modal's submission, new or edit: every problem is shown on its field
 * (response_action: errors); a valid role is stored in one short transaction, well inside Slack's 3 s.
 */
export function registerRoleSubmit(
  app: App,
  deps: {
    prisma: PrismaClient;
    boss: Boss;
    admins: readonly string[];
    workspaceId: () => string | undefined;
    now: () => Date;
  },
): void {
  app.view(ACTIONS.roleSubmit, async ({ ack, view, body }) => {
    const form = readRoleForm(view.state.values as unknown as ViewValues);
    if (!form.ok) return ack({ response_action: 'errors', errors: form.errors });
    const editing = readEditMetadata(view.private_metadata);
    if (editing === 'invalid')
      return ack({
        response_action: 'errors',
        errors: { title: 'This form cannot be read any more: close it and run /hire role edit again.' },
      });
    const who = { slackUserId: body.user.id, bootstrapAdmins: deps.admins };
    if (!hasAny(await teamRolesOf(deps.prisma, who), CAN_MANAGE_ROLES)) {
      return ack({
        response_action: 'errors',
        errors: { title: 'Opening and editing roles is for recruiters and admins.' },
      });
    }
    // Users are kept per workspace: from the payload, else the workspace the bot is installed in.
    const slackTeamId = body.team?.id ?? body.user.team_id ?? deps.workspaceId();
    if (!slackTeamId)
      return ack({
        response_action: 'errors',
        errors: { title: 'Justin could not tell which Slack workspace this is; try again in a moment.' },
      });
    const saved = editing
      ? await editRole(deps, { ...editing, input: form.role, actorSlackId: body.user.id, slackTeamId, viewId: view.id })
      : await openRole(deps, {
          input: form.role,
          actorSlackId: body.user.id,
          slackTeamId,
          viewId: view.id,
          now: deps.now(),
        });
    return ack(saved.ok ? undefined : { response_action: 'errors', errors: saved.errors });
  });
}

/** The edit modal's metadata; undefined for the new-role modal, which carries none. */
function readEditMetadata(raw: string | undefined): RoleEditMetadata | 'invalid' | undefined {
  if (!raw) return undefined;
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  try {
    const m = JSON.parse(raw) as Partial<RoleEditMetadata>;
    return typeof m.roleId === 'string' && uuid.test(m.roleId) && typeof m.version === 'string'
      ? { roleId: m.roleId, version: m.version }
      : 'invalid';
  } catch {
    return 'invalid';
  }
}
