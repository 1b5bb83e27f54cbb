import type { WebClient } from '@slack/web-api';
import type { Tx } from '../../db/prisma.js';
import { readSlackProfile, ZSlackUser, type SlackUser } from '../../domain/team/slack-profile.js';
import { AppError } from '../../errors.js';
import { enqueue, type Boss } from '../../jobs/boss.js';
import { callSlack } from '../../slack/map-slack-error.js';
import { checkPersonCalendar, type CalendarCheckDeps, type CalendarVerdict } from './check-calendar.js';

export type PersonRef = { slackTeamId: string; slackUserId: string };

/**
 * Queues a sync of one person from Slack, in the caller's transaction (the one that creates or
 * touches their User row). Keyed by person on a 'stately' queue: a burst is one more sync.
 */
export async function requestPersonSync(tx: Tx, boss: Boss, { slackTeamId, slackUserId }: PersonRef): Promise<void> {
  await enqueue(
    boss,
    tx,
    'team.sync-person',
    { slackTeamId, slackUserId },
    { singletonKey: `${slackTeamId}:${slackUserId}` },
  );
}

/** `requestPersonSync` for everyone named at once (a role's people), each person once. */
export async function requestPeopleSync(
  tx: Tx,
  boss: Boss,
  { slackTeamId, slackUserIds }: { slackTeamId: string; slackUserIds: readonly string[] },
): Promise<void> {
  for (const slackUserId of new Set(slackUserIds)) await requestPersonSync(tx, boss, { slackTeamId, slackUserId });
}

export type SyncPersonDeps = CalendarCheckDeps & { slack: WebClient | undefined };

export type SyncOutcome =
  | { status: 'slack-off' | 'not-found' | 'refused' | 'unknown' }
  | { status: 'inactive'; reason: 'deleted' | 'bot' }
  | { status: 'synced'; changed: string[]; calendar: CalendarVerdict };

/**
 * Fills a person's User row from Slack's users.info: name, email, time zone, and (when they have
 * none) a calendar id (their email) and working hours (Mon–Fri 09:00–17:00); then checks their
 * calendar can be read. Safe to repeat. A retryable Slack error throws, so the job retries.
 */
export async function syncPerson(deps: SyncPersonDeps, person: PersonRef): Promise<SyncOutcome> {
  if (!deps.slack) return { status: 'slack-off' };
  const user = await readSlackUser(deps, person.slackUserId);
  if (typeof user === 'string') return { status: user };

  const applied = await deps.prisma.$transaction(async (tx) => {
    // Locked, so a settings save at the same moment cannot be overwritten with what we read before it.
    const [row] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "User"
      WHERE "slackTeamId" = ${person.slackTeamId} AND "slackUserId" = ${person.slackUserId}
      FOR UPDATE`;
    if (!row) return { status: 'unknown' as const };
    const stored = await tx.user.findUniqueOrThrow({ where: { id: row.id } });
    const reading = readSlackProfile(stored, user);
    if (reading.kind === 'inactive') {
      await noteInactive(tx, person.slackUserId, reading.reason);
      return { status: 'inactive' as const, reason: reading.reason };
    }
    const { workingHours, ...rest } = reading.changes;
    if (Object.keys(reading.changes).length) {
      await tx.user.update({
        where: { id: row.id },
        data: { ...rest, ...(workingHours ? { workingHours: workingHours as object } : {}) },
      });
    }
    return { status: 'synced' as const, userId: row.id, changed: Object.keys(reading.changes) };
  });
  if (applied.status !== 'synced') return applied;
  // Every sync asks again: a calendar never checked (Google connected since) or one newly set.
  const calendar = await checkPersonCalendar(deps, { userId: applied.userId });
  return { status: 'synced', changed: applied.changed, calendar };
}

/** users.info, validated; user_not_found and other refusals end here (logged), retryable errors throw. */
async function readSlackUser(deps: SyncPersonDeps, slackUserId: string): Promise<SlackUser | 'not-found' | 'refused'> {
  try {
    const res = await callSlack('users.info', () => deps.slack!.users.info({ user: slackUserId }));
    const parsed = ZSlackUser.safeParse(res.user);
    if (parsed.success) return parsed.data;
    deps.log.warn({ slackUserId, issues: parsed.error.issues }, 'users.info answered with a user we cannot read');
    return 'refused';
  } catch (err) {
    if (!(err instanceof AppError) || err.retryable) throw err;
    if (err.details.slackError === 'user_not_found') {
      deps.log.info({ slackUserId }, 'Slack does not know this user (any more); not synced');
      return 'not-found';
    }
    // missing_scope, invalid_auth …: another try fails the same way; the log says what Slack said.
    deps.log.error({ slackUserId, err: err.message }, 'Slack refused users.info; not synced');
    return 'refused';
  }
}

/** A deleted account or a bot is audited once and never filled in: it cannot interview. */
async function noteInactive(tx: Tx, slackUserId: string, reason: 'deleted' | 'bot'): Promise<void> {
  const where = { action: 'person.slack_inactive', subjectType: 'user', subjectId: slackUserId };
  const noted = await tx.auditEntry.findFirst({ where: { ...where, data: { path: ['reason'], equals: reason } } });
  if (noted) return;
  await tx.auditEntry.create({ data: { ...where, actorType: 'SYSTEM', data: { reason } } });
}
