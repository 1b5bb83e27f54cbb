import { randomUUID } from 'node:crypto';
import type { Tx } from '../db/prisma.js';
import { enqueue, type Boss } from '../jobs/boss.js';
import type { EffectKind, EffectPayloads } from './effect-kinds.js';
import { serviceOf } from './effect-kinds.js';

export type RecordEffectOptions<K extends EffectKind> = {
  kind: K;
  /** Stable for the cause: the same cause recorded twice is one effect. */
  idempotencyKey: string;
  payload: EffectPayloads[K];
  applicationId?: string | undefined;
  /** Not before this instant (an email held until the candidate's sending hours). */
  notBefore?: Date | undefined;
  /**
   * The service's clock, which `notBefore` is measured on. The hold is sent to pg-boss as a
   * delay from it, not as an instant on the database's clock: the two are the same in
   * production, and a test's clock may be set elsewhere (see deliver-effect.ts sweepOutbox).
   */
  now?: Date | undefined;
};

/**
 * Records a side effect in the caller's transaction and enqueues its delivery there too.
 * Returns the effect id, or null when an effect with that key already exists (no new job).
 */
export async function recordEffect<K extends EffectKind>(
  { tx, boss }: { tx: Tx; boss: Boss },
  { kind, idempotencyKey, payload, applicationId, notBefore, now = new Date() }: RecordEffectOptions<K>,
): Promise<string | null> {
  const id = randomUUID();
  const rows = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "OutboxEffect"
      (id, "idempotencyKey", kind, service, payload, "applicationId", "nextAttemptAt", "createdAt")
    VALUES (${id}::uuid, ${idempotencyKey}, ${kind}, ${serviceOf(kind)}, ${JSON.stringify(payload)}::jsonb,
            ${applicationId ?? null}::uuid, ${notBefore ?? now}::timestamptz, ${now}::timestamptz)
    ON CONFLICT ("idempotencyKey") DO NOTHING
    RETURNING id`;
  if (rows.length === 0) return null;
  const delaySeconds = notBefore ? Math.ceil((notBefore.getTime() - now.getTime()) / 1000) : 0;
  const options = delaySeconds > 0 ? { startAfter: delaySeconds } : {};
  await enqueue(boss, tx, 'outbox.deliver', { effectId: id, service: serviceOf(kind) }, options);
  return id;
}
