import type { PrismaClient } from '../../db/prisma.js';
import { AppError } from '../../errors.js';
import { createGmailApi, type GmailApi } from '../../gmail/gmail-api.js';
import type { GoogleAuth } from '../../google/google-auth.js';
import { callGoogle, googleStatus } from '../../google/map-google-error.js';
import { composeMessage } from '../../mail/compose-message.js';
import type { EffectPayloads } from '../effect-kinds.js';
import type { Performer } from './performer.js';

type Send = EffectPayloads['gmail.send'];

/**
 * Sends an email exactly once, though Gmail has no idempotency key.
 *
 * Draft first, then send the draft by id: Gmail consumes a draft when it sends it, so sending
 * the same draft twice is impossible (the second call answers 404). The draft id is committed
 * on the effect before the send. After a crash we therefore never send blind:
 * - draft id known: send it; a 404 means it already went (we then look it up in Sent to record it);
 * - no draft id, but an earlier attempt may have made one: look for a sent message, then for a
 *   draft, by our own Message-ID (rfc822msgid:), and only then make a new draft.
 * Correctness does not hang on Gmail keeping our Message-ID: if it did not, the worst case is
 * an unsent orphan draft, never a second email (README: "Sending mail").
 */
export function createGmailSendPerformer({
  prisma,
  auth,
  rootUrl,
  mailbox,
}: {
  prisma: PrismaClient;
  auth: GoogleAuth;
  rootUrl: string;
  mailbox: string;
}): Performer<Send> {
  return {
    async perform({ id, payload, previousAttemptAt }) {
      const gmail = createGmailApi(auth.as(mailbox), rootUrl);
      const saved = (await prisma.outboxEffect.findUnique({ where: { id }, select: { result: true } }))?.result as {
        draftId?: string;
      } | null;
      let draftId = saved?.draftId;
      if (!draftId && previousAttemptAt) {
        const sent = await findByMessageId(gmail, 'messages', payload.messageId);
        if (sent) return { externalId: sent.id, result: { adopted: 'sent', gmailThreadId: sent.threadId } };
        draftId = (await findByMessageId(gmail, 'drafts', payload.messageId))?.id;
      }
      if (!draftId) {
        const raw = await composeMessage({ ...payload, from: mailbox });
        const draft = (
          await callGoogle('drafts.create', () =>
            gmail.users.drafts.create({
              userId: 'me',
              requestBody: {
                message: {
                  raw: raw.toString('base64url'),
                  ...(payload.gmailThreadId ? { threadId: payload.gmailThreadId } : {}),
                },
              },
            }),
          )
        ).data;
        draftId = draft.id!;
        await prisma.outboxEffect.update({ where: { id }, data: { result: { draftId } } });
      }
      try {
        const sent = (
          await callGoogle('drafts.send', () => gmail.users.drafts.send({ userId: 'me', requestBody: { id: draftId } }))
        ).data;
        return { externalId: sent.id!, result: { draftId, gmailThreadId: sent.threadId ?? null } };
      } catch (err) {
        if (googleStatus(err) !== 404) throw err;
        const sent = await findByMessageId(gmail, 'messages', payload.messageId);
        if (sent) return { externalId: sent.id, result: { draftId, adopted: 'sent', gmailThreadId: sent.threadId } };
        throw new AppError(
          'EXTERNAL_PERMANENT',
          `gmail: draft ${draftId} is gone and no sent message carries <${payload.messageId}>; check the Sent folder ` +
            'before sending again',
        );
      }
    },
    async onDone(tx, payload, outcome) {
      if (!outcome.externalId) return;
      await tx.emailMessage.upsert({
        where: { rfcMessageId: payload.messageId },
        update: { gmailMessageId: outcome.externalId },
        create: {
          threadId: payload.threadId,
          gmailMessageId: outcome.externalId,
          rfcMessageId: payload.messageId,
          inReplyTo: payload.inReplyTo ?? null,
          references: payload.references,
          direction: 'OUTBOUND',
          fromAddress: mailbox.toLowerCase(),
          toAddresses: [payload.to.toLowerCase()],
          ccAddresses: [],
          subject: payload.subject,
          sentAt: new Date(),
          textBody: payload.text,
          htmlBody: payload.html ?? null,
        },
      });
      const gmailThreadId = outcome.result?.gmailThreadId;
      if (typeof gmailThreadId === 'string') {
        await tx.emailThread.updateMany({
          where: { id: payload.threadId, gmailThreadId: null },
          data: { gmailThreadId },
        });
      }
    },
  };
}

async function findByMessageId(
  gmail: GmailApi,
  where: 'messages' | 'drafts',
  messageId: string,
): Promise<{ id: string; threadId: string | null } | undefined> {
  const q = `rfc822msgid:${messageId}`;
  if (where === 'messages') {
    const found = (
      await callGoogle('messages.list', () =>
        gmail.users.messages.list({ userId: 'me', q, includeSpamTrash: true, maxResults: 1 }),
      )
    ).data.messages?.[0];
    return found?.id ? { id: found.id, threadId: found.threadId ?? null } : undefined;
  }
  const draft = (await callGoogle('drafts.list', () => gmail.users.drafts.list({ userId: 'me', q, maxResults: 1 })))
    .data.drafts?.[0];
  return draft?.id ? { id: draft.id, threadId: draft.message?.threadId ?? null } : undefined;
}
