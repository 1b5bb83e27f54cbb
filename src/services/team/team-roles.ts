import type { DbOrTx } from '../../db/prisma.js';

export type TeamRole = 'ADMIN' | 'RECRUITER' | 'HIRING_MANAGER' | 'INTERVIEWER';

/**
 * A Slack user's team roles: those stored on their User row, plus ADMIN for the user ids
 * bootstrapped from SLACK_ADMINS (someone has to be able to grant the first roles).
 */
export async function teamRolesOf(
  db: DbOrTx,
  who: { slackUserId: string; bootstrapAdmins: readonly string[] },
): Promise<Set<TeamRole>> {
  return (await teamMemberOf(db, who)).roles;
}

/** Their roles and their time zone (UTC for someone Justin does not know), in one query: for answers that need both. */
export async function teamMemberOf(
  db: DbOrTx,
  { slackUserId, bootstrapAdmins }: { slackUserId: string; bootstrapAdmins: readonly string[] },
): Promise<{ roles: Set<TeamRole>; timeZone: string }> {
  const user = await db.user.findFirst({
    where: { slackUserId, deactivatedAt: null },
    select: { teamRoles: true, timeZone: true },
  });
  const roles = new Set<TeamRole>(user?.teamRoles ?? []);
  if (bootstrapAdmins.includes(slackUserId)) roles.add('ADMIN');
  return { roles, timeZone: user?.timeZone ?? 'UTC' };
}

/** Who may see candidate details and search: anyone on the hiring team. */
export const CAN_VIEW_CANDIDATES: readonly TeamRole[] = ['ADMIN', 'RECRUITER', 'HIRING_MANAGER', 'INTERVIEWER'];

export function hasAny(roles: Set<TeamRole>, allowed: readonly TeamRole[]): boolean {
  return allowed.some((r) => roles.has(r));
}
