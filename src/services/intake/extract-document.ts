import type { PrismaClient } from '../../db/prisma.js';
import { extractText } from '../../documents/extract-text.js';
import { enqueue, type Boss } from '../../jobs/boss.js';
import { recordEffect } from '../../outbox/record-effect.js';

/**
 * Reads a stored document's text. An unreadable file (a scan, a broken PDF, an old .doc) is
 * kept, flagged on the card, and the team is told in the card's thread what to ask for.
 */
export async function extractDocument({ prisma, boss }: { prisma: PrismaClient; boss: Boss }, { documentId }: { documentId: string }): Promise<string> {
  const doc = await prisma.document.findUnique({ where: { id: documentId }, select: { content: true, mimeType: true, textStatus: true, filename: true, applicationId: true } });
  if (!doc || doc.textStatus !== 'PENDING') return doc?.textStatus ?? 'gone';
  const result = await extractText({ content: Buffer.from(doc.content), contentType: doc.mimeType });
  await prisma.$transaction(async (tx) => {
    const updated = await tx.document.updateMany({
      where: { id: documentId, textStatus: 'PENDING' },
      data: result.status === 'EXTRACTED' ? { textStatus: 'EXTRACTED', extractedText: result.text, error: null } : { textStatus: result.status, error: result.reason },
    });
    if (updated.count === 0 || !doc.applicationId) return;
    const applicationId = doc.applicationId;
    // The last document read: the application can be understood now (once, whatever the order).
    const pending = await tx.document.count({ where: { applicationId, textStatus: 'PENDING' } });
    if (pending === 0) await enqueue(boss, tx, 'intake.understand', { applicationId }, { singletonKey: applicationId });
    await recordEffect({ tx, boss }, { kind: 'slack.card', idempotencyKey: `card:${applicationId}:document:${documentId}:${result.status}`, applicationId, payload: { applicationId } });
    if (result.status !== 'EXTRACTED') {
      await tx.applicationEvent.create({ data: { applicationId, actorType: 'SYSTEM', actorId: 'intake', type: 'document.unreadable', data: { documentId, status: result.status, reason: result.reason } } });
      const app = await tx.application.findUniqueOrThrow({ where: { id: applicationId }, select: { slackChannelId: true, slackMessageTs: true } });
      if (app.slackChannelId && app.slackMessageTs) {
        const ask = result.status === 'IMAGE_ONLY' ? 'a text PDF (this one is a scan)' : 'the CV as a PDF or .docx';
        await recordEffect(
          { tx, boss },
          { kind: 'slack.post', idempotencyKey: `document-unreadable:${documentId}:${result.status}`, applicationId, payload: { channel: app.slackChannelId, thread_ts: app.slackMessageTs, text: `:warning: ${doc.filename}: ${result.reason}. The file is kept; you may want to ask the candidate for ${ask}.` } },
        );
      }
    }
  });
  return result.status;
}

/** The card's "Retry reading" button: the document goes back to PENDING and is read again. */
export async function retryDocument({ prisma, boss }: { prisma: PrismaClient; boss: Boss }, { documentId, actorId }: { documentId: string; actorId: string }): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const reset = await tx.document.updateMany({ where: { id: documentId, textStatus: { in: ['FAILED', 'IMAGE_ONLY'] } }, data: { textStatus: 'PENDING', error: null } });
    if (reset.count === 0) return false;
    await tx.auditEntry.create({ data: { actorType: 'USER', actorId, action: 'document.retry', subjectType: 'Document', subjectId: documentId } });
    await enqueue(boss, tx, 'intake.extract-document', { documentId });
    return true;
  });
}
