import type { PrismaClient } from '../../db/prisma.js';
import type { GmailApi } from '../../gmail/gmail-api.js';
import { callGoogle } from '../../google/map-google-error.js';
import type { Boss } from '../../jobs/boss.js';
import { recordEffect } from '../../outbox/record-effect.js';
import { escapeMrkdwn } from '../../slack/blocks/text.js';
import { INTAKE_CHANNEL_SETTING } from '../intake/ask-team-for-role.js';

/**
 * Renews Gmail's push watch on the inbox (it lapses after 7 days; we renew daily). A failure
 * is kept for the status page and posted once a day to the intake channel; polling carries on
 * meanwhile, so no mail is lost, only slower.
 */
export async function renewWatch(deps: {
  prisma: PrismaClient;
  boss: Boss;
  gmail: GmailApi;
  mailbox: string;
  topic: string;
  now: () => Date;
}): Promise<Date> {
  try {
    const answer = (
      await callGoogle('users.watch', () =>
        deps.gmail.users.watch({
          userId: 'me',
          requestBody: { topicName: deps.topic, labelIds: ['INBOX'], labelFilterBehavior: 'include' },
        }),
      )
    ).data;
    const expires = new Date(Number(answer.expiration));
    await deps.prisma.gmailSyncState.upsert({
      where: { mailbox: deps.mailbox },
      update: { watchExpiresAt: expires, lastError: null },
      create: {
        mailbox: deps.mailbox,
        watchExpiresAt: expires,
        historyId: answer.historyId ? String(answer.historyId) : null,
      },
    });
    return expires;
  } catch (err) {
    const message = `Gmail watch renewal failed: ${(err as Error).message}`;
    await deps.prisma.$transaction(async (tx) => {
      await tx.gmailSyncState.upsert({
        where: { mailbox: deps.mailbox },
        update: { lastError: message },
        create: { mailbox: deps.mailbox, lastError: message },
      });
      const channel = (await tx.setting.findUnique({ where: { key: INTAKE_CHANNEL_SETTING } }))?.value;
      if (typeof channel === 'string') {
        const day = deps.now().toISOString().slice(0, 10);
        await recordEffect(
          { tx, boss: deps.boss },
          {
            kind: 'slack.post',
            idempotencyKey: `gmail-watch-failed:${deps.mailbox}:${day}`,
            payload: {
              channel,
              text:
                `:warning: ${escapeMrkdwn(message)}. Justin keeps polling the inbox every minute meanwhile; ` +
                'see the status page.',
            },
          },
        );
      }
    });
    throw err;
  }
}

/** Poll when push is off, silent for a while, or its watch has lapsed; never more than once a minute. */
export function shouldPoll(
  state: { lastPushAt: Date | null; lastSyncAt: Date | null; watchExpiresAt: Date | null } | null,
  { now, pushConfigured }: { now: Date; pushConfigured: boolean },
): boolean {
  const t = now.getTime();
  if (state?.lastSyncAt && t - state.lastSyncAt.getTime() < 50_000) return false;
  if (!pushConfigured || !state) return true;
  const pushSilent = !state.lastPushAt || t - state.lastPushAt.getTime() > 10 * 60_000;
  const watchLapsed = !state.watchExpiresAt || state.watchExpiresAt.getTime() < t;
  return pushSilent || watchLapsed;
}
