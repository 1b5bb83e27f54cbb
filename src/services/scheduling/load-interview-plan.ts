import type { DbOrTx } from '../../db/prisma.js';
import { schedulingPolicyOf, type SchedulingPolicy } from '../../domain/scheduling/scheduling-policy.js';
import { AppError } from '../../errors.js';

/** Everything the scheduler knows about one interview before it asks any calendar. */
export type InterviewPlan = {
  interview: {
    id: string;
    status: string;
    startsAt: Date | null;
    endsAt: Date | null;
    calendarEventId: string | null;
    candidateZone: string | null;
  };
  application: { id: string; slackChannelId: string | null; slackMessageTs: string | null };
  role: { id: string; title: string; slackChannelId: string | null; recruiterSlackId: string | null };
  stage: {
    id: string;
    name: string;
    kind: string;
    durationMinutes: number;
    panelMode: 'ALL' | 'POOL';
    interviewersNeeded: number;
  };
  candidate: { name: string; email: string; timeZone: string | null };
  /** The panel, or the pool to choose from. */
  people: Person[];
  policy: SchedulingPolicy;
};

export type Person = {
  userId: string;
  slackUserId: string;
  name: string;
  email: string | null;
  calendarId: string | null;
  zone: string;
  workingHours: unknown;
  dailyCap: number | null;
  weeklyCap: number | null;
  busyPolicy: unknown;
};

export async function loadInterviewPlan(db: DbOrTx, interviewId: string): Promise<InterviewPlan> {
  const row = await db.interview.findUnique({
    where: { id: interviewId },
    include: {
      application: {
        include: { candidate: true, role: { include: { recruiter: { select: { slackUserId: true } } } } },
      },
      stage: { include: { pool: { include: { user: true } } } },
    },
  });
  if (!row)
    throw new AppError('NOT_FOUND', `interview ${interviewId} not found`, {
      userMessage: 'That interview no longer exists.',
    });
  const { application: app, stage } = row;
  return {
    interview: {
      id: row.id,
      status: row.status,
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      calendarEventId: row.calendarEventId,
      candidateZone: row.candidateZone,
    },
    application: { id: app.id, slackChannelId: app.slackChannelId, slackMessageTs: app.slackMessageTs },
    role: {
      id: app.role.id,
      title: app.role.title,
      slackChannelId: app.role.slackChannelId,
      recruiterSlackId: app.role.recruiter?.slackUserId ?? null,
    },
    stage: {
      id: stage.id,
      name: stage.name,
      kind: stage.kind,
      durationMinutes: stage.durationMinutes,
      panelMode: stage.panelMode as 'ALL' | 'POOL',
      interviewersNeeded: stage.interviewersNeeded,
    },
    candidate: { name: app.candidate.name, email: app.candidate.displayEmail, timeZone: app.candidate.timeZone },
    people: stage.pool
      .map(({ user }) => user)
      .filter((u) => !u.deactivatedAt)
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((u) => ({
        userId: u.id,
        slackUserId: u.slackUserId,
        name: u.name,
        email: u.email,
        calendarId: u.calendarId ?? u.email,
        zone: u.timeZone,
        workingHours: u.workingHours,
        dailyCap: u.dailyInterviewCap,
        weeklyCap: u.weeklyInterviewCap,
        busyPolicy: u.busyPolicy,
      })),
    policy: schedulingPolicyOf(app.role.policy),
  };
}
