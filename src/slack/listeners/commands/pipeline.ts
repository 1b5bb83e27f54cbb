import type { App } from '@slack/bolt';
import type { PrismaClient } from '../../../db/prisma.js';
import { pipelineOverview } from '../../../services/pipeline/pipeline-overview.js';
import { CAN_VIEW_CANDIDATES, hasAny, teamRolesOf } from '../../../services/team/team-roles.js';
import { rolesNamedOn } from '../../../services/team/may-act.js';
import { refusal } from '../refusal.js';
import { pipelineMessage } from '../../blocks/pipeline.js';
import { COMMANDS } from '../../ids.js';

const STUCK_DAYS = 5;

export type PipelineDeps = { prisma: PrismaClient; admins: readonly string[]; now: () => Date };

/** `/pipeline [role] [page N]`: counts per stage, who is stuck and on whom; answered in the ack, privately. */
export function registerPipelineCommand(app: App, deps: PipelineDeps): void {
  app.command(COMMANDS.pipeline, async ({ command, ack }) => {
    await ack(await pipelineAnswer(deps, { slackUserId: command.user_id, ...parsePipelineText(command.text) }));
  });
}

/** "backend page 2" → the role filter and the page; "page 3" alone pages through every role. */
export function parsePipelineText(text: string): { roleQuery?: string; page: number } {
  const m = /^(.*?)\s*\bpage\s+(\d{1,4})\s*$/i.exec(text.trim());
  const roleQuery = (m ? m[1]! : text).trim();
  return { ...(roleQuery ? { roleQuery } : {}), page: m ? Number(m[2]) : 1 };
}

/**
 * One page of the pipeline as `slackUserId` may see it: the hiring team sees every role;
 * someone named on a role (its hiring manager, say) sees theirs; anyone else is refused.
 */
export async function pipelineAnswer(
  { prisma, admins, now }: PipelineDeps,
  { slackUserId, roleQuery, page }: { slackUserId: string; roleQuery?: string | undefined; page: number },
) {
  const roles = await teamRolesOf(prisma, { slackUserId, bootstrapAdmins: admins });
  const onlyRoles = hasAny(roles, CAN_VIEW_CANDIDATES) ? undefined : await rolesNamedOn(prisma, slackUserId);
  if (onlyRoles?.length === 0) return refusal(prisma, admins, 'the pipeline');
  const overview = await pipelineOverview(prisma, { roleQuery, stuckDays: STUCK_DAYS, onlyRoles, now: now(), page });
  return pipelineMessage({ page: overview, roleQuery, stuckDays: STUCK_DAYS });
}
