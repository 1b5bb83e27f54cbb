import { offerPolicyOf, withOfferPolicy, type OfferPolicy } from '../../domain/offers/approval-chain.js';
import type { PrismaClient } from '../../db/prisma.js';
import { planStageEdit, type RoleInput } from '../../domain/roles/role-form.js';
import type { Boss } from '../../jobs/boss.js';
import { isOpenTitleClash, peopleNamedIn, requestChannel, roleData, stageData, titleTaken } from './open-role.js';
import { requestPeopleSync } from '../team/sync-person.js';
import { schedulingPolicyOf, withHold } from '../../domain/scheduling/scheduling-policy.js';
import { firstSubmission, seenSubmission } from '../slack/first-submission.js';
import {
  type AfterInterviewPolicy,
  afterInterviewPolicyOf,
  withAfterInterview,
} from '../../domain/interviews/after-interview-policy.js';
import { type Competency, competenciesOf } from '../../domain/roles/competencies.js';

/** A role as the edit modal shows it: Slack ids for people, and the version it was read at. */
export type RoleForEdit = {
  id: string;
  version: string;
  title: string;
  description: string;
  requirements: string;
  location: string | null;
  hiringManager: string | null;
  recruiter: string | null;
  channel: string | null;
  stages: {
    id: string;
    name: string;
    durationMinutes: number;
    kind: string;
    pool: string[];
    needed: number | 'all';
    competencies: Competency[];
  }[];
  holdProposedSlots: boolean;
  afterInterview: AfterInterviewPolicy;
  offer: OfferPolicy;
};

export async function loadRoleForEdit(prisma: PrismaClient, roleId: string): Promise<RoleForEdit> {
  const role = await prisma.role.findUniqueOrThrow({
    where: { id: roleId },
    include: {
      hiringManager: true,
      recruiter: true,
      stages: { orderBy: { position: 'asc' }, include: { pool: { include: { user: true } } } },
    },
  });
  return {
    id: role.id,
    version: role.updatedAt.toISOString(),
    title: role.title,
    description: role.description,
    requirements: role.requirements,
    location: role.location,
    hiringManager: role.hiringManager?.slackUserId ?? null,
    recruiter: role.recruiter?.slackUserId ?? null,
    channel: role.slackChannelId,
    stages: role.stages.map((s) => ({
      id: s.id,
      name: s.name,
      durationMinutes: s.durationMinutes,
      kind: s.kind,
      pool: s.pool.map((p) => p.user.slackUserId),
      needed: s.panelMode === 'ALL' ? 'all' : s.interviewersNeeded,
      competencies: competenciesOf(s.competencies),
    })),
    holdProposedSlots: schedulingPolicyOf(role.policy).holdProposedSlots,
    afterInterview: afterInterviewPolicyOf(role.policy),
    offer: offerPolicyOf(role.policy),
  };
}

export type EditOutcome = { ok: true } | { ok: false; errors: Record<string, string> };

/**
 * Saves the edit modal, in one transaction and audited. Compare-and-set on the version the
 * modal was opened at: two people editing at once, the second is told rather than silently
 * overwriting. Steps change where they are (see planStageEdit), so interviews and applications
 * keep pointing at the step they were for.
 */
export async function editRole(
  { prisma, boss }: { prisma: PrismaClient; boss: Boss },
  {
    roleId,
    version,
    input,
    actorSlackId,
    slackTeamId,
    viewId,
  }: {
    roleId: string;
    version: string;
    input: RoleInput;
    actorSlackId: string;
    slackTeamId: string;
    viewId?: string | undefined;
  },
): Promise<EditOutcome> {
  const saving = prisma.$transaction(async (tx): Promise<EditOutcome> => {
    const locked = await tx.$queryRaw<
      { updatedAt: Date; policy: unknown }[]
    >`SELECT "updatedAt", policy FROM "Role" WHERE id = ${roleId}::uuid FOR UPDATE`;
    if (!locked[0]) return { ok: false, errors: { title: 'This role no longer exists.' } };
    // The same submission again (a double click, Slack's retry): saved already, by the first.
    if (viewId && (await seenSubmission(tx, viewId))) return { ok: true };
    if (await titleTaken(tx, input.title, roleId))
      return {
        ok: false,
        errors: { title: `Another open role is called “${input.title}”: pick a title that tells them apart.` },
      };
    if (locked[0].updatedAt.toISOString() !== version) {
      return {
        ok: false,
        errors: {
          title:
            'Someone changed this role while you were editing it. Close this and run /hire role edit again to see ' +
            'their changes.',
        },
      };
    }
    const stages = await tx.interviewStage.findMany({
      where: { roleId },
      orderBy: { position: 'asc' },
      select: {
        id: true,
        position: true,
        competencies: true,
        _count: { select: { interviews: true, agentRuns: true } },
      },
    });
    const reached = await tx.application.groupBy({
      by: ['planPosition'],
      where: { roleId, planPosition: { not: null } },
      _count: true,
    });
    const existing = stages.map((s) => ({
      id: s.id,
      inUse:
        s._count.interviews +
        s._count.agentRuns +
        reached.filter((r) => (r.planPosition ?? -1) >= s.position).reduce((n, r) => n + r._count, 0),
    }));
    const planned = planStageEdit(existing, input.stages);
    if (!planned.ok) return planned;
    const { plan } = planned;
    if (viewId && !(await firstSubmission(tx, viewId))) return { ok: true };

    await tx.role.update({
      where: { id: roleId },
      data: {
        ...(await roleData(tx, slackTeamId, input)),
        policy: withOfferPolicy(
          withAfterInterview(withHold(locked[0].policy, input.holdProposedSlots), input.afterInterview),
          input.offer,
        ),
      },
    });
    await requestChannel(tx, boss, { roleId, input, actorSlackId });
    await requestPeopleSync(tx, boss, { slackTeamId, slackUserIds: peopleNamedIn(input) });
    await tx.interviewStage.deleteMany({ where: { id: { in: plan.remove } } });
    for (const { id, position, stage } of plan.update) {
      // A competency whose name stays keeps its id, so scorecards keep pointing at it.
      const kept = competenciesOf(stages.find((s) => s.id === id)?.competencies);
      const { fields, poolIds } = await stageData(tx, slackTeamId, stage, kept);
      await tx.interviewStage.update({
        where: { id },
        data: { position, ...fields, pool: { deleteMany: {}, create: poolIds.map((userId) => ({ userId })) } },
      });
    }
    for (const { position, stage } of plan.create) {
      const { fields, poolIds } = await stageData(tx, slackTeamId, stage);
      await tx.interviewStage.create({
        data: { roleId, position, ...fields, pool: { create: poolIds.map((userId) => ({ userId })) } },
      });
    }
    await tx.auditEntry.create({
      data: {
        actorType: 'USER',
        actorId: actorSlackId,
        action: 'role.edit',
        subjectType: 'role',
        subjectId: roleId,
        data: {
          title: input.title,
          stagesChanged: plan.update.length,
          stagesAdded: plan.create.length,
          stagesRemoved: plan.remove.length,
        },
      },
    });
    return { ok: true };
  });
  // Renamed to a title another form just opened: the index refuses what the check let through.
  return saving.catch((err: unknown) => {
    if (isOpenTitleClash(err)) return { ok: false, errors: { title: `Another open role is called “${input.title}”.` } };
    throw err;
  });
}
