import { withOfferPolicy } from '../../domain/offers/approval-chain.js';
import type { PrismaClient, Tx } from '../../db/prisma.js';
import type { RoleInput, StageInput } from '../../domain/roles/role-form.js';
import type { Boss } from '../../jobs/boss.js';
import { recordEffect } from '../../outbox/record-effect.js';
import { firstSubmission, seenSubmission } from '../slack/first-submission.js';
import { announceRole } from './announce-role.js';
import { withHold } from '../../domain/scheduling/scheduling-policy.js';
import { withAfterInterview } from '../../domain/interviews/after-interview-policy.js';
import { type Competency, mergeCompetencies } from '../../domain/roles/competencies.js';
import { requestPeopleSync } from '../team/sync-person.js';

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

/**
 * A role's own fields from the modal (people resolved to User rows). A channel still to be
 * created leaves the channel as it is (none, for a new role) until it exists.
 */
export async function roleData(tx: Tx, slackTeamId: string, input: RoleInput) {
  return {
    title: input.title,
    description: input.description,
    requirements: input.requirements,
    location: input.location,
    ...(input.channel ? { slackChannelId: input.channel } : {}),
    hiringManagerId: await userFor(tx, slackTeamId, input.hiringManager),
    recruiterId: input.recruiter ? await userFor(tx, slackTeamId, input.recruiter) : null,
  };
}

/**
 * An interview step's fields from the modal, and its pool as User ids. `kept`: the step's
 * competencies before an edit, whose ids stay with their names.
 */
export async function stageData(tx: Tx, slackTeamId: string, stage: StageInput, kept: Competency[] = []) {
  const poolIds: string[] = [];
  for (const member of stage.pool) poolIds.push(await userFor(tx, slackTeamId, member));
  return {
    fields: {
      name: stage.name,
      kind: stage.kind,
      durationMinutes: stage.durationMinutes,
      panelMode: stage.needed === 'all' ? ('ALL' as const) : ('POOL' as const),
      interviewersNeeded: stage.needed === 'all' ? stage.pool.length : stage.needed,
      competencies: mergeCompetencies(kept, stage.competencies),
    },
    poolIds,
  };
}

/** Everyone the role modal names (Slack ids): each is synced from Slack in the saving transaction. */
export const peopleNamedIn = (input: RoleInput): string[] =>
  [
    input.hiringManager,
    input.recruiter,
    ...input.stages.flatMap((s) => s.pool),
    ...input.offer.approvers,
    input.offer.threshold?.approver,
  ].filter((u): u is string => !!u);

/** When the modal named a new channel: its creation, through the outbox (see the slack.channel performer). */
export async function requestChannel(
  tx: Tx,
  boss: Boss,
  { roleId, input, actorSlackId }: { roleId: string; input: RoleInput; actorSlackId: string },
): Promise<void> {
  if (!input.newChannel) return;
  const invite = [input.hiringManager, input.recruiter, actorSlackId].filter((u): u is string => !!u);
  await recordEffect(
    { tx, boss },
    {
      kind: 'slack.channel',
      idempotencyKey: `channel:${roleId}:${input.newChannel}`,
      payload: { roleId, name: input.newChannel, invite, requestedBy: actorSlackId },
    },
  );
}

/** Whether another role that is open or paused has this title (any case): commands name roles by title. */
export async function titleTaken(db: Tx, title: string, except?: string): Promise<boolean> {
  const clash = await db.role.count({
    where: {
      title: { equals: title, mode: 'insensitive' },
      status: { in: ['OPEN', 'PAUSED'] },
      ...(except ? { id: { not: except } } : {}),
    },
  });
  return clash > 0;
}

export type OpenOutcome = { ok: true; roleId: string | null } | { ok: false; errors: Record<string, string> };

/**
 * Opens a role with its interview plan in one transaction, audited, and tells its channel. A
 * title another open role has is refused on the field; the same modal submitted twice (a
 * double click, Slack's retry) opens one role.
 */
export async function openRole(
  { prisma, boss }: { prisma: PrismaClient; boss: Boss },
  {
    input,
    actorSlackId,
    slackTeamId,
    viewId,
    now = new Date(),
  }: { input: RoleInput; actorSlackId: string; slackTeamId: string; viewId?: string | undefined; now?: Date },
): Promise<OpenOutcome> {
  const clash = {
    ok: false as const,
    errors: { title: `A role called “${input.title}” is already open: pick a title that tells them apart.` },
  };
  try {
    return await openInTx();
  } catch (err) {
    // Two forms opening the same title at once: both passed the check, the index took one.
    if (isOpenTitleClash(err)) return clash;
    throw err;
  }
  function openInTx(): Promise<OpenOutcome> {
    return prisma.$transaction(async (tx) => {
      if (viewId && (await seenSubmission(tx, viewId))) return { ok: true, roleId: null };
      if (await titleTaken(tx, input.title)) return clash;
      if (viewId && !(await firstSubmission(tx, viewId))) return { ok: true, roleId: null };
      const role = await tx.role.create({
        data: {
          ...(await roleData(tx, slackTeamId, input)),
          status: 'OPEN',
          // The service's clock: a role's first weekly digest is the first one after it opened.
          createdAt: now,
          policy: withOfferPolicy(
            withAfterInterview(input.holdProposedSlots ? withHold({}, true) : {}, input.afterInterview),
            input.offer,
          ),
        },
        select: { id: true },
      });
      await requestChannel(tx, boss, { roleId: role.id, input, actorSlackId });
      await requestPeopleSync(tx, boss, { slackTeamId, slackUserIds: peopleNamedIn(input) });
      for (const [position, stage] of input.stages.entries()) {
        const { fields, poolIds } = await stageData(tx, slackTeamId, stage);
        await tx.interviewStage.create({
          data: { roleId: role.id, position, ...fields, pool: { create: poolIds.map((userId) => ({ userId })) } },
        });
      }
      await tx.auditEntry.create({
        data: {
          actorType: 'USER',
          actorId: actorSlackId,
          action: 'role.open',
          subjectType: 'role',
          subjectId: role.id,
          data: {
            title: input.title,
            stages: input.stages.length,
            ...(input.newChannel ? { newChannel: input.newChannel } : {}),
          },
        },
      });
      // A new channel gets this message once it exists (see the slack.channel performer).
      if (input.channel) await announceRole(tx, boss, { roleId: role.id, channel: input.channel, now });
      return { ok: true, roleId: role.id };
    });
  }
}

/** The unique index on open roles' titles refused a write (see the open_role_titles migration). */
export function isOpenTitleClash(err: unknown): boolean {
  return `${(err as Error)?.message ?? ''}`.includes('Role_open_title_key');
}
