import type { DbOrTx } from '../../db/prisma.js';
import { competenciesOf, type Competency } from '../../domain/roles/competencies.js';
import { ratingsOf, type StoredRatings } from '../../domain/scorecards/scorecard-form.js';

/** One scorecard with what its modal, its messages and its checks need. */
export type ScorecardView = {
  id: string;
  status: 'PENDING' | 'DRAFT' | 'SUBMITTED';
  version: number;
  recommendation: string | null;
  ratings: StoredRatings;
  notes: string;
  nudgesSent: number;
  dueAt: Date;
  draftSavedAt: Date | null;
  submittedAt: Date | null;
  interviewer: { id: string; slackUserId: string; name: string; timeZone: string };
  interview: { id: string; status: string; startsAt: Date | null; endsAt: Date | null };
  step: { name: string; position: number; competencies: Competency[] };
  application: { id: string; stage: string; planPosition: number | null; slackChannelId: string | null };
  candidateName: string;
  /** The candidate was erased: nothing is asked for or shown any more. */
  erased: boolean;
  role: { id: string; title: string; policy: unknown; recruiterId: string | null; hiringManagerId: string | null };
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loadScorecard(db: DbOrTx, scorecardId: string): Promise<ScorecardView | null> {
  // Ids arrive in button values: anything but a uuid names nothing.
  if (!UUID.test(scorecardId)) return null;
  const row = await db.scorecard.findUnique({
    where: { id: scorecardId },
    select: {
      id: true,
      status: true,
      version: true,
      recommendation: true,
      ratings: true,
      notes: true,
      nudgesSent: true,
      dueAt: true,
      draftSavedAt: true,
      submittedAt: true,
      interviewer: { select: { id: true, slackUserId: true, name: true, timeZone: true } },
      interview: {
        select: {
          id: true,
          status: true,
          startsAt: true,
          endsAt: true,
          stage: { select: { name: true, position: true, competencies: true } },
          application: {
            select: {
              id: true,
              stage: true,
              planPosition: true,
              slackChannelId: true,
              candidate: { select: { name: true, erasedAt: true } },
              role: { select: { id: true, title: true, policy: true, recruiterId: true, hiringManagerId: true } },
            },
          },
        },
      },
    },
  });
  if (!row) return null;
  const { interview } = row;
  return {
    id: row.id,
    status: row.status,
    version: row.version,
    recommendation: row.recommendation,
    ratings: ratingsOf(row.ratings),
    notes: row.notes,
    nudgesSent: row.nudgesSent,
    dueAt: row.dueAt,
    draftSavedAt: row.draftSavedAt,
    submittedAt: row.submittedAt,
    interviewer: row.interviewer,
    interview: { id: interview.id, status: interview.status, startsAt: interview.startsAt, endsAt: interview.endsAt },
    step: {
      name: interview.stage.name,
      position: interview.stage.position,
      competencies: competenciesOf(interview.stage.competencies),
    },
    application: {
      id: interview.application.id,
      stage: interview.application.stage,
      planPosition: interview.application.planPosition,
      slackChannelId: interview.application.slackChannelId,
    },
    candidateName: interview.application.candidate.name,
    erased: interview.application.candidate.erasedAt !== null,
    role: interview.application.role,
  };
}
