import type { PrismaClient } from '../../db/prisma.js';
import type { Boss } from '../../jobs/boss.js';
import { lockApplicationOfInterview, moveApplicationInTx } from '../pipeline/move-application.js';
import { stopInterviewInTx } from './stop-interview.js';
import { openScorecardsInTx } from '../scorecards/open-scorecards.js';

const BATCH = 200;

/**
 * Booked interviews whose end has passed become completed, each in its own transaction: the
 * interview, its application (interview scheduled → interviewed, whose stage-change job
 * refreshes the card and tells the thread), a scorecard owed by each interviewer (asked for by
 * direct message), and the agent's run for it, which has nothing left to do. Run from a pg-boss
 * schedule; an interview moved or cancelled meanwhile is left.
 */
export async function completeInterviews({
  prisma,
  boss,
  now,
}: {
  prisma: PrismaClient;
  boss: Boss;
  now: () => Date;
}): Promise<number> {
  const at = now();
  const due = await prisma.interview.findMany({
    where: { status: 'BOOKED', endsAt: { lte: at } },
    orderBy: { endsAt: 'asc' },
    take: BATCH,
    select: { id: true },
  });
  let completed = 0;
  for (const { id } of due) {
    const done = await prisma.$transaction(async (tx) => {
      // The application first, then the interview: the order closing an application takes them in.
      await lockApplicationOfInterview(tx, id);
      const rows = await tx.$queryRaw<
        Array<{
          status: string;
          endsAt: Date | null;
          applicationId: string;
          calendarEventId: string | null;
          position: number;
        }>
      >`
        SELECT i.status::text AS status, i."endsAt", i."applicationId", i."calendarEventId", s.position
        FROM "Interview" i JOIN "InterviewStage" s ON s.id = i."stageId"
        WHERE i.id = ${id}::uuid FOR UPDATE OF i`;
      const row = rows[0];
      if (row?.status !== 'BOOKED' || !row.endsAt || row.endsAt.getTime() > at.getTime()) return false;
      // Times still on offer to move it (a reschedule nobody answered) are no longer needed.
      const interview = { id, applicationId: row.applicationId, calendarEventId: row.calendarEventId };
      await stopInterviewInTx(tx, boss, {
        interview,
        to: 'COMPLETED',
        reason: 'the interview has taken place',
        now: at,
      });
      // Each interviewer now owes a scorecard, and is asked for it.
      await openScorecardsInTx(tx, boss, { interviewId: id, endsAt: row.endsAt, now: at });
      await tx.agentRun.updateMany({
        where: { interviewId: id, status: { in: ['RUNNING', 'WAITING'] } },
        data: { status: 'COMPLETED', finishedAt: at, followUpAt: null },
      });
      const app = await tx.application.findUniqueOrThrow({
        where: { id: row.applicationId },
        select: { stage: true, planPosition: true },
      });
      const data = { interviewId: id };
      if (app.stage === 'INTERVIEW_SCHEDULED' && app.planPosition === row.position) {
        await moveApplicationInTx(tx, boss, {
          applicationId: row.applicationId,
          command: { type: 'interview_completed' },
          actor: { type: 'SYSTEM', id: 'interviews' },
          data,
          now: at,
        });
      }
      await tx.applicationEvent.create({
        data: {
          applicationId: row.applicationId,
          actorType: 'SYSTEM',
          actorId: 'interviews',
          type: 'interview.completed',
          data,
        },
      });
      return true;
    });
    if (done) completed++;
  }
  return completed;
}
