import type { DbOrTx, Tx } from '../../db/prisma.js';
import { recordSlackDelivery } from './record-delivery.js';

/**
 * Whether this is the first time a Slack modal (by view id) is submitted, recorded in the
 * caller's transaction: a double click or Slack's retry of the same submission then has no
 * second effect (a concurrent one waits for this transaction, then finds the record). Record
 * it only once the submission is accepted: a modal answered with field errors stays open and
 * is submitted again with the same id. Kept with the Events API deliveries, as "view:<id>".
 */
export function firstSubmission(tx: Tx, viewId: string): Promise<boolean> {
  return recordSlackDelivery(tx, `view:${viewId}`);
}

/** Whether this modal's submission was already accepted (read only: see firstSubmission). */
export async function seenSubmission(db: DbOrTx, viewId: string): Promise<boolean> {
  return (await db.slackDelivery.count({ where: { eventId: `view:${viewId}` } })) > 0;
}
