import type { PrismaClient } from '../../db/prisma.js';
import type { OAuthTokens } from '../../google/google-auth.js';
import { open, seal } from '../../google/token-crypto.js';

/** The mailbox's OAuth tokens, decrypted; undefined when none are stored. */
export async function loadMailboxTokens(
  prisma: PrismaClient,
  { key, mailbox }: { key: Buffer; mailbox: string },
): Promise<OAuthTokens | undefined> {
  const row = await prisma.googleCredential.findUnique({ where: { subject: mailbox.toLowerCase() } });
  return row ? open<OAuthTokens>(key, Buffer.from(row.encryptedTokens)) : undefined;
}

/** Stores the mailbox's tokens encrypted, and the admin who connected it in the audit log. */
export async function storeMailboxTokens(
  prisma: PrismaClient,
  {
    key,
    mailbox,
    tokens,
    scopes,
    by,
  }: { key: Buffer; mailbox: string; tokens: OAuthTokens; scopes: string[]; by: string },
): Promise<void> {
  const encryptedTokens = new Uint8Array(seal(key, tokens));
  await prisma.$transaction(async (tx) => {
    await tx.googleCredential.upsert({
      where: { subject: mailbox.toLowerCase() },
      update: { encryptedTokens, scopes },
      create: { subject: mailbox.toLowerCase(), encryptedTokens, scopes },
    });
    await tx.auditEntry.create({
      data: {
        actorType: 'USER',
        actorId: by,
        action: 'google.connect',
        subjectType: 'GoogleCredential',
        subjectId: mailbox.toLowerCase(),
        data: { scopes },
      },
    });
  });
}
