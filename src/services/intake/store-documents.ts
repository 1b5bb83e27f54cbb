import type { Tx } from '../../db/prisma.js';
import { enqueue, type Boss } from '../../jobs/boss.js';
import type { DocumentText } from '../../documents/extract-text.js';
import type { Attachment } from '../../mail/parse-message.js';
import { noteUnreadable } from './note-unreadable.js';

/** The largest original we keep (Gmail's own limit); text is read only up to the extraction limit. */
const MAX_STORED_BYTES = 25 * 1024 * 1024;

/**
 * Stores an application's documents once per candidate and content: the same CV sent again
 * (same bytes, by SHA-256) is linked, not stored twice. A document already read (`texts`, by
 * hash: small files are read in the processing job) is stored with its text; others are
 * queued for text extraction. The first document is taken as the CV, others as cover letters
 * or other files by name. When every new document was read here, the profile is asked for now.
 */
export async function storeDocuments(
  tx: Tx,
  boss: Boss,
  {
    candidateId,
    applicationId,
    documents,
    texts = new Map(),
  }: { candidateId: string; applicationId: string; documents: Attachment[]; texts?: ReadonlyMap<string, DocumentText> },
): Promise<{ stored: number; reused: number }> {
  let queued = 0;
  let read = 0;
  let stored = 0;
  let reused = 0;
  for (const [i, doc] of documents.entries()) {
    const existing = await tx.document.findUnique({
      where: { candidateId_sha256: { candidateId, sha256: doc.sha256 } },
      select: { id: true, applicationId: true },
    });
    if (existing) {
      if (!existing.applicationId) await tx.document.update({ where: { id: existing.id }, data: { applicationId } });
      reused++;
      continue;
    }
    const tooLarge = doc.size > MAX_STORED_BYTES;
    const text = tooLarge ? undefined : texts.get(doc.sha256);
    const created = await tx.document.create({
      data: {
        candidateId,
        applicationId,
        kind: /cover|anschreiben|motivation|lettre/i.test(doc.filename)
          ? 'COVER_LETTER'
          : i === 0 || /cv|resume|résumé|lebenslauf/i.test(doc.filename)
            ? 'CV'
            : 'OTHER',
        filename: doc.filename.slice(0, 255),
        mimeType: doc.contentType,
        sizeBytes: doc.size,
        sha256: doc.sha256,
        content: new Uint8Array(tooLarge ? Buffer.alloc(0) : doc.content),
        ...(tooLarge
          ? {
              textStatus: 'UNSUPPORTED' as const,
              error: `larger than ${MAX_STORED_BYTES / 1024 / 1024} MB; the original is still in the mailbox`,
            }
          : {}),
        ...(text
          ? text.status === 'EXTRACTED'
            ? { textStatus: 'EXTRACTED' as const, extractedText: text.text }
            : { textStatus: text.status, error: text.reason }
          : {}),
      },
      select: { id: true },
    });
    if (text) {
      read++;
      if (text.status !== 'EXTRACTED')
        await noteUnreadable(tx, boss, { applicationId, documentId: created.id, filename: doc.filename, result: text });
    } else if (!tooLarge) {
      await enqueue(boss, tx, 'intake.extract-document', { documentId: created.id });
      queued++;
    }
    stored++;
  }
  // Nothing left to read: the profile can be asked for (once, whatever else asks for it).
  if (read > 0 && queued === 0)
    await enqueue(boss, tx, 'intake.understand', { applicationId }, { singletonKey: applicationId });
  return { stored, reused };
}
