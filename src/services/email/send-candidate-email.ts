import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/prisma.js';
import { AppError } from '../../errors.js';
import type { Boss } from '../../jobs/boss.js';
import { recordEffect } from '../../outbox/record-effect.js';

/**
 * Queues an email to an application's candidate, in the caller's transaction, as a reply in
 * their latest thread (same Gmail thread, In-Reply-To and References to the last message,
 * "Re:" subject). The recipient is always the application's own candidate: callers cannot
 * choose another address. `key` makes the same cause one email.
 */
export async function sendCandidateEmail(
  { tx, boss, mailbox }: { tx: Tx; boss: Boss; mailbox: string },
  {
    applicationId,
    text,
    key,
    subject,
    notBefore,
    now,
  }: {
    applicationId: string;
    text: string;
    key: string;
    subject?: string;
    notBefore?: Date | undefined;
    now?: Date | undefined;
  },
): Promise<string | null> {
  const app = await tx.application.findUniqueOrThrow({
    where: { id: applicationId },
    select: {
      candidateId: true,
      candidate: { select: { displayEmail: true, erasedAt: true } },
      role: { select: { title: true } },
    },
  });
  if (app.candidate.erasedAt)
    throw new AppError('FORBIDDEN', `candidate of ${applicationId} was erased`, {
      userMessage: 'This candidate was erased; no email can be sent.',
    });
  const thread =
    (await tx.emailThread.findFirst({
      where: { applicationId },
      orderBy: [{ lastMessageAt: { sort: 'desc', nulls: 'last' } }, { createdAt: 'desc' }],
      select: { id: true, gmailThreadId: true, subject: true },
    })) ??
    (await tx.emailThread.create({
      data: { applicationId, candidateId: app.candidateId, subject: subject ?? app.role.title },
      select: { id: true, gmailThreadId: true, subject: true },
    }));
  const last = await tx.emailMessage.findFirst({
    where: { threadId: thread.id },
    orderBy: { sentAt: 'desc' },
    select: { rfcMessageId: true, references: true },
  });
  const threadSubject = thread.subject || app.role.title;
  return recordEffect(
    { tx, boss },
    {
      kind: 'gmail.send',
      idempotencyKey: `email:${key}`,
      applicationId,
      notBefore,
      now,
      payload: {
        applicationId,
        threadId: thread.id,
        ...(thread.gmailThreadId ? { gmailThreadId: thread.gmailThreadId } : {}),
        to: app.candidate.displayEmail,
        subject:
          subject ?? (last ? (/^re:/i.test(threadSubject) ? threadSubject : `Re: ${threadSubject}`) : threadSubject),
        text,
        // Our own id, fixed now so every retry sends (and finds) the same message.
        messageId: `${randomUUID()}@${mailbox.split('@')[1] ?? 'justin.invalid'}`,
        ...(last
          ? { inReplyTo: last.rfcMessageId, references: [...last.references, last.rfcMessageId].slice(-20) }
          : {}),
      },
    },
  );
}
