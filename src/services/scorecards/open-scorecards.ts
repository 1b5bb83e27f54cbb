import type { Tx } from '../../db/prisma.js';
import type { Boss } from '../../jobs/boss.js';
import { sendNotice } from '../notices/send-notice.js';

const HOUR = 3_600_000;

/**
 * When an interview has taken place: a scorecard is owed by each interviewer who did not decline,
 * and each gets a direct message with "Write scorecard". The first chase is an hour after the
 * interview's end, or half an hour after this message when completion ran late (the service was
 * down), so nobody is chased for a request they got a minute ago. Runs in the completing transaction.
 */
export async function openScorecardsInTx(
  tx: Tx,
  boss: Boss,
  { interviewId, endsAt, now }: { interviewId: string; endsAt: Date; now: Date },
): Promise<number> {
  const seats = await tx.interviewInterviewer.findMany({
    where: { interviewId, response: { not: 'DECLINED' } },
    select: { userId: true },
  });
  const firstChase = new Date(Math.max(endsAt.getTime() + HOUR, now.getTime() + HOUR / 2));
  for (const { userId } of seats) {
    const card = await tx.scorecard.upsert({
      where: { interviewId_interviewerId: { interviewId, interviewerId: userId } },
      create: { interviewId, interviewerId: userId, dueAt: endsAt, nextNudgeAt: firstChase },
      update: {},
      select: { id: true },
    });
    await sendNotice(
      tx,
      boss,
      { key: `scorecard:${card.id}`, kind: 'scorecard.request', userId, scorecardId: card.id },
      { now },
    );
  }
  return seats.length;
}
