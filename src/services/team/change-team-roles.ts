import type { PrismaClient } from '../../db/prisma.js';
import type { Boss } from '../../jobs/boss.js';
import { requestPersonSync } from './sync-person.js';
import type { TeamRole } from './team-roles.js';

export type ChangeTeamRolesOptions = {
  actorSlackId: string;
  slackTeamId: string;
  targetSlackId: string;
  targetLabel: string;
  roles: TeamRole[];
  grant: boolean;
};

/** Grants or revokes team roles, creating the member if needed, with an audit entry in the same transaction. */
export async function changeTeamRoles(
  { prisma, boss }: { prisma: PrismaClient; boss: Boss },
  opts: ChangeTeamRolesOptions,
): Promise<TeamRole[]> {
  return prisma.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({
      where: { slackTeamId_slackUserId: { slackTeamId: opts.slackTeamId, slackUserId: opts.targetSlackId } },
      select: { teamRoles: true },
    });
    const current = new Set<TeamRole>(existing?.teamRoles ?? []);
    for (const role of opts.roles) {
      if (opts.grant) current.add(role);
      else current.delete(role);
    }
    const teamRoles = [...current].sort();
    await tx.user.upsert({
      where: { slackTeamId_slackUserId: { slackTeamId: opts.slackTeamId, slackUserId: opts.targetSlackId } },
      create: { slackTeamId: opts.slackTeamId, slackUserId: opts.targetSlackId, name: opts.targetLabel, teamRoles },
      update: { teamRoles },
    });
    await requestPersonSync(tx, boss, { slackTeamId: opts.slackTeamId, slackUserId: opts.targetSlackId });
    await tx.auditEntry.create({
      data: {
        actorType: 'USER',
        actorId: opts.actorSlackId,
        action: opts.grant ? 'team.grant' : 'team.revoke',
        subjectType: 'user',
        subjectId: opts.targetSlackId,
        data: { roles: opts.roles, now: teamRoles },
      },
    });
    return teamRoles;
  });
}
