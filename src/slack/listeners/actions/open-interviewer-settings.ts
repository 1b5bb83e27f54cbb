import type { App, BlockButtonAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { PrismaClient } from '../../../db/prisma.js';
import { loadInterviewerSettings } from '../../../services/team/load-interviewer-settings.js';
import { plainMessage } from '../../blocks/help.js';
import { interviewerSettingsModal, notOnTeamModal, NOT_ON_TEAM } from '../../blocks/interviewer-settings-modal.js';
import { ACTIONS } from '../../ids.js';

type Ack = (answer?: ReturnType<typeof plainMessage>) => Promise<void>;
/** The clock, for which days off are still ahead; passed in (tests set it), now by default as in app.ts. */
type Deps = { prisma: PrismaClient; client: WebClient; now?: (() => Date) | undefined };

/**
 * `/hire me`: the person's own interviewing settings in a modal, opened with the trigger at once
 * (it lives 3 s). Someone Justin does not know is told privately instead.
 */
export async function openInterviewerSettings(
  { prisma, client, now = () => new Date() }: Deps,
  { ack, slackUserId, triggerId }: { ack: Ack; slackUserId: string; triggerId: string },
): Promise<void> {
  const mine = await loadInterviewerSettings(prisma, { slackUserId, now: now() });
  if (!mine) return ack(plainMessage(NOT_ON_TEAM));
  await ack();
  await client.views.open({ trigger_id: triggerId, view: interviewerSettingsModal(mine) as never });
}

/**
 * The App Home's "My interviewing settings" button: the same modal. Home has no private reply,
 * so a stranger gets a short modal saying why instead.
 */
export function registerOpenInterviewerSettings(
  app: App,
  { prisma, now = () => new Date() }: Omit<Deps, 'client'>,
): void {
  app.action<BlockButtonAction>(ACTIONS.openInterviewerSettings, async ({ ack, body, client }) => {
    await ack();
    const mine = await loadInterviewerSettings(prisma, { slackUserId: body.user.id, now: now() });
    await client.views.open({
      trigger_id: body.trigger_id,
      view: (mine ? interviewerSettingsModal(mine) : notOnTeamModal()) as never,
    });
  });
}
