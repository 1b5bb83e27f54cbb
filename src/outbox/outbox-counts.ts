import type { DbOrTx } from '../db/prisma.js';

/** How many outbox effects are in each status (for /metrics and the status page). */
export async function outboxCounts(db: DbOrTx): Promise<Record<string, number>> {
  const rows = await db.$queryRaw<
    { status: string; n: number }[]
  >`SELECT status::text, count(*)::int AS n FROM "OutboxEffect" GROUP BY status`;
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}
