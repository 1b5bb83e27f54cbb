import type { DbOrTx } from '../../db/prisma.js';
import { CAN_VIEW_CANDIDATES, hasAny, teamRolesOf, type TeamRole } from './team-roles.js';

/** Team roles that may move any candidate along, reject them and direct the agent. */
export const CAN_DECIDE: readonly TeamRole[] = ['ADMIN', 'RECRUITER', 'HIRING_MANAGER'];

/** What a click is about; each leads to one role (opening). */
export type Subject =
  | { applicationId: string }
  | { interviewId: string }
  | { runId: string }
  | { roleId: string }
  | { documentId: string };

type Who = { slackUserId: string; bootstrapAdmins: readonly string[] };

/** The role (opening) a subject belongs to, or null when it is gone. */
async function roleOf(db: DbOrTx, subject: Subject): Promise<string | null> {
  if ('roleId' in subject) return subject.roleId;
  if ('applicationId' in subject)
    return (
      (await db.application.findUnique({ where: { id: subject.applicationId }, select: { roleId: true } }))?.roleId ??
      null
    );
  if ('interviewId' in subject)
    return (
      (
        await db.interview.findUnique({
          where: { id: subject.interviewId },
          select: { application: { select: { roleId: true } } },
        })
      )?.application.roleId ?? null
    );
  if ('runId' in subject)
    return (
      (
        await db.agentRun.findUnique({
          where: { id: subject.runId },
          select: { application: { select: { roleId: true } } },
        })
      )?.application.roleId ?? null
    );
  return (
    (
      await db.document.findUnique({
        where: { id: subject.documentId },
        select: { application: { select: { roleId: true } } },
      })
    )?.application?.roleId ?? null
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether someone may decide about a candidate: recruiters, hiring managers and admins of the
 * team may for every role; the hiring manager and the recruiter named on a role may for that
 * role's candidates, whatever their team role.
 */
export async function mayDecideFor(db: DbOrTx, who: Who, subject: Subject): Promise<boolean> {
  if (hasAny(await teamRolesOf(db, who), CAN_DECIDE)) return true;
  return namedOnRole(db, who.slackUserId, subject, { pool: false });
}

/**
 * Whether someone may see a candidate's details: anyone on the hiring team; for one role's
 * candidates, the people named on it (hiring manager, recruiter, interviewers in its pools);
 * and for one candidate, whoever is on one of their interviews.
 */
export async function mayViewFor(db: DbOrTx, who: Who, subject: Subject): Promise<boolean> {
  if (hasAny(await teamRolesOf(db, who), CAN_VIEW_CANDIDATES)) return true;
  if (await namedOnRole(db, who.slackUserId, subject, { pool: true })) return true;
  return interviewsThem(db, who.slackUserId, subject);
}

/**
 * Whether someone is on one of the candidate's interviews (the reminder's "Candidate details"):
 * still true after the step's pool was edited without them.
 */
async function interviewsThem(db: DbOrTx, slackUserId: string, subject: Subject): Promise<boolean> {
  if (!Object.values(subject).every((id) => UUID.test(id))) return false;
  const me = { slackUserId, deactivatedAt: null };
  const interview =
    'applicationId' in subject
      ? { applicationId: subject.applicationId }
      : 'interviewId' in subject
        ? { id: subject.interviewId }
        : null;
  if (!interview) return false;
  return (await db.interviewInterviewer.count({ where: { user: me, interview } })) > 0;
}

async function namedOnRole(
  db: DbOrTx,
  slackUserId: string,
  subject: Subject,
  { pool }: { pool: boolean },
): Promise<boolean> {
  // Ids come from button values: anything but a uuid names nothing (and would make Postgres fail).
  if (!Object.values(subject).every((id) => UUID.test(id))) return false;
  const roleId = await roleOf(db, subject);
  if (!roleId) return false;
  const me = { slackUserId, deactivatedAt: null };
  const found = await db.role.count({
    where: {
      id: roleId,
      OR: [
        { hiringManager: me },
        { recruiter: me },
        ...(pool ? [{ stages: { some: { pool: { some: { user: me } } } } }] : []),
      ],
    },
  });
  return found > 0;
}

/** The live roles a person is named on (hiring manager, recruiter, or in an interview pool). */
export async function rolesNamedOn(db: DbOrTx, slackUserId: string): Promise<string[]> {
  const me = { slackUserId, deactivatedAt: null };
  const roles = await db.role.findMany({
    where: {
      status: { in: ['OPEN', 'PAUSED'] },
      OR: [{ hiringManager: me }, { recruiter: me }, { stages: { some: { pool: { some: { user: me } } } } }],
    },
    select: { id: true },
  });
  return roles.map((r) => r.id);
}
