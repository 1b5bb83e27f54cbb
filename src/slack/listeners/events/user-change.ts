import type { App } from '@slack/bolt';
import type { PrismaClient } from '../../../db/prisma.js';
import { ZSlackUser } from '../../../domain/team/slack-profile.js';
import type { Boss } from '../../../jobs/boss.js';
import type { Logger } from '../../../logger.js';
import { noteProfileChange } from '../../../services/team/note-profile-change.js';

/** A member's Slack profile changed (a new time zone, name or email): re-sync them if Justin knows them. */
export function registerUserChange(
  app: App,
  { prisma, boss, log }: { prisma: PrismaClient; boss: Boss; log: Logger },
): void {
  app.event('user_change', async ({ event }) => {
    const user = ZSlackUser.safeParse(event.user);
    if (!user.success) {
      return void log.warn({ issues: user.error.issues }, 'user_change with a user we cannot read; ignored');
    }
    await noteProfileChange({ prisma, boss }, { user: user.data });
  });
}
