import type { WebClient } from '@slack/web-api';
import type { PrismaClient } from '../../db/prisma.js';
import { loadCardData } from '../../services/applications/load-card.js';
import { candidateCard } from '../../slack/blocks/candidate-card.js';
import { callSlack as call } from '../../slack/map-slack-error.js';
import type { EffectPayloads } from '../effect-kinds.js';
import type { EffectAttempt, PerformOutcome, Performer } from './performer.js';
import { Bulkhead } from '../../resilience/bulkhead.js';
import { AppError } from '../../errors.js';
import { OUTBOX_EVENT_TYPE } from './slack.js';
import type { ChannelDirectory } from '../../slack/channel-directory.js';

type Card = EffectPayloads['slack.card'];

/**
 * Makes the candidate card in the role's channel show the application as it is now: posts
 * it the first time, updates it in place (chat.update) after that. It renders at delivery,
 * not when the effect was recorded, so refreshes may land in any order and the card still
 * ends current. Refreshes of one card are serialised by a transaction-scoped advisory lock,
 * so two of them can never both post. Before a first post that may be a retry, it looks for
 * the card by the key in its metadata, so a crash after Slack took the post costs no duplicate.
 * Before a first post it also joins the channel if it is public and Justin is not in it yet.
 */
export function createSlackCardPerformer({
  client,
  prisma,
  channels,
  concurrency,
}: {
  client: WebClient;
  prisma: PrismaClient;
  channels: ChannelDirectory;
  /**
   * Cards rendered and sent at once by this process. Each holds a database connection for as
   * long as Slack takes to answer (the lock above), so without a limit a burst of cards took the
   * whole pool and starved everything else: with Slack answering in 200 ms, the intake fell from
   * about 100 messages/s to 22 (the intake bench, `BENCH_SLACK_MS=200`, a pool of 10).
   */
  concurrency: number;
}): Performer<Card> {
  const bulkhead = new Bulkhead('slack cards', concurrency);
  return {
    // The wait stays under the outbox's 30 s perform timeout and 60 s lease.
    perform: (attempt) => bulkhead.run(() => renderAndSend(attempt), { maxWaitMs: 20_000 }),
  };

  async function renderAndSend({ payload, previousAttemptAt, id }: EffectAttempt<Card>): Promise<PerformOutcome> {
    const cardKey = `card:${payload.applicationId}`;
    return prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${cardKey}, 0))`;
        const card = await loadCardData(tx, payload.applicationId);
        if (!card?.channel) return { result: { skipped: card ? 'the role has no channel' : 'application gone' } };
        const { text, blocks } = candidateCard(card);
        if (card.ts) {
          await call('chat.update', () =>
            client.chat.update({ channel: card.channel!, ts: card.ts!, text, blocks: blocks as never }),
          );
          return { externalId: card.ts, result: { channel: card.channel, ts: card.ts, version: card.version } };
        }
        // A first post: Justin must be in the channel (public ones it joins by itself).
        await channels.ensureCanPost(card.channel);
        const earlier =
          previousAttemptAt ??
          (await tx.outboxEffect.findFirst({
            where: { applicationId: payload.applicationId, kind: 'slack.card', attempts: { gt: 0 }, id: { not: id } },
            select: { id: true },
          }));
        // Another refresh of this card was posting it when its process died (its lock went with it,
        // its post may still be reaching Slack): looking now could miss that post and make a second
        // card. Wait until its lease lapses, by when whatever it sent has landed, then look.
        const [posting] = await tx.$queryRaw<Array<{ ms: number }>>`
          SELECT CEIL(EXTRACT(EPOCH FROM ("claimedUntil" - now())) * 1000)::int AS ms FROM "OutboxEffect"
          WHERE "applicationId" = ${payload.applicationId}::uuid AND kind = 'slack.card' AND id <> ${id}::uuid
            AND status = 'PENDING' AND "claimedUntil" > now() AND result ? 'postingAt'
          ORDER BY "claimedUntil" DESC LIMIT 1`;
        if (posting)
          throw new AppError('BUSY', 'another refresh of this card may still be reaching Slack', {
            retryAfterMs: posting.ms + 250,
          });
        let ts: string | undefined;
        if (earlier) {
          const page = await call('conversations.history', () =>
            client.conversations.history({
              channel: card.channel!,
              oldest: String((card.createdAt.getTime() - 60_000) / 1000),
              include_all_metadata: true,
              limit: 200,
            }),
          );
          ts = page.messages?.find(
            (m) =>
              m.metadata?.event_type === OUTBOX_EVENT_TYPE &&
              (m.metadata.event_payload as { key?: string })?.key === cardKey,
          )?.ts;
          if (ts)
            await call('chat.update', () =>
              client.chat.update({ channel: card.channel!, ts: ts!, text, blocks: blocks as never }),
            );
        }
        if (!ts) {
          // Committed at once (outside this transaction): if this process dies mid-post, the next
          // refresh knows a post may be on its way (above).
          await prisma.outboxEffect.updateMany({
            where: { id },
            data: { result: { postingAt: new Date().toISOString() } },
          });
          const res = await call('chat.postMessage', () =>
            client.chat.postMessage({
              channel: card.channel!,
              text,
              blocks: blocks as never,
              metadata: { event_type: OUTBOX_EVENT_TYPE, event_payload: { key: cardKey } },
              unfurl_links: false,
            }),
          );
          ts = res.ts!;
        }
        await tx.application.update({
          where: { id: payload.applicationId },
          data: { slackChannelId: card.channel, slackMessageTs: ts },
        });
        return { externalId: ts, result: { channel: card.channel, ts, version: card.version } };
      },
      { timeout: 30_000, maxWait: 10_000 },
    );
  }
}
