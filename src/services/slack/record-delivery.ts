import type { DbOrTx } from '../../db/prisma.js';

/** True the first time an Events API delivery is seen; false for Slack's retries of it. */
export async function recordSlackDelivery(db: DbOrTx, eventId: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ eventId: string }[]>`
    INSERT INTO "SlackDelivery" ("eventId") VALUES (${eventId}) ON CONFLICT DO NOTHING RETURNING "eventId"`;
  return rows.length === 1;
}
