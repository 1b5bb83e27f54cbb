import { DateTime } from 'luxon';
import type { DbOrTx } from '../../db/prisma.js';

export type InterviewRange = 'today' | 'week';

export type UpcomingInterview = {
  startsAt: Date;
  endsAt: Date;
  candidateName: string;
  roleTitle: string;
  stageName: string;
  interviewerSlackIds: string[];
  meetUrl: string | null;
};

/**
 * Booked interviews from now to the end of today (in the viewer's zone) or the next 7 days,
 * optionally only those a given person sits on.
 */
export async function upcomingInterviews(
  db: DbOrTx,
  {
    range,
    viewerZone,
    interviewerSlackId,
    now,
  }: { range: InterviewRange; viewerZone: string; interviewerSlackId?: string | undefined; now: Date },
): Promise<UpcomingInterview[]> {
  const start = DateTime.fromJSDate(now, { zone: viewerZone });
  const end = range === 'today' ? start.endOf('day') : start.plus({ days: 7 });
  const rows = await db.interview.findMany({
    where: {
      status: 'BOOKED',
      startsAt: { gte: now, lte: end.toJSDate() },
      ...(interviewerSlackId ? { interviewers: { some: { user: { slackUserId: interviewerSlackId } } } } : {}),
    },
    orderBy: { startsAt: 'asc' },
    take: 40,
    select: {
      startsAt: true,
      endsAt: true,
      meetUrl: true,
      stage: { select: { name: true } },
      application: { select: { candidate: { select: { name: true } }, role: { select: { title: true } } } },
      interviewers: { select: { user: { select: { slackUserId: true } } } },
    },
  });
  return rows.map((r) => ({
    startsAt: r.startsAt!,
    endsAt: r.endsAt!,
    candidateName: r.application.candidate.name,
    roleTitle: r.application.role.title,
    stageName: r.stage.name,
    interviewerSlackIds: r.interviewers.map((i) => i.user.slackUserId),
    meetUrl: r.meetUrl,
  }));
}
