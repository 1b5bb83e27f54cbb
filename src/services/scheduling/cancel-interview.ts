import type { PrismaClient } from '../../db/prisma.js';
import { AppError } from '../../errors.js';
import type { Boss } from '../../jobs/boss.js';
import { recordEffect } from '../../outbox/record-effect.js';
import { moveApplicationInTx, type Actor } from '../pipeline/move-application.js';
import { releaseHolds } from './hold-slots.js';

/**
 * Cancels a booked interview: frees the interviewers' time, cancels the calendar event
 * (everyone is told by Google) and moves the application back to scheduling, in one
 * transaction. Cancelling twice is harmless.
 */
export async function cancelInterview(
  { prisma, boss }: { prisma: PrismaClient; boss: Boss },
  { interviewId, actor, reason, now = new Date() }: { interviewId: string; actor: Actor; reason: string; now?: Date },
): Promise<{ status: 'cancelled' | 'already-cancelled' }> {
  return prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ status: string; applicationId: string }>>`
      SELECT status::text AS status, "applicationId" FROM "Interview" WHERE id = ${interviewId}::uuid FOR UPDATE`;
    const row = rows[0];
    if (!row)
      throw new AppError('NOT_FOUND', `interview ${interviewId} not found`, {
        userMessage: 'That interview no longer exists.',
      });
    if (row.status === 'CANCELLED') return { status: 'already-cancelled' };
    if (row.status === 'COMPLETED')
      throw new AppError('STALE_STATE', 'interview already happened', {
        userMessage: 'That interview has already happened.',
      });
    const wasBooked = row.status === 'BOOKED';
    await tx.interviewerBooking.deleteMany({ where: { interviewId } });
    await tx.slotProposal.updateMany({
      where: { interviewId, status: { in: ['PROPOSED', 'APPROVED', 'OFFERED'] } },
      data: { status: 'WITHDRAWN' },
    });
    await releaseHolds(tx, boss, { interviewId, now });
    await tx.interview.update({ where: { id: interviewId }, data: { status: 'CANCELLED' } });
    const data = { interviewId, reason };
    await tx.auditEntry.create({
      data: {
        actorType: actor.type,
        actorId: actor.id ?? null,
        action: 'interview.cancel',
        subjectType: 'Interview',
        subjectId: interviewId,
        data,
      },
    });
    if (wasBooked) {
      await recordEffect(
        { tx, boss },
        {
          kind: 'calendar.sync',
          idempotencyKey: `calendar:${interviewId}:cancel`,
          applicationId: row.applicationId,
          payload: { interviewId },
          now,
        },
      );
      const app = await tx.application.findUniqueOrThrow({ where: { id: row.applicationId }, select: { stage: true } });
      if (app.stage === 'INTERVIEW_SCHEDULED') {
        await moveApplicationInTx(tx, boss, {
          applicationId: row.applicationId,
          command: { type: 'interview_cancelled' },
          actor,
          data,
          now,
        });
        return { status: 'cancelled' };
      }
    }
    await tx.applicationEvent.create({
      data: {
        applicationId: row.applicationId,
        actorType: actor.type,
        actorId: actor.id ?? null,
        type: 'interview.cancelled',
        data,
      },
    });
    return { status: 'cancelled' };
  });
}
