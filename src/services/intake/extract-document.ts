import type { PrismaClient } from '../../db/prisma.js';
import { extractText } from '../../documents/extract-text.js';
import { enqueue, type Boss } from '../../jobs/boss.js';
import { recordEffect } from '../../outbox/record-effect.js';
import { noteUnreadable } from './note-unreadable.js';

/**
 * Reads a stored document's text. An unreadable file (a scan, a broken PDF, an old .doc) is
 * kept, flagged on the card, and the team is told in the card's thread what to ask for.
 */
export async function extractDocument(
  { prisma, boss }: { prisma: PrismaClient; boss: Boss },
  { documentId }: { documentId: string },
): Promise<string> {
  const doc = await prisma.document.findUnique({
    where: { id: documentId },
    select: { content: true, mimeType: true, textStatus: true, filename: true, applicationId: true },
  });
  if (!doc || doc.textStatus !== 'PENDING') return doc?.textStatus ?? 'gone';
  const result = await extractText({ content: Buffer.from(doc.content), contentType: doc.mimeType });
  await prisma.$transaction(async (tx) => {
    const updated = await tx.document.updateMany({
      where: { id: documentId, textStatus: 'PENDING' },
      data:
        result.status === 'EXTRACTED'
          ? { textStatus: 'EXTRACTED', extractedText: result.text, error: null }
          : { textStatus: result.status, error: result.reason },
    });
    if (updated.count === 0 || !doc.applicationId) return;
    const applicationId = doc.applicationId;
    // The last document read: the application can be understood now (once, whatever the order).
    const pending = await tx.document.count({ where: { applicationId, textStatus: 'PENDING' } });
    if (pending === 0) await enqueue(boss, tx, 'intake.understand', { applicationId }, { singletonKey: applicationId });
    await recordEffect(
      { tx, boss },
      {
        kind: 'slack.card',
        idempotencyKey: `card:${applicationId}:document:${documentId}:${result.status}`,
        applicationId,
        payload: { applicationId },
      },
    );
    if (result.status !== 'EXTRACTED')
      await noteUnreadable(tx, boss, { applicationId, documentId, filename: doc.filename, result });
  });
  return result.status;
}

/** The card's "Retry reading" button: the document goes back to PENDING and is read again. */
export async function retryDocument(
  { prisma, boss }: { prisma: PrismaClient; boss: Boss },
  { documentId, actorId }: { documentId: string; actorId: string },
): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const reset = await tx.document.updateMany({
      where: { id: documentId, textStatus: { in: ['FAILED', 'IMAGE_ONLY'] } },
      data: { textStatus: 'PENDING', error: null },
    });
    if (reset.count === 0) return false;
    await tx.auditEntry.create({
      data: { actorType: 'USER', actorId, action: 'document.retry', subjectType: 'Document', subjectId: documentId },
    });
    await enqueue(boss, tx, 'intake.extract-document', { documentId });
    return true;
  });
}
