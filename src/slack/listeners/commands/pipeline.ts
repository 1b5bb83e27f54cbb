import type { App } from '@slack/bolt';
import type { PrismaClient } from '../../../db/prisma.js';
import { pipelineOverview } from '../../../services/pipeline/pipeline-overview.js';
import { CAN_VIEW_CANDIDATES, hasAny, teamRolesOf } from '../../../services/team/team-roles.js';
import { refusalMessage } from '../../blocks/help.js';
import { pipelineMessage } from '../../blocks/pipeline.js';
import { COMMANDS } from '../../ids.js';

const STUCK_DAYS = 5;

/** `/pipeline [role]`: counts per stage, who is stuck and on whom; answered in the ack, privately. */
export function registerPipelineCommand(app: App, { prisma, admins }: { prisma: PrismaClient; admins: readonly string[] }): void {
  app.command(COMMANDS.pipeline, async ({ command, ack }) => {
    const roles = await teamRolesOf(prisma, { slackUserId: command.user_id, bootstrapAdmins: admins });
    if (!hasAny(roles, CAN_VIEW_CANDIDATES)) return ack(refusalMessage('the pipeline'));
    const roleQuery = command.text.trim() || undefined;
    const overview = await pipelineOverview(prisma, { ...(roleQuery ? { roleQuery } : {}), stuckDays: STUCK_DAYS });
    await ack(pipelineMessage({ roles: overview, ...(roleQuery ? { roleQuery } : {}), stuckDays: STUCK_DAYS }));
  });
}
