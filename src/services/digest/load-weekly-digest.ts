import type { DbOrTx } from '../../db/prisma.js';
import type { StageMove } from '../../domain/digest/stage-history.js';
import {
  SCORECARD_LATE_AFTER_MS,
  WEEK_MS,
  weeklyFigures,
  type WeeklyFigures,
} from '../../domain/digest/weekly-figures.js';
import { CLOSED_STAGES } from '../../domain/pipeline/stages.js';
import { agentCostPerScheduledInterview, pipelineOverview } from '../pipeline/pipeline-overview.js';

/** Who "has not moved" is, as /pipeline says it. */
export const STUCK_DAYS = 5;

export type WeeklyDigest = {
  roleId: string;
  title: string;
  channel: string | null;
  /** Open or paused: a closed role gets no new digest (an old one may still be rendered again). */
  open: boolean;
  figures: WeeklyFigures;
};

const CLOSED = [...CLOSED_STAGES];

/**
 * A role's digest for the week before `at`, from the database: the facts read here, the figures
 * computed by domain/digest. Null when the role is gone.
 */
export async function loadWeeklyDigest(
  db: DbOrTx,
  { roleId, at }: { roleId: string; at: Date },
): Promise<WeeklyDigest | null> {
  const from = new Date(at.getTime() - WEEK_MS);
  const role = await db.role.findUnique({
    where: { id: roleId },
    select: { title: true, slackChannelId: true, status: true },
  });
  if (!role) return null;
  // Stuck candidates as /pipeline shows them (it lists open and paused roles only).
  const overview = (await pipelineOverview(db, { onlyRoles: [roleId], now: at, stuckDays: STUCK_DAYS })).roles[0];
  // Everything open during the week: still open, or closed since it began.
  const applications = await db.application.findMany({
    where: {
      roleId,
      createdAt: { lte: at },
      OR: [{ stage: { notIn: CLOSED } }, { stageChangedAt: { gte: from } }],
    },
    select: {
      createdAt: true,
      stage: true,
      events: {
        where: { fromStage: { not: null }, toStage: { not: null } },
        orderBy: [{ at: 'asc' }, { id: 'asc' }],
        select: { at: true, fromStage: true, toStage: true },
      },
    },
  });
  const upcoming = await db.interview.findMany({
    where: {
      status: 'BOOKED',
      startsAt: { gte: at, lt: new Date(at.getTime() + WEEK_MS) },
      application: { roleId },
    },
    select: {
      startsAt: true,
      stage: { select: { name: true } },
      application: { select: { candidate: { select: { name: true } } } },
    },
  });
  const owed = await db.scorecard.findMany({
    where: {
      status: { in: ['PENDING', 'DRAFT'] },
      dueAt: { lt: new Date(at.getTime() - SCORECARD_LATE_AFTER_MS) },
      // Nobody chases a scorecard for a closed application (see chase-scorecards.ts).
      interview: { application: { roleId, stage: { notIn: CLOSED } } },
    },
    select: {
      dueAt: true,
      interviewer: { select: { slackUserId: true } },
      interview: {
        select: {
          stage: { select: { name: true } },
          application: { select: { candidate: { select: { name: true } } } },
        },
      },
    },
  });
  const offersOut = await db.offer.count({ where: { status: 'SENT', application: { roleId } } });
  const [agent] = await db.$queryRaw<{ emails: number; booked: number; handOvers: number }[]>`
    SELECT
      (SELECT count(*)::int FROM "OutboxEffect" e JOIN "Application" a ON a.id = e."applicationId"
        WHERE a."roleId" = ${roleId}::uuid AND e.kind = 'gmail.send' AND e.status = 'DONE'
          AND e."idempotencyKey" LIKE 'email:agent:%' AND e."completedAt" >= ${from} AND e."completedAt" < ${at}
      ) AS emails,
      (SELECT count(*)::int FROM "ApplicationEvent" ev JOIN "Application" a ON a.id = ev."applicationId"
        WHERE a."roleId" = ${roleId}::uuid AND ev.type = 'stage.interview_booked' AND ev."actorType" = 'AGENT'
          AND ev.at >= ${from} AND ev.at < ${at}
      ) AS booked,
      (SELECT count(*)::int FROM "ApplicationEvent" ev JOIN "Application" a ON a.id = ev."applicationId"
        WHERE a."roleId" = ${roleId}::uuid AND ev.type = 'agent.handed_over' AND ev.at >= ${from} AND ev.at < ${at}
      ) AS "handOvers"`;
  const cost = await agentCostPerScheduledInterview(db, [roleId]);
  const figures = weeklyFigures({
    at,
    applications: applications.map((a) => ({
      createdAt: a.createdAt,
      stage: a.stage,
      // Moves only: erasure notes a closed application's stage again (from = to), which is none.
      moves: a.events
        .filter((e) => e.fromStage !== e.toStage)
        .map((e) => ({ at: e.at, fromStage: e.fromStage, toStage: e.toStage }) as StageMove),
    })),
    stuck: overview?.stuck ?? [],
    stuckTotal: overview?.stuckTotal ?? 0,
    stuckDays: STUCK_DAYS,
    upcoming: upcoming.map((i) => ({
      candidateName: i.application.candidate.name,
      stepName: i.stage.name,
      startsAt: i.startsAt!,
    })),
    owed: owed.map((s) => ({
      interviewerSlackId: s.interviewer.slackUserId,
      candidateName: s.interview.application.candidate.name,
      stepName: s.interview.stage.name,
      dueAt: s.dueAt,
    })),
    offersOut,
    agent: {
      emailsSent: agent?.emails ?? 0,
      interviewsBooked: agent?.booked ?? 0,
      handOvers: agent?.handOvers ?? 0,
      costPerScheduledInterviewUsd: cost.get(roleId) ?? null,
    },
  });
  const open = role.status === 'OPEN' || role.status === 'PAUSED';
  return { roleId, title: role.title, channel: role.slackChannelId, open, figures };
}
