import type { PrismaClient, Tx } from '../../db/prisma.js';
import type { RoleInput, StageInput } from '../../domain/roles/role-form.js';

/** The User row for a Slack member, created on first mention (name filled in later from Slack). */
export async function userFor(tx: Tx, slackTeamId: string, slackUserId: string): Promise<string> {
  const user = await tx.user.upsert({
    where: { slackTeamId_slackUserId: { slackTeamId, slackUserId } },
    create: { slackTeamId, slackUserId, name: slackUserId },
    update: {},
    select: { id: true },
  });
  return user.id;
}

/** A role's own fields from the modal (people resolved to User rows). */
export async function roleData(tx: Tx, slackTeamId: string, input: RoleInput) {
  return {
    title: input.title,
    description: input.description,
    requirements: input.requirements,
    location: input.location,
    slackChannelId: input.channel,
    hiringManagerId: await userFor(tx, slackTeamId, input.hiringManager),
    recruiterId: input.recruiter ? await userFor(tx, slackTeamId, input.recruiter) : null,
  };
}

/** An interview step's fields from the modal, and its pool as User ids. */
export async function stageData(tx: Tx, slackTeamId: string, stage: StageInput) {
  const poolIds: string[] = [];
  for (const member of stage.pool) poolIds.push(await userFor(tx, slackTeamId, member));
  return {
    fields: {
      name: stage.name,
      kind: stage.kind,
      durationMinutes: stage.durationMinutes,
      panelMode: stage.needed === 'all' ? ('ALL' as const) : ('POOL' as const),
      interviewersNeeded: stage.needed === 'all' ? stage.pool.length : stage.needed,
    },
    poolIds,
  };
}

/** Opens a role with its interview plan in one transaction, audited. Returns the role id. */
export async function openRole(prisma: PrismaClient, { input, actorSlackId, slackTeamId }: { input: RoleInput; actorSlackId: string; slackTeamId: string }): Promise<string> {
  return prisma.$transaction(async (tx) => {
    const role = await tx.role.create({ data: { ...(await roleData(tx, slackTeamId, input)), status: 'OPEN' }, select: { id: true } });
    for (const [position, stage] of input.stages.entries()) {
      const { fields, poolIds } = await stageData(tx, slackTeamId, stage);
      await tx.interviewStage.create({ data: { roleId: role.id, position, ...fields, pool: { create: poolIds.map((userId) => ({ userId })) } } });
    }
    await tx.auditEntry.create({
      data: { actorType: 'USER', actorId: actorSlackId, action: 'role.open', subjectType: 'role', subjectId: role.id, data: { title: input.title, stages: input.stages.length } },
    });
    return role.id;
  });
}
