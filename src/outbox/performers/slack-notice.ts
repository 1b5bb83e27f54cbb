import type { WebClient } from '@slack/web-api';
import type { PrismaClient } from '../../db/prisma.js';
import { NOTICE_RENDERERS } from '../../services/notices/all-renderers.js';
import { callSlack as call } from '../../slack/map-slack-error.js';
import type { EffectPayloads } from '../effect-kinds.js';
import type { EffectAttempt, PerformOutcome, Performer } from './performer.js';
import { findOwnMessage, OUTBOX_EVENT_TYPE } from './slack.js';
import { AppError } from '../../errors.js';

type Notice = EffectPayloads['slack.notice'];

/**
 * Makes a notice (see services/notices) say what is true now: posts it the first time, edits it
 * in place after. Like the card, refreshes of one notice are serialised by an advisory lock and
 * a first post that may be a retry first looks for the message by the key in its metadata, so a
 * worker killed after Slack took the post costs no second message.
 */
export function createSlackNoticePerformer({
  client,
  prisma,
  now,
}: {
  client: WebClient;
  prisma: PrismaClient;
  now: () => Date;
}): Performer<Notice> {
  return {
    perform: (attempt) => renderAndSend(attempt),
  };

  async function renderAndSend({ payload, previousAttemptAt, id }: EffectAttempt<Notice>): Promise<PerformOutcome> {
    return prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`notice:${payload.noticeId}`}, 0))`;
        const notice = await tx.slackNotice.findUnique({
          where: { id: payload.noticeId },
          include: { user: { select: { slackUserId: true } } },
        });
        if (!notice) return { result: { skipped: 'notice gone' } };
        const render = NOTICE_RENDERERS[notice.kind];
        if (!render) throw new AppError('EXTERNAL_PERMANENT', `no renderer for notice kind ${notice.kind}`);
        const shown = await render(tx, notice, now());
        if (!shown) return { result: { skipped: 'nothing to show' } };
        const message = { text: shown.text, ...(shown.blocks ? { blocks: shown.blocks as never } : {}) };
        if (notice.channel && notice.ts) {
          await call('chat.update', () => client.chat.update({ channel: notice.channel!, ts: notice.ts!, ...message }));
          return { externalId: notice.ts, result: { channel: notice.channel, ts: notice.ts } };
        }
        const channel = notice.user ? await imChannel(notice.user.slackUserId) : shown.channel;
        if (!channel) return { result: { skipped: 'nowhere to post' } };
        const earlier =
          previousAttemptAt ??
          (await tx.outboxEffect.findFirst({
            where: {
              kind: 'slack.notice',
              attempts: { gt: 0 },
              id: { not: id },
              payload: { path: ['noticeId'], equals: notice.id },
            },
            select: { id: true },
          }));
        let ts = earlier
          ? await findOwnMessage(client, {
              channel,
              key: notice.key,
              since: notice.createdAt,
              ...(shown.threadTs ? { threadTs: shown.threadTs } : {}),
            })
          : undefined;
        if (ts) await call('chat.update', () => client.chat.update({ channel, ts: ts!, ...message }));
        else {
          const res = await call('chat.postMessage', () =>
            client.chat.postMessage({
              channel,
              ...message,
              ...(shown.threadTs ? { thread_ts: shown.threadTs } : {}),
              metadata: { event_type: OUTBOX_EVENT_TYPE, event_payload: { key: notice.key } },
              unfurl_links: false,
            }),
          );
          ts = res.ts!;
        }
        await tx.slackNotice.update({ where: { id: notice.id }, data: { channel, ts } });
        return { externalId: ts, result: { channel, ts } };
      },
      { timeout: 30_000, maxWait: 10_000 },
    );
  }

  /** The direct message channel with a person: posts and history both need its id. */
  async function imChannel(slackUserId: string): Promise<string> {
    const res = await call('conversations.open', () => client.conversations.open({ users: slackUserId }));
    const channel = res.channel?.id;
    if (!channel) throw new AppError('EXTERNAL_RETRYABLE', 'conversations.open gave no channel');
    return channel;
  }
}
