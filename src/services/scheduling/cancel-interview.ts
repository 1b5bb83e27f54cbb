import type { PrismaClient } from '../../db/prisma.js';
import { AppError } from '../../errors.js';
import type { Boss } from '../../jobs/boss.js';
import { stopAgentMailInTx, stopInterviewInTx } from '../interviews/stop-interview.js';
import { lockApplicationOfInterview, moveApplicationInTx, type Actor } from '../pipeline/move-application.js';

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
    // The application first, then the interview: the order closing an application takes them in.
    await lockApplicationOfInterview(tx, interviewId);
    const rows = await tx.$queryRaw<Array<{ status: string; applicationId: string; calendarEventId: string | null }>>`
      SELECT status::text AS status, "applicationId", "calendarEventId" FROM "Interview"
      WHERE id = ${interviewId}::uuid FOR UPDATE`;
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
    const interview = { id: interviewId, applicationId: row.applicationId, calendarEventId: row.calendarEventId };
    await stopInterviewInTx(tx, boss, { interview, to: 'CANCELLED', reason: 'the interview was cancelled', now });
    // Mail the agent queued about it (a confirmation held for the candidate's hours) no longer holds.
    await stopAgentMailInTx(tx, { applicationId: row.applicationId, reason: 'the interview was cancelled', now });
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
    if (row.status === 'BOOKED') {
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
