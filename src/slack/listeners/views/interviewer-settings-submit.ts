import type { App } from '@slack/bolt';
import type { PrismaClient } from '../../../db/prisma.js';
import {
  readInterviewerSettingsForm,
  SETTINGS_FIELDS,
  type SettingsViewValues,
} from '../../../domain/team/interviewer-settings-form.js';
import type { Boss } from '../../../jobs/boss.js';
import { saveInterviewerSettings } from '../../../services/team/save-interviewer-settings.js';
import { NOT_ON_TEAM } from '../../blocks/interviewer-settings-modal.js';
import { ACTIONS } from '../../ids.js';

/**
 * "My interviewing settings" submitted: problems are shown on their fields (response_action:
 * errors); good settings are stored in one short transaction, well inside Slack's 3 s.
 */
export function registerInterviewerSettingsSubmit(app: App, deps: { prisma: PrismaClient; boss: Boss }): void {
  app.view(ACTIONS.interviewerSettingsSubmit, async ({ ack, view, body }) => {
    const form = readInterviewerSettingsForm(view.state.values as unknown as SettingsViewValues);
    if (!form.ok) return ack({ response_action: 'errors', errors: form.errors });
    const saved = await saveInterviewerSettings(deps, { slackUserId: body.user.id, settings: form.settings });
    if (!saved.ok) return ack({ response_action: 'errors', errors: { [SETTINGS_FIELDS.calendarId]: NOT_ON_TEAM } });
    await ack();
  });
}
