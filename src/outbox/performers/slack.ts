import type { WebClient } from '@slack/web-api';
import { callSlack as call } from '../../slack/map-slack-error.js';
import type { EffectPayloads } from '../effect-kinds.js';
import type { EffectAttempt, Performer } from './performer.js';

/** The metadata event type that marks our own posts, so a retry can find them. */
export const OUTBOX_EVENT_TYPE = 'justin_outbox';

type Post = EffectPayloads['slack.post'];
type Update = EffectPayloads['slack.update'];

/**
 * chat.postMessage has no idempotency key. Each post carries our key in message
 * metadata; before posting again after an attempt whose outcome we never recorded, we
 * read the channel (or thread) since that attempt and adopt the message if it is there.
 */
export function createSlackPostPerformer(client: WebClient): Performer<Post> {
  return {
    async perform(attempt) {
      const { payload, idempotencyKey } = attempt;
      if (attempt.previousAttemptAt) {
        const ts = await findOurPost(client, attempt);
        if (ts) return { externalId: ts, result: { channel: payload.channel, ts, adopted: true } };
      }
      const res = await call('chat.postMessage', () =>
        client.chat.postMessage({
          channel: payload.channel,
          text: payload.text,
          ...(payload.blocks ? { blocks: payload.blocks as never } : {}),
          ...(payload.thread_ts ? { thread_ts: payload.thread_ts } : {}),
          metadata: { event_type: OUTBOX_EVENT_TYPE, event_payload: { key: idempotencyKey } },
          unfurl_links: false,
        }),
      );
      return { externalId: res.ts!, result: { channel: res.channel ?? payload.channel, ts: res.ts! } };
    },
    async onDone(tx, payload, outcome) {
      if (!payload.cardFor || !outcome.externalId) return;
      await tx.application.update({
        where: { id: payload.cardFor },
        data: {
          slackChannelId: String(outcome.result?.channel ?? payload.channel),
          slackMessageTs: outcome.externalId,
        },
      });
    },
  };
}

async function findOurPost(
  client: WebClient,
  { payload, idempotencyKey, previousAttemptAt }: EffectAttempt<Post>,
): Promise<string | undefined> {
  return findOwnMessage(client, {
    channel: payload.channel,
    key: idempotencyKey,
    since: previousAttemptAt!,
    ...(payload.thread_ts ? { threadTs: payload.thread_ts } : {}),
  });
}

/**
 * Our own message with this key in its metadata, posted in the channel (or thread) since a
 * minute before `since` (slack for clock skew between us and Slack); undefined if there is none.
 */
export async function findOwnMessage(
  client: WebClient,
  { channel, key, since, threadTs }: { channel: string; key: string; since: Date; threadTs?: string },
): Promise<string | undefined> {
  const oldest = String((since.getTime() - 60_000) / 1000);
  const page = threadTs
    ? await call('conversations.replies', () =>
        client.conversations.replies({ channel, ts: threadTs, oldest, include_all_metadata: true, limit: 200 }),
      )
    : await call('conversations.history', () =>
        client.conversations.history({ channel, oldest, include_all_metadata: true, limit: 200 }),
      );
  const ours = page.messages?.find(
    (m) =>
      m.metadata?.event_type === OUTBOX_EVENT_TYPE &&
      (m.metadata.event_payload as { key?: string } | undefined)?.key === key,
  );
  return ours?.ts;
}

/** chat.update is idempotent by nature: the same text on the same ts twice is one message. */
export function createSlackUpdatePerformer(client: WebClient): Performer<Update> {
  return {
    async perform({ payload }) {
      await call('chat.update', () =>
        client.chat.update({
          channel: payload.channel,
          ts: payload.ts,
          text: payload.text,
          ...(payload.blocks ? { blocks: payload.blocks as never } : {}),
        }),
      );
      return { externalId: payload.ts };
    },
  };
}
