import type { DbOrTx } from '../../db/prisma.js';
import type { Stage } from '../../domain/pipeline/stages.js';
import { competenciesOf, type Competency } from '../../domain/roles/competencies.js';
import { ratingsOf, type StoredRatings } from '../../domain/scorecards/scorecard-form.js';

/** What a debrief message shows, read now: it is rendered again whenever something changes. */
export type DebriefView = {
  interviewId: string;
  synthesis: string | null;
  /** Scorecards in when it went out (and the synthesis was made). */
  scorecardsAtPost: number;
  postedAt: Date;
  /** The panel's debrief meeting, when the role books one: when, or that no common time was found. */
  meeting: { startsAt: Date } | 'no-time' | null;
  decision: 'ADVANCE' | 'REJECT' | 'HOLD' | null;
  decidedBy: string | null;
  step: { name: string; position: number; competencies: Competency[] };
  application: {
    id: string;
    version: number;
    stage: Stage;
    planPosition: number | null;
    planLength: number;
    planStepNames: string[];
  };
  candidateName: string;
  roleTitle: string;
  panel: Array<{
    name: string;
    status: 'PENDING' | 'DRAFT' | 'SUBMITTED';
    recommendation: string | null;
    ratings: StoredRatings;
    version: number;
  }>;
  card: { channel: string | null; ts: string | null };
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loadDebrief(db: DbOrTx, interviewId: string): Promise<DebriefView | null> {
  // Ids arrive in button values: anything but a uuid names nothing.
  if (!UUID.test(interviewId)) return null;
  const row = await db.debrief.findUnique({
    where: { interviewId },
    select: {
      synthesis: true,
      scorecards: true,
      postedAt: true,
      meetingStartsAt: true,
      decision: true,
      decidedById: true,
      interview: {
        select: {
          stage: { select: { name: true, position: true, competencies: true } },
          scorecards: {
            orderBy: [{ submittedAt: 'asc' }, { createdAt: 'asc' }],
            select: {
              status: true,
              recommendation: true,
              ratings: true,
              version: true,
              interviewer: { select: { name: true } },
            },
          },
          application: {
            select: {
              id: true,
              version: true,
              stage: true,
              planPosition: true,
              slackChannelId: true,
              slackMessageTs: true,
              candidate: { select: { name: true } },
              role: {
                select: { title: true, stages: { orderBy: { position: 'asc' }, select: { name: true } } },
              },
            },
          },
        },
      },
    },
  });
  if (!row?.postedAt) return null;
  const { interview } = row;
  const app = interview.application;
  const decidedBy = row.decidedById
    ? ((await db.user.findUnique({ where: { id: row.decidedById }, select: { slackUserId: true } }))?.slackUserId ??
      null)
    : null;
  const noTime = row.meetingStartsAt
    ? 0
    : await db.applicationEvent.count({
        where: {
          applicationId: app.id,
          type: 'debrief.meeting-no-time',
          data: { path: ['interviewId'], equals: interviewId },
        },
      });
  return {
    interviewId,
    meeting: row.meetingStartsAt ? { startsAt: row.meetingStartsAt } : noTime ? 'no-time' : null,
    synthesis: row.synthesis,
    scorecardsAtPost: row.scorecards,
    postedAt: row.postedAt,
    decision: row.decision,
    decidedBy,
    step: {
      name: interview.stage.name,
      position: interview.stage.position,
      competencies: competenciesOf(interview.stage.competencies),
    },
    application: {
      id: app.id,
      version: app.version,
      stage: app.stage,
      planPosition: app.planPosition,
      planLength: app.role.stages.length,
      planStepNames: app.role.stages.map((s) => s.name),
    },
    candidateName: app.candidate.name,
    roleTitle: app.role.title,
    panel: interview.scorecards.map((c) => ({
      name: c.interviewer.name,
      status: c.status,
      recommendation: c.recommendation,
      ratings: ratingsOf(c.ratings),
      version: c.version,
    })),
    card: { channel: app.slackChannelId, ts: app.slackMessageTs },
  };
}
