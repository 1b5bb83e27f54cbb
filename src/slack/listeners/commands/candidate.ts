import type { App } from '@slack/bolt';
import type { PrismaClient } from '../../../db/prisma.js';
import { searchCandidates } from '../../../services/candidates/search-candidates.js';
import { CAN_VIEW_CANDIDATES, hasAny, teamMemberOf } from '../../../services/team/team-roles.js';
import { candidateResults } from '../../blocks/candidate-results.js';
import { helpMessage } from '../../blocks/help.js';
import { refusal } from '../refusal.js';
import { COMMANDS } from '../../ids.js';

/**
 * `/candidate <name | email | skill>`: answered in the ack itself, privately. The trigram
 * search takes milliseconds, far inside Slack's 3 s, and nothing here calls the Web API.
 */
export function registerCandidateCommand(
  app: App,
  { prisma, admins }: { prisma: PrismaClient; admins: readonly string[] },
): void {
  app.command(COMMANDS.candidate, async ({ command, ack }) => {
    const { roles, timeZone } = await teamMemberOf(prisma, { slackUserId: command.user_id, bootstrapAdmins: admins });
    if (!hasAny(roles, CAN_VIEW_CANDIDATES)) return ack(await refusal(prisma, admins, 'searching candidates'));
    const query = command.text.trim();
    if (query.length < 2) return ack(helpMessage({ unknown: `${COMMANDS.candidate} ${query}`.trim() }));
    const hits = await searchCandidates(prisma, { query });
    await ack(candidateResults({ query, hits, timeZone }));
  });
}
