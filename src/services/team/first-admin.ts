import { randomBytes } from 'node:crypto';
import type { DbOrTx, PrismaClient } from '../../db/prisma.js';
import { formatClaimCode, isClaimCode } from '../../domain/team/claim-code.js';
import type { Boss } from '../../jobs/boss.js';
import { requestPersonSync } from './sync-person.js';

// Getting in: a new workspace has no admin, and someone must become the first one without
// editing the environment and without a race that the quickest person in the workspace wins.
// While there is none, a one-time code is kept here and shown only where the person who runs
// Justin looks (the start log, the status page opened on the machine itself); `/hire claim
// <code>` makes whoever types it the first admin and voids the code. SLACK_ADMINS still works
// as an override.

export const ADMIN_CLAIM_SETTING = 'team.admin_claim';
/**
 * Wrong tries one person may make. Per person, and the code is kept: a limit on everyone
 * together would let any member of the workspace void the operator's code at will.
 */
export const MAX_WRONG_CLAIMS = 5;

/** `wrong`: wrong tries by Slack user id (a number in the first version: read as none). */
type ClaimValue = { code: string; wrong: Record<string, number> | number };
const wrongTries = (claim: ClaimValue | undefined): Record<string, number> =>
  typeof claim?.wrong === 'object' ? claim.wrong : {};

/** Whether the workspace has an admin: from SLACK_ADMINS, or one granted in Slack. */
export async function hasAdmin(db: DbOrTx, bootstrapAdmins: readonly string[]): Promise<boolean> {
  if (bootstrapAdmins.length > 0) return true;
  return (await db.user.count({ where: { teamRoles: { has: 'ADMIN' }, deactivatedAt: null } })) > 0;
}

/** The admins, by name where Justin knows it, for the status page. */
export async function adminNames(db: DbOrTx, bootstrapAdmins: readonly string[]): Promise<string[]> {
  const users = await db.user.findMany({
    where: { teamRoles: { has: 'ADMIN' }, deactivatedAt: null },
    orderBy: { createdAt: 'asc' },
    select: { name: true, slackUserId: true },
  });
  const named = users.map((u) => u.name);
  const fromEnv = bootstrapAdmins
    .filter((id) => !users.some((u) => u.slackUserId === id))
    .map((id) => `${id} (SLACK_ADMINS)`);
  return [...named, ...fromEnv];
}

/**
 * The claim code while there is no admin (made now if there is none yet), else undefined. Every
 * process that asks gets the same code: it lives in the database.
 */
export async function currentClaimCode(
  prisma: PrismaClient,
  bootstrapAdmins: readonly string[],
): Promise<string | undefined> {
  if (await hasAdmin(prisma, bootstrapAdmins)) return undefined;
  const value: ClaimValue = { code: formatClaimCode(randomBytes(8)), wrong: {} };
  // Insert-if-absent: two processes starting together keep one code.
  await prisma.setting.upsert({
    where: { key: ADMIN_CLAIM_SETTING },
    create: { key: ADMIN_CLAIM_SETTING, value },
    update: {},
  });
  const row = await prisma.setting.findUnique({ where: { key: ADMIN_CLAIM_SETTING } });
  return (row?.value as ClaimValue | undefined)?.code;
}

export type ClaimOutcome = { status: 'claimed' } | { status: 'taken' } | { status: 'wrong' } | { status: 'too-many' };

/**
 * Makes `slackUserId` the first admin if `typed` is the current code and nobody is admin yet, in
 * one transaction under a lock (two people typing the code at once: one wins). A wrong code
 * counts against the person who typed it; after MAX_WRONG_CLAIMS they may not try again.
 */
export async function claimFirstAdmin(
  { prisma, boss }: { prisma: PrismaClient; boss: Boss },
  {
    typed,
    slackTeamId,
    slackUserId,
    bootstrapAdmins,
  }: { typed: string; slackTeamId: string; slackUserId: string; bootstrapAdmins: readonly string[] },
): Promise<ClaimOutcome> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('team:first-admin', 0))`;
    if (await hasAdmin(tx, bootstrapAdmins)) return { status: 'taken' as const };
    const row = await tx.setting.findUnique({ where: { key: ADMIN_CLAIM_SETTING } });
    const claim = row?.value as ClaimValue | undefined;
    const wrong = wrongTries(claim);
    if ((wrong[slackUserId] ?? 0) >= MAX_WRONG_CLAIMS) return { status: 'too-many' as const };
    if (!claim || !isClaimCode(typed, claim.code)) {
      const value: ClaimValue = {
        code: claim?.code ?? formatClaimCode(randomBytes(8)),
        wrong: { ...wrong, [slackUserId]: (wrong[slackUserId] ?? 0) + 1 },
      };
      await tx.setting.upsert({
        where: { key: ADMIN_CLAIM_SETTING },
        create: { key: ADMIN_CLAIM_SETTING, value },
        update: { value },
      });
      await tx.auditEntry.create({
        data: {
          actorType: 'USER',
          actorId: slackUserId,
          action: 'team.claim_refused',
          subjectType: 'Setting',
          subjectId: ADMIN_CLAIM_SETTING,
        },
      });
      return { status: 'wrong' as const };
    }
    const user = await tx.user.upsert({
      where: { slackTeamId_slackUserId: { slackTeamId, slackUserId } },
      create: { slackTeamId, slackUserId, name: slackUserId, teamRoles: ['ADMIN'] },
      update: { teamRoles: { push: 'ADMIN' }, deactivatedAt: null },
      select: { id: true },
    });
    await tx.setting.delete({ where: { key: ADMIN_CLAIM_SETTING } });
    await requestPersonSync(tx, boss, { slackTeamId, slackUserId });
    await tx.auditEntry.create({
      data: {
        actorType: 'USER',
        actorId: slackUserId,
        action: 'team.first_admin',
        subjectType: 'user',
        subjectId: slackUserId,
        data: { userId: user.id },
      },
    });
    return { status: 'claimed' as const };
  });
}
