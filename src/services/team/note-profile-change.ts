import type { PrismaClient } from '../../db/prisma.js';
import { readSlackProfile, type SlackUser } from '../../domain/team/slack-profile.js';
import type { Boss } from '../../jobs/boss.js';
import { requestPersonSync } from './sync-person.js';

export type ProfileChangeOutcome = 'unknown' | 'unchanged' | 'queued';

/**
 * A Slack member changed their profile (user_change). For someone Justin knows, whose name,
 * email, time zone or standing changed, a sync is queued. The sync reads users.info again
 * rather than storing the event's copy: Slack does not promise events in order, and an older
 * event handled late must not put back an old time zone. Status and avatar changes (most
 * user_change events) cost nothing.
 */
export async function noteProfileChange(
  { prisma, boss }: { prisma: PrismaClient; boss: Boss },
  { user }: { user: SlackUser },
): Promise<ProfileChangeOutcome> {
  const stored = await prisma.user.findFirst({ where: { slackUserId: user.id } });
  if (!stored) return 'unknown';
  const reading = readSlackProfile(stored, user);
  // A deleted account is queued too: the sync notes it (once).
  if (reading.kind === 'person' && Object.keys(reading.changes).length === 0) return 'unchanged';
  await prisma.$transaction((tx) =>
    requestPersonSync(tx, boss, { slackTeamId: stored.slackTeamId, slackUserId: stored.slackUserId }),
  );
  return 'queued';
}
