import type { PrismaClient } from '../../db/prisma.js';
import type { Boss } from '../../jobs/boss.js';
import { recordEffect } from '../../outbox/record-effect.js';
import { refreshNotices } from '../notices/send-notice.js';
import { lockApplicationOfInterview } from '../pipeline/move-application.js';

/**
 * The debrief's Hold: the team wants to wait (another candidate, a reference) before deciding.
 * The candidate stays where they are; the debrief and the card say who put them on hold. Only
 * while the candidate is still at this interview's step.
 */
export async function holdAfterDebrief(
  { prisma, boss }: { prisma: PrismaClient; boss: Boss },
  { interviewId, slackUserId, now }: { interviewId: string; slackUserId: string; now: Date },
): Promise<'held' | 'moved-on'> {
  return prisma.$transaction(async (tx) => {
    await lockApplicationOfInterview(tx, interviewId);
    const interview = await tx.interview.findUnique({
      where: { id: interviewId },
      select: {
        stage: { select: { position: true } },
        debrief: { select: { postedAt: true } },
        application: { select: { id: true, stage: true, planPosition: true } },
      },
    });
    const app = interview?.application;
    if (!interview?.debrief?.postedAt || app?.stage !== 'INTERVIEWED' || app.planPosition !== interview.stage.position)
      return 'moved-on';
    const user = await tx.user.findFirst({ where: { slackUserId }, select: { id: true } });
    await tx.debrief.update({
      where: { interviewId },
      data: { decision: 'HOLD', decidedById: user?.id ?? null, decidedAt: now },
    });
    await tx.applicationEvent.create({
      data: {
        applicationId: app.id,
        actorType: 'USER',
        actorId: slackUserId,
        type: 'debrief.hold',
        data: { interviewId },
      },
    });
    await refreshNotices(tx, boss, { interviewId }, now);
    await recordEffect(
      { tx, boss },
      {
        kind: 'slack.card',
        idempotencyKey: `card:${app.id}:hold:${interviewId}:${now.getTime()}`,
        applicationId: app.id,
        payload: { applicationId: app.id },
      },
    );
    return 'held';
  });
}
