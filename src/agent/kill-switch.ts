import type { DbOrTx, PrismaClient } from '../db/prisma.js';
import { enqueue, type Boss } from '../jobs/boss.js';
import { recordEffect } from '../outbox/record-effect.js';

// The kill switch: stop the agent for one candidate (Application.agentPaused) or for everyone
// (the "agent.paused" setting). A paused agent keeps every event it receives; resuming wakes
// the affected runs, which carry on from their stored steps.

export const AGENT_PAUSED_SETTING = 'agent.paused';
type PausedValue = { paused: boolean; reason?: string; by?: string; at?: string };

export async function isAgentPaused(db: DbOrTx, applicationId: string): Promise<boolean> {
  const [app, everywhere] = await Promise.all([
    db.application.findUnique({ where: { id: applicationId }, select: { agentPaused: true } }),
    globalPause(db),
  ]);
  return !!app?.agentPaused || !!everywhere;
}

export async function globalPause(db: DbOrTx): Promise<PausedValue | null> {
  const setting = await db.setting.findUnique({ where: { key: AGENT_PAUSED_SETTING } });
  const value = setting?.value as PausedValue | undefined;
  return value?.paused ? value : null;
}

/** Stops the agent for everyone and tells every admin by DM (a spend limit, or an admin's command). */
export async function pauseAgentEverywhere(
  { prisma, boss }: { prisma: PrismaClient; boss: Boss },
  { reason, by }: { reason: string; by: string },
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const before = await globalPause(tx);
    const value: PausedValue = { paused: true, reason, by, at: new Date().toISOString() };
    await tx.setting.upsert({
      where: { key: AGENT_PAUSED_SETTING },
      update: { value, updatedBy: by },
      create: { key: AGENT_PAUSED_SETTING, value, updatedBy: by },
    });
    await tx.auditEntry.create({
      data: {
        actorType: by === 'system' ? 'SYSTEM' : 'USER',
        actorId: by,
        action: 'agent.pause_all',
        subjectType: 'Setting',
        subjectId: AGENT_PAUSED_SETTING,
        data: { reason },
      },
    });
    if (before) return; // already paused: admins were told then
    const admins = await tx.user.findMany({
      where: { teamRoles: { has: 'ADMIN' }, deactivatedAt: null },
      select: { slackUserId: true },
    });
    for (const admin of admins) {
      await recordEffect(
        { tx, boss },
        {
          kind: 'slack.post',
          idempotencyKey: `agent-paused:${value.at}:${admin.slackUserId}`,
          payload: {
            channel: admin.slackUserId,
            text:
              `:octagonal_sign: Justin's scheduling agent is paused for every candidate: ${reason}. Nothing is ` +
              `lost; \`/hire agent start all\` resumes it.`,
          },
        },
      );
    }
  });
}

/** Turns the agent back on (everyone, or one application) and wakes the runs that waited. */
export async function resumeAgent(
  { prisma, boss }: { prisma: PrismaClient; boss: Boss },
  { applicationId, by }: { applicationId?: string; by: string },
): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const at = new Date().toISOString();
    if (applicationId) await tx.application.update({ where: { id: applicationId }, data: { agentPaused: false } });
    else
      await tx.setting.upsert({
        where: { key: AGENT_PAUSED_SETTING },
        update: { value: { paused: false, by, at }, updatedBy: by },
        create: { key: AGENT_PAUSED_SETTING, value: { paused: false, by, at }, updatedBy: by },
      });
    await tx.auditEntry.create({
      data: {
        actorType: 'USER',
        actorId: by,
        action: applicationId ? 'agent.resume' : 'agent.resume_all',
        subjectType: applicationId ? 'Application' : 'Setting',
        subjectId: applicationId ?? AGENT_PAUSED_SETTING,
      },
    });
    const runs = applicationId
      ? [{ applicationId }]
      : await tx.agentRun.findMany({
          where: { status: { in: ['RUNNING', 'WAITING'] }, application: { agentPaused: false } },
          select: { applicationId: true },
        });
    for (const run of runs)
      await enqueue(
        boss,
        tx,
        'agent.turn',
        { applicationId: run.applicationId, key: `resumed:${at}`, event: { type: 'resumed', by } },
        { singletonKey: run.applicationId },
      );
    return runs.length;
  });
}

/** Stops the agent for one candidate: the run keeps its state and events until resumed. */
export async function pauseAgentFor(
  { prisma }: { prisma: PrismaClient },
  { applicationId, by }: { applicationId: string; by: string },
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.application.update({ where: { id: applicationId }, data: { agentPaused: true } });
    await tx.auditEntry.create({
      data: {
        actorType: 'USER',
        actorId: by,
        action: 'agent.pause',
        subjectType: 'Application',
        subjectId: applicationId,
      },
    });
    await tx.applicationEvent.create({
      data: { applicationId, actorType: 'USER', actorId: by, type: 'agent.paused', data: {} },
    });
  });
}
