import type { Tx } from '../../db/prisma.js';

export type LockedOffer = { status: string; version: number; applicationId: string; expiresAt: Date | null };

/**
 * Locks an offer for a change, in the order every transaction here takes them: its application
 * first (as drafting, closing and erasing do), then the offer. Null when the offer is gone.
 */
export async function lockOffer(tx: Tx, offerId: string): Promise<LockedOffer | null> {
  await tx.$queryRaw`
    SELECT a.id FROM "Application" a JOIN "Offer" o ON o."applicationId" = a.id
    WHERE o.id = ${offerId}::uuid FOR UPDATE OF a`;
  const rows = await tx.$queryRaw<LockedOffer[]>`
    SELECT status::text AS status, version, "applicationId", "expiresAt" FROM "Offer"
    WHERE id = ${offerId}::uuid FOR UPDATE`;
  return rows[0] ?? null;
}
