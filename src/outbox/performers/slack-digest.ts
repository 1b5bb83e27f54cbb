import type { WebClient } from '@slack/web-api';
import { stageChartPng } from '../../charts/stage-chart.js';
import type { FontSource } from '../../charts/render-png.js';
import type { PrismaClient } from '../../db/prisma.js';
import { AppError } from '../../errors.js';
import { loadWeeklyDigest, type WeeklyDigest } from '../../services/digest/load-weekly-digest.js';
import type { ChannelDirectory } from '../../slack/channel-directory.js';
import { callSlack as call } from '../../slack/map-slack-error.js';
import { digestChartComment, weeklyDigestMessage } from '../../slack/blocks/weekly-digest.js';
import type { EffectPayloads } from '../effect-kinds.js';
import type { Performer } from './performer.js';
import { findOwnMessage, OUTBOX_EVENT_TYPE } from './slack.js';

type Digest = EffectPayloads['slack.digest'];
/** How far an earlier attempt got, committed on the effect before each step that follows. */
type Progress = { channel?: string; ts?: string; fileId?: string };

/**
 * A role's weekly digest, exactly once, in two steps whose progress is committed on the effect:
 * 1. The figures as a message carrying our key in its metadata; after a crash the key finds it
 *    (conversations.history), as for every post (slack.ts).
 * 2. The chart through Slack's upload flow: files.getUploadURLExternal, the bytes POSTed to the
 *    URL it gives, files.completeUploadExternal sharing the file to the channel. The file id is
 *    committed before the bytes go. A retry that has one looks for a message sharing that file
 *    since the digest (retries come after the lease, a minute on, when Slack has long shared it);
 *    only if there is none does it upload again: an upload never completed is discarded by Slack,
 *    so the worst case is an unseen orphan, never a second chart.
 * Figures and chart are rendered at delivery from the database, for the week before `at`.
 */
export function createSlackDigestPerformer({
  client,
  prisma,
  channels,
  fonts,
}: {
  client: WebClient;
  prisma: PrismaClient;
  channels: ChannelDirectory;
  /** Where the chart's renderer finds fonts (tests draw without any). */
  fonts?: FontSource;
}): Performer<Digest> {
  const save = (id: string, progress: Progress) =>
    prisma.outboxEffect.update({ where: { id }, data: { result: progress } });
  return {
    async perform({ id, payload, idempotencyKey, previousAttemptAt, signal }) {
      const digest = await loadWeeklyDigest(prisma, { roleId: payload.roleId, at: new Date(payload.at) });
      if (!digest) return { result: { skipped: 'the role is gone' } };
      if (payload.refresh) return refresh(payload, digest);
      if (!digest.open) return { result: { skipped: 'the role is closed' } };
      const saved = ((await prisma.outboxEffect.findUnique({ where: { id }, select: { result: true } }))?.result ??
        {}) as Progress;
      const channel = saved.channel ?? digest.channel;
      if (!channel) return { result: { skipped: 'the role has no channel' } };
      const message = weeklyDigestMessage({ title: digest.title, figures: digest.figures, zone: payload.zone });
      // Drawn before anything is posted: a chart that cannot be drawn leaves no half digest.
      const png = await stageChartPng(digest.figures.stages, fonts ? { fonts } : {});

      let ts = saved.ts;
      if (!ts && previousAttemptAt)
        ts = await findOwnMessage(client, { channel, key: idempotencyKey, since: previousAttemptAt });
      if (!ts) {
        await channels.ensureCanPost(channel);
        const posted = await call('chat.postMessage', () =>
          client.chat.postMessage({
            channel,
            text: message.text,
            blocks: message.blocks as never,
            metadata: { event_type: OUTBOX_EVENT_TYPE, event_payload: { key: idempotencyKey } },
            unfurl_links: false,
          }),
        );
        ts = posted.ts!;
      }
      if (saved.ts !== ts) await save(id, { channel, ts });

      if (saved.fileId && (await sharedSince(channel, saved.fileId, ts)))
        return { externalId: ts, result: { channel, ts, fileId: saved.fileId, adopted: 'chart' } };
      const filename = `digest-${payload.week}.png`;
      const upload = await call('files.getUploadURLExternal', () =>
        client.files.getUploadURLExternal({
          filename,
          length: png.length,
          alt_text: `Candidates per stage in ${digest.title}, now and a week ago`.slice(0, 1000),
        }),
      );
      const fileId = upload.file_id!;
      await save(id, { channel, ts, fileId });
      await postBytes(upload.upload_url!, png, signal);
      await call('files.completeUploadExternal', () =>
        client.files.completeUploadExternal({
          files: [{ id: fileId, title: `${digest.title}: candidates per stage, ${payload.week}`.slice(0, 250) }],
          channel_id: channel,
          initial_comment: digestChartComment(digest.title),
        }),
      );
      return { externalId: ts, result: { channel, ts, fileId } };
    },
  };

  /**
   * The week's digest message rendered again and edited in place (chat.update is idempotent), so
   * names erased since no longer show. The chart holds no names and stays as it is.
   */
  async function refresh(payload: Digest, digest: WeeklyDigest) {
    const original = await prisma.outboxEffect.findUnique({
      where: { idempotencyKey: `digest:${payload.roleId}:${payload.week}` },
      select: { result: true },
    });
    const posted = (original?.result ?? {}) as Progress;
    if (!posted.channel || !posted.ts) return { result: { skipped: 'the digest was never posted' } };
    const message = weeklyDigestMessage({ title: digest.title, figures: digest.figures, zone: payload.zone });
    await call('chat.update', () =>
      client.chat.update({
        channel: posted.channel!,
        ts: posted.ts!,
        text: message.text,
        blocks: message.blocks as never,
      }),
    );
    return { externalId: posted.ts, result: { channel: posted.channel, ts: posted.ts, refreshed: true } };
  }

  /** Whether a message in the channel since `oldest` shares the file. */
  async function sharedSince(channel: string, fileId: string, oldest: string): Promise<boolean> {
    const page = await call('conversations.history', () =>
      client.conversations.history({ channel, oldest, inclusive: true, limit: 200 }),
    );
    return (page.messages ?? []).some((m) => m.files?.some((f) => f.id === fileId));
  }
}

/** The upload URL takes the raw bytes (it is signed: no token goes with them). */
async function postBytes(url: string, bytes: Buffer, signal: AbortSignal): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      body: new Uint8Array(bytes),
      headers: { 'content-type': 'application/octet-stream' },
      signal,
    });
  } catch (err) {
    throw new AppError('EXTERNAL_RETRYABLE', `slack file upload: ${(err as Error).message}`, { cause: err });
  }
  await res.body?.cancel();
  if (!res.ok)
    throw new AppError(
      res.status === 429 || res.status >= 500 ? 'EXTERNAL_RETRYABLE' : 'EXTERNAL_PERMANENT',
      `slack file upload: HTTP ${res.status}`,
    );
}
