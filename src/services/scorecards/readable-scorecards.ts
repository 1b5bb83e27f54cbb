import type { DbOrTx } from '../../db/prisma.js';
import { scorecardVisibility } from '../../domain/scorecards/visibility.js';
import { ratingsOf, type StoredRatings } from '../../domain/scorecards/scorecard-form.js';
import { hasAny, teamRolesOf } from '../team/team-roles.js';

export type ReadableScorecard = {
  interviewer: string;
  mine: boolean;
  step: string;
  status: 'PENDING' | 'DRAFT' | 'SUBMITTED';
  recommendation: string | null;
  ratings: StoredRatings;
  notes: string;
  version: number;
  submittedAt: Date | null;
};

export type Readable = {
  candidateName: string;
  cards: ReadableScorecard[];
  /** Submitted scorecards of others this person may not read, and why. */
  hidden: number;
  why: 'owes-own' | 'not-deciding' | null;
};

/**
 * The scorecards of one application that this person may read now (see domain/scorecards/
 * visibility.ts): the one place scorecard content is read for a person, so View details, the
 * scorecards modal and anything later cannot disagree on who sees what.
 */
export async function readableScorecards(
  db: DbOrTx,
  who: { slackUserId: string; bootstrapAdmins: readonly string[] },
  applicationId: string,
): Promise<Readable | null> {
  const app = await db.application.findUnique({
    where: { id: applicationId },
    select: {
      candidate: { select: { name: true, erasedAt: true } },
      interviews: {
        orderBy: { startsAt: 'asc' },
        select: {
          stage: { select: { name: true } },
          scorecards: {
            orderBy: { createdAt: 'asc' },
            select: {
              id: true,
              interviewId: true,
              interviewerId: true,
              status: true,
              recommendation: true,
              ratings: true,
              notes: true,
              version: true,
              submittedAt: true,
              interviewer: { select: { name: true, slackUserId: true } },
            },
          },
        },
      },
    },
  });
  if (!app || app.candidate.erasedAt) return null;
  const me = await db.user.findFirst({ where: { slackUserId: who.slackUserId }, select: { id: true } });
  const all = app.interviews.flatMap((i) => i.scorecards.map((c) => ({ ...c, step: i.stage.name })));
  const decides = await readsEveryScorecard(db, who, applicationId);
  const seen = scorecardVisibility({ userId: me?.id ?? null, decides }, all);
  const visible = new Set(seen.visible.map((c) => c.id));
  return {
    candidateName: app.candidate.name,
    cards: all
      .filter((c) => visible.has(c.id))
      .map((c) => ({
        interviewer: c.interviewer.name,
        mine: c.interviewerId === me?.id,
        step: c.step,
        status: c.status,
        recommendation: c.recommendation,
        ratings: ratingsOf(c.ratings),
        notes: c.notes,
        version: c.version,
        submittedAt: c.submittedAt,
      })),
    hidden: seen.hidden,
    why: seen.why,
  };
}

/**
 * Who reads every submitted scorecard of a candidate (once they owe none themselves): the team's
 * admins and recruiters, and the hiring manager and recruiter named on the candidate's role. Not
 * every hiring manager: another role's is no reader of this one's.
 */
export async function readsEveryScorecard(
  db: DbOrTx,
  who: { slackUserId: string; bootstrapAdmins: readonly string[] },
  applicationId: string,
): Promise<boolean> {
  if (hasAny(await teamRolesOf(db, who), ['ADMIN', 'RECRUITER'])) return true;
  const named = await db.application.count({
    where: {
      id: applicationId,
      role: {
        OR: [{ hiringManager: { slackUserId: who.slackUserId } }, { recruiter: { slackUserId: who.slackUserId } }],
      },
    },
  });
  return named > 0;
}

/**
 * Whether someone may read a step's debrief in full: not while they owe a scorecard for the
 * candidate; then if they read every scorecard, or submitted one for this interview.
 */
export async function mayReadDebrief(
  db: DbOrTx,
  who: { slackUserId: string; bootstrapAdmins: readonly string[] },
  { applicationId, interviewId }: { applicationId: string; interviewId: string },
): Promise<boolean> {
  const me = await db.user.findFirst({ where: { slackUserId: who.slackUserId }, select: { id: true } });
  const mine = me
    ? await db.scorecard.findMany({
        where: { interviewerId: me.id, interview: { applicationId } },
        select: { interviewId: true, status: true },
      })
    : [];
  if (mine.some((c) => c.status !== 'SUBMITTED')) return false;
  if (mine.some((c) => c.interviewId === interviewId)) return true;
  return readsEveryScorecard(db, who, applicationId);
}
