import type { WebClient } from '@slack/web-api';
import type { PrismaClient } from '../db/prisma.js';
import type { Logger } from '../logger.js';

export type Identity = { botId?: string; botUserId?: string; teamId?: string };

const KEY = 'slack.bot_identity';

/**
 * Who the bot is (ids from auth.test), kept in settings. Bolt would call auth.test on the
 * first request under the client's retry policy, leaving every command unacknowledged
 * while Slack is slow or unreachable; we give it this instead, loaded from the database
 * at start and refreshed in the background, never on the ack path.
 */
export class BotIdentity {
  current: Identity = {};

  constructor(private readonly deps: { prisma: PrismaClient; client: WebClient; log: Logger }) {}

  async load(): Promise<void> {
    const row = await this.deps.prisma.setting.findUnique({ where: { key: KEY } });
    if (row) this.current = row.value as Identity;
  }

  async refresh(): Promise<void> {
    try {
      const res = await this.deps.client.auth.test();
      const next: Identity = { botId: res.bot_id, botUserId: res.user_id, teamId: res.team_id };
      this.current = next;
      await this.deps.prisma.setting.upsert({
        where: { key: KEY },
        create: { key: KEY, value: next },
        update: { value: next },
      });
    } catch (err) {
      this.deps.log.warn(
        { err: (err as Error).message },
        'could not refresh the Slack bot identity; using the stored one',
      );
    }
  }
}
