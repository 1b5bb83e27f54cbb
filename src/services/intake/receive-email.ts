import { Prisma } from '../../generated/prisma/client.js';
import type { PrismaClient } from '../../db/prisma.js';
import { enqueueMany, type Boss } from '../../jobs/boss.js';

export type ReceivedMessage = { gmailMessageId: string; gmailThreadId?: string | undefined; raw: Buffer };

/**
 * Keeps raw messages from Gmail and queues each new one for reading, in one transaction: one
 * round of a mailbox sync is one INSERT and one job insert, not one transaction per message.
 * The Gmail message id is unique: a second notification, a second worker or a replayed history
 * stores nothing and queues nothing. Returns the Gmail ids that were new.
 */
export async function receiveEmails(
  { prisma, boss }: { prisma: PrismaClient; boss: Boss },
  mailbox: string,
  messages: ReceivedMessage[],
): Promise<string[]> {
  if (messages.length === 0) return [];
  return prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; gmailMessageId: string }[]>`
      INSERT INTO "InboundEmail" (id, mailbox, "gmailMessageId", "gmailThreadId", raw)
      VALUES ${Prisma.join(
        messages.map(
          (m) => Prisma.sql`(gen_random_uuid(), ${mailbox}, ${m.gmailMessageId}, ${m.gmailThreadId ?? null}, ${m.raw})`,
        ),
      )}
      ON CONFLICT ("gmailMessageId") DO NOTHING
      RETURNING id, "gmailMessageId"`;
    await enqueueMany(
      boss,
      tx,
      'intake.process',
      rows.map((r) => ({ inboundId: r.id })),
    );
    return rows.map((r) => r.gmailMessageId);
  });
}

/** One message: whether it was new. */
export async function receiveEmail(
  deps: { prisma: PrismaClient; boss: Boss },
  { mailbox, ...message }: ReceivedMessage & { mailbox: string },
): Promise<boolean> {
  return (await receiveEmails(deps, mailbox, [message])).length === 1;
}
