import type { Tx } from '../../db/prisma.js';
import type { DocumentText } from '../../documents/extract-text.js';
import type { Boss } from '../../jobs/boss.js';
import { recordEffect } from '../../outbox/record-effect.js';
import { escapeMrkdwn } from '../../slack/blocks/text.js';

type Unreadable = Exclude<DocumentText, { status: 'EXTRACTED' }>;

/**
 * Records that a document could not be read and, when the application's card is already in
 * Slack, tells its thread what to ask the candidate for. A card not yet posted shows the flag
 * (with Retry) when it is.
 */
export async function noteUnreadable(
  tx: Tx,
  boss: Boss,
  {
    applicationId,
    documentId,
    filename,
    result,
  }: { applicationId: string; documentId: string; filename: string; result: Unreadable },
): Promise<void> {
  await tx.applicationEvent.create({
    data: {
      applicationId,
      actorType: 'SYSTEM',
      actorId: 'intake',
      type: 'document.unreadable',
      data: { documentId, status: result.status, reason: result.reason },
    },
  });
  const app = await tx.application.findUniqueOrThrow({
    where: { id: applicationId },
    select: { slackChannelId: true, slackMessageTs: true },
  });
  if (!app.slackChannelId || !app.slackMessageTs) return;
  const ask = result.status === 'IMAGE_ONLY' ? 'a text PDF (this one is a scan)' : 'the CV as a PDF or .docx';
  await recordEffect(
    { tx, boss },
    {
      kind: 'slack.post',
      idempotencyKey: `document-unreadable:${documentId}:${result.status}`,
      applicationId,
      payload: {
        channel: app.slackChannelId,
        thread_ts: app.slackMessageTs,
        text:
          `:warning: ${escapeMrkdwn(filename)}: ${escapeMrkdwn(result.reason)}. The file is kept; ` +
          `you may want to ask the candidate for ${ask}.`,
      },
    },
  );
}
