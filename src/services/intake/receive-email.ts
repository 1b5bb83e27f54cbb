import type { PrismaClient } from '../../db/prisma.js';
import { enqueue, type Boss } from '../../jobs/boss.js';

/**
 * Keeps a raw message from Gmail and queues it for reading, in one transaction. The Gmail
 * message id is unique: a second notification, a second worker or a replayed history stores
 * nothing and queues nothing. Returns whether the message was new.
 */
export async function receiveEmail(
  { prisma, boss }: { prisma: PrismaClient; boss: Boss },
  { mailbox, gmailMessageId, gmailThreadId, raw }: { mailbox: string; gmailMessageId: string; gmailThreadId?: string | undefined; raw: Buffer },
): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "InboundEmail" (id, mailbox, "gmailMessageId", "gmailThreadId", raw)
      VALUES (gen_random_uuid(), ${mailbox}, ${gmailMessageId}, ${gmailThreadId ?? null}, ${raw})
      ON CONFLICT ("gmailMessageId") DO NOTHING
      RETURNING id`;
    if (rows.length === 0) return false;
    await enqueue(boss, tx, 'intake.process', { inboundId: rows[0]!.id });
    return true;
  });
}
