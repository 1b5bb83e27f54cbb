import type { App } from '@slack/bolt';
import type { PrismaClient } from '../../../db/prisma.js';
import { saveWorkspaceSettings, ZWorkspaceSettings } from '../../../services/settings/workspace-settings.js';
import { teamRolesOf } from '../../../services/team/team-roles.js';
import { readWorkspaceSettingsForm, SETTINGS_FIELDS } from '../../blocks/workspace-settings-modal.js';
import { ACTIONS } from '../../ids.js';

/** `/hire settings` saved: checked on its fields (response_action: errors), admins only, audited. */
export function registerWorkspaceSettingsSubmit(
  app: App,
  deps: { prisma: PrismaClient; admins: readonly string[] },
): void {
  app.view(ACTIONS.workspaceSettingsSubmit, async ({ ack, view, body }) => {
    const parsed = ZWorkspaceSettings.safeParse(readWorkspaceSettingsForm(view.state.values as never));
    if (!parsed.success) {
      const errors = Object.fromEntries(
        parsed.error.issues.map((i) => [
          SETTINGS_FIELDS[i.path.join('.') as keyof typeof SETTINGS_FIELDS] ?? SETTINGS_FIELDS.signature,
          i.message,
        ]),
      );
      return void (await ack({ response_action: 'errors', errors }));
    }
    const roles = await teamRolesOf(deps.prisma, { slackUserId: body.user.id, bootstrapAdmins: deps.admins });
    if (!roles.has('ADMIN'))
      return void (await ack({
        response_action: 'errors',
        errors: { signature: 'Only admins change these settings.' },
      }));
    await saveWorkspaceSettings(deps.prisma, { settings: parsed.data, by: body.user.id });
    await ack();
  });
}
