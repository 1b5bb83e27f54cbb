import type { App } from '@slack/bolt';
import type { PrismaClient } from '../../../db/prisma.js';
import { pipelineOverview } from '../../../services/pipeline/pipeline-overview.js';
import { CAN_VIEW_CANDIDATES, hasAny, teamRolesOf } from '../../../services/team/team-roles.js';
import { rolesNamedOn } from '../../../services/team/may-act.js';
import { refusal } from '../refusal.js';
import { pipelineMessage } from '../../blocks/pipeline.js';
import { COMMANDS } from '../../ids.js';

const STUCK_DAYS = 5;

/** `/pipeline [role]`: counts per stage, who is stuck and on whom; answered in the ack, privately. */
export function registerPipelineCommand(
  app: App,
  { prisma, admins, now }: { prisma: PrismaClient; admins: readonly string[]; now: () => Date },
): void {
  app.command(COMMANDS.pipeline, async ({ command, ack }) => {
    const roles = await teamRolesOf(prisma, { slackUserId: command.user_id, bootstrapAdmins: admins });
    // The hiring team sees every role; someone named on a role (its hiring manager, say) sees theirs.
    const onlyRoles = hasAny(roles, CAN_VIEW_CANDIDATES) ? undefined : await rolesNamedOn(prisma, command.user_id);
    if (onlyRoles?.length === 0) return ack(await refusal(prisma, admins, 'the pipeline'));
    const roleQuery = command.text.trim() || undefined;
    const overview = await pipelineOverview(prisma, {
      ...(roleQuery ? { roleQuery } : {}),
      stuckDays: STUCK_DAYS,
      ...(onlyRoles ? { onlyRoles } : {}),
      now: now(),
    });
    await ack(pipelineMessage({ roles: overview, ...(roleQuery ? { roleQuery } : {}), stuckDays: STUCK_DAYS }));
  });
}
