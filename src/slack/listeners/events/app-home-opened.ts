import type { App } from '@slack/bolt';
import type { PrismaClient } from '../../../db/prisma.js';
import type { Boss } from '../../../jobs/boss.js';
import { recordEffect } from '../../../outbox/record-effect.js';

/** Someone opened Justin's Home tab: publish a fresh one, through the outbox. */
export function registerAppHomeOpened(app: App, { prisma, boss }: { prisma: PrismaClient; boss: Boss }): void {
  app.event('app_home_opened', async ({ event, body }) => {
    if (event.tab !== 'home') return;
    const eventId = (body as { event_id?: string }).event_id ?? `${event.user}:${event.event_ts}`;
    await prisma.$transaction((tx) =>
      recordEffect(
        { tx, boss },
        { kind: 'slack.home', idempotencyKey: `home:${eventId}`, payload: { slackUserId: event.user } },
      ),
    );
  });
}
