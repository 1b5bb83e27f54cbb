import type { PrismaClient } from '../../db/prisma.js';
import { afterInterviewPolicyOf } from '../../domain/interviews/after-interview-policy.js';
import { nextBusinessMorning } from '../../domain/interviews/business-morning.js';
import { enqueue, type Boss } from '../../jobs/boss.js';
import { sendNotice } from '../notices/send-notice.js';

const BATCH = 200;
const CLOSED = ['HIRED', 'REJECTED', 'WITHDRAWN'];
const DAY = 86_400_000;

/**
 * Run from a pg-boss schedule. A scorecard still owed when its chase is due gets a reminder by
 * direct message: the first an hour after the interview, then one each business morning in the
 * interviewer's own zone, as many as the role allows in all; at the next one after that the
 * recruiter (or, without one, the hiring manager) is told instead, once. A closed application's
 * scorecards are no longer chased. Also starts the debriefs whose deadline has passed.
 */
export async function chaseScorecards({
  prisma,
  boss,
  now,
}: {
  prisma: PrismaClient;
  boss: Boss;
  now: () => Date;
}): Promise<{ nudged: number; told: number; debriefs: number }> {
  const at = now();
  const due = await prisma.scorecard.findMany({
    where: { status: { in: ['PENDING', 'DRAFT'] }, nextNudgeAt: { lte: at } },
    orderBy: { nextNudgeAt: 'asc' },
    take: BATCH,
    select: { id: true },
  });
  let nudged = 0;
  let told = 0;
  for (const { id } of due) {
    const outcome = await prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Scorecard" WHERE id = ${id}::uuid FOR UPDATE`;
      const card = await tx.scorecard.findUniqueOrThrow({
        where: { id },
        select: {
          status: true,
          nextNudgeAt: true,
          nudgesSent: true,
          interviewerId: true,
          interviewer: { select: { timeZone: true, workingHours: true } },
          interview: {
            select: {
              application: {
                select: {
                  stage: true,
                  role: { select: { policy: true, recruiterId: true, hiringManagerId: true } },
                },
              },
            },
          },
        },
      });
      if (card.status === 'SUBMITTED' || !card.nextNudgeAt || card.nextNudgeAt > at) return 'skip';
      const { application } = card.interview;
      if (CLOSED.includes(application.stage)) {
        await tx.scorecard.update({ where: { id }, data: { nextNudgeAt: null } });
        return 'skip';
      }
      const policy = afterInterviewPolicyOf(application.role.policy);
      if (card.nudgesSent < policy.nudgeLimit) {
        const n = card.nudgesSent + 1;
        await tx.scorecard.update({
          where: { id },
          data: {
            nudgesSent: n,
            nextNudgeAt: nextBusinessMorning(at, card.interviewer.timeZone, card.interviewer.workingHours),
          },
        });
        await sendNotice(
          tx,
          boss,
          { key: `scorecard-nudge:${id}:${n}`, kind: 'scorecard.nudge', userId: card.interviewerId, scorecardId: id },
          { now: at },
        );
        return 'nudged';
      }
      await tx.scorecard.update({ where: { id }, data: { nextNudgeAt: null, recruiterToldAt: at } });
      const recruiter = application.role.recruiterId ?? application.role.hiringManagerId;
      if (!recruiter) return 'skip';
      await sendNotice(
        tx,
        boss,
        { key: `scorecard-late:${id}`, kind: 'scorecard.late', userId: recruiter, scorecardId: id },
        { now: at },
      );
      return 'told';
    });
    if (outcome === 'nudged') nudged++;
    if (outcome === 'told') told++;
  }
  return { nudged, told, debriefs: await startDueDebriefs(prisma, boss, at) };
}

/**
 * Completed interviews with scorecards and no debrief yet, whose role's deadline has passed, oldest
 * first: only roles that set a deadline, only open applications, so a backlog of others never
 * crowds out a due one.
 */
async function startDueDebriefs(prisma: PrismaClient, boss: Boss, at: Date): Promise<number> {
  const due = await prisma.$queryRaw<{ id: string }[]>`
    SELECT i.id FROM "Interview" i
    JOIN "Application" a ON a.id = i."applicationId"
    JOIN "Role" r ON r.id = a."roleId"
    WHERE i.status = 'COMPLETED'
      AND a.stage NOT IN ('HIRED', 'REJECTED', 'WITHDRAWN')
      AND i."endsAt" >= ${new Date(at.getTime() - 30 * DAY)}::timestamptz
      AND jsonb_typeof(r.policy -> 'afterInterview' -> 'debriefDeadlineHours') = 'number'
      AND i."endsAt" + make_interval(hours => (r.policy -> 'afterInterview' ->> 'debriefDeadlineHours')::int)
          <= ${at}::timestamptz
      AND EXISTS (SELECT 1 FROM "Scorecard" s WHERE s."interviewId" = i.id)
      AND NOT EXISTS (SELECT 1 FROM "Debrief" d WHERE d."interviewId" = i.id AND d."postedAt" IS NOT NULL)
    ORDER BY i."endsAt"
    LIMIT ${BATCH}`;
  for (const { id } of due) await enqueue(boss, undefined, 'debrief.hold', { interviewId: id }, { singletonKey: id });
  return due.length;
}
