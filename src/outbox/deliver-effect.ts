import type { PrismaClient } from '../db/prisma.js';
import { AppError, asAppError } from '../errors.js';
import { enqueue, type Boss } from '../jobs/boss.js';
import type { Logger } from '../logger.js';
import { retryDelayMs } from '../resilience/backoff.js';
import type { BreakerRegistry } from '../resilience/circuit-breaker.js';
import { isEffectKind, ZEffectPayloads, type EffectKind } from './effect-kinds.js';
import type { PerformOutcome, Performer } from './performers/performer.js';

export type Performers = Partial<{ [K in EffectKind]: Performer<any> }>;

export type DeliveryOutcome = 'done' | 'retry' | 'dead' | 'skipped' | 'deferred';

export type DeliverDeps = {
  prisma: PrismaClient;
  boss: Boss;
  performers: Performers;
  breakers: BreakerRegistry;
  log: Logger;
  onOutcome?: (kind: string, outcome: DeliveryOutcome) => void;
  options?: Partial<typeof DEFAULTS>;
};

const DEFAULTS = {
  /** After this many attempts the effect is dead (visible to admins, retriable by hand). */
  maxAttempts: 8,
  /** One attempt's HTTP budget. */
  performTimeoutMs: 30_000,
  /** How long a claim keeps other workers off; longer than the perform timeout. */
  leaseMs: 60_000,
};

type Claimed = {
  id: string;
  idempotencyKey: string;
  kind: string;
  service: string;
  payload: unknown;
  attempts: number;
  previousAttemptAt: Date | null;
};

/**
 * Performs one outbox effect, exactly once in effect under at-least-once delivery:
 * 1. claim it with a lease and commit the attempt (so a crash after the call is visible);
 * 2. call the service (a performer looks first when an earlier attempt may have landed);
 * 3. commit the outcome. API failures are rescheduled here with backoff and Retry-After;
 *    a worker killed anywhere leaves a PENDING effect that the job retry or sweeper resumes.
 */
export async function deliverEffect(deps: DeliverDeps, effectId: string, signal?: AbortSignal): Promise<DeliveryOutcome> {
  const opts = { ...DEFAULTS, ...deps.options };
  const { prisma, boss, breakers } = deps;
  const log = deps.log.child({ effectId });
  const report = (kind: string, outcome: DeliveryOutcome) => {
    deps.onOutcome?.(kind, outcome);
    return outcome;
  };

  const head = await prisma.outboxEffect.findUnique({ where: { id: effectId }, select: { status: true, service: true, kind: true } });
  if (!head || head.status !== 'PENDING') return report(head?.kind ?? 'unknown', 'skipped');

  const breaker = breakers.get(head.service);
  const permission = breaker.allow();
  if (!permission.allowed) {
    await reschedule(deps, effectId, permission.retryAt - Date.now(), 'circuit open', false);
    return report(head.kind, 'deferred');
  }

  const claimed = await claim(prisma, effectId, opts.leaseMs);
  if (!claimed) {
    if (breaker.state === 'half_open') breaker.success(); // give back the probe slot we did not use
    // Another worker holds the lease. If it is alive it will finish; if it died mid-call,
    // come back when its lease ends so the effect resumes promptly instead of waiting for the sweeper.
    const held = await prisma.outboxEffect.findUnique({ where: { id: effectId }, select: { status: true, claimedUntil: true } });
    if (held?.status === 'PENDING' && held.claimedUntil) {
      const at = new Date(held.claimedUntil.getTime() + 100);
      await enqueue(boss, undefined, 'outbox.deliver', { effectId }, { startAfter: at, singletonKey: `lease:${effectId}:${at.getTime()}` });
      return report(head.kind, 'deferred');
    }
    return report(head.kind, 'skipped');
  }

  let outcome: PerformOutcome;
  let performer: Performer<unknown> | undefined;
  try {
    if (!isEffectKind(claimed.kind)) throw new AppError('EXTERNAL_PERMANENT', `unknown effect kind ${claimed.kind}`);
    performer = deps.performers[claimed.kind];
    if (!performer) throw new AppError('INTEGRATION_OFF', `${claimed.service} is not configured; cannot perform ${claimed.kind}`);
    const parsed = ZEffectPayloads[claimed.kind].safeParse(claimed.payload);
    if (!parsed.success) throw new AppError('EXTERNAL_PERMANENT', `invalid ${claimed.kind} payload: ${parsed.error.message}`);
    const timeout = AbortSignal.timeout(opts.performTimeoutMs);
    outcome = await performer.perform({
      id: claimed.id,
      idempotencyKey: claimed.idempotencyKey,
      payload: parsed.data,
      attempt: claimed.attempts,
      previousAttemptAt: claimed.previousAttemptAt,
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
  } catch (thrown) {
    const err = asAppError(thrown);
    const countsAgainstService = err.code === 'EXTERNAL_RETRYABLE';
    if (countsAgainstService) breaker.failure();
    else if (err.code === 'EXTERNAL_PERMANENT') breaker.success(); // the service answered: it is up
    // An unconfigured integration is not the effect's fault: keep it pending, check back later.
    const retryable = err.retryable || err.code === 'INTEGRATION_OFF';
    if (retryable && claimed.attempts < opts.maxAttempts) {
      const delay = retryDelayMs(claimed.attempts, { retryAfterMs: err.retryAfterMs });
      log.warn({ kind: claimed.kind, attempt: claimed.attempts, delayMs: delay, err: err.message }, 'effect failed; will retry');
      await reschedule(deps, effectId, delay, err.message, true);
      return report(claimed.kind, 'retry');
    }
    log.error({ kind: claimed.kind, attempt: claimed.attempts, err: err.message }, 'effect is dead');
    await prisma.outboxEffect.update({
      where: { id: effectId },
      data: { status: 'DEAD', lastError: err.message, claimedUntil: null, completedAt: new Date() },
    });
    return report(claimed.kind, 'dead');
  }

  breaker.success();
  await prisma.$transaction(async (tx) => {
    // Guarded by the attempt number: if our lease lapsed and a later attempt finished, don't overwrite it.
    const updated = await tx.outboxEffect.updateMany({
      where: { id: effectId, attempts: claimed.attempts, status: 'PENDING' },
      data: {
        status: 'DONE',
        externalId: outcome.externalId ?? null,
        result: (outcome.result ?? {}) as object,
        lastError: null,
        claimedUntil: null,
        completedAt: new Date(),
      },
    });
    if (updated.count === 1) await performer!.onDone?.(tx, (claimed.payload ?? {}) as never, outcome);
  });
  return report(claimed.kind, 'done');
}

async function claim(prisma: PrismaClient, effectId: string, leaseMs: number): Promise<Claimed | null> {
  // One statement: lock the row, remember the previous attempt time, bump the attempt.
  const rows = await prisma.$queryRaw<Claimed[]>`
    WITH prev AS (
      SELECT id, "lastAttemptAt" FROM "OutboxEffect"
      WHERE id = ${effectId}::uuid AND status = 'PENDING' AND ("claimedUntil" IS NULL OR "claimedUntil" < now())
      FOR UPDATE SKIP LOCKED
    )
    UPDATE "OutboxEffect" e
    SET attempts = e.attempts + 1, "lastAttemptAt" = now(), "claimedUntil" = now() + ${leaseMs} * interval '1 millisecond'
    FROM prev WHERE e.id = prev.id
    RETURNING e.id, e."idempotencyKey", e.kind, e.service, e.payload, e.attempts, prev."lastAttemptAt" AS "previousAttemptAt"`;
  return rows[0] ?? null;
}

async function reschedule(deps: DeliverDeps, effectId: string, delayMs: number, reason: string, releaseClaim: boolean): Promise<void> {
  const delay = Math.max(0, Math.ceil(delayMs));
  await deps.prisma.$transaction(async (tx) => {
    await tx.outboxEffect.update({
      where: { id: effectId },
      data: { nextAttemptAt: new Date(Date.now() + delay), lastError: reason, ...(releaseClaim ? { claimedUntil: null } : {}) },
    });
    await enqueue(deps.boss, tx, 'outbox.deliver', { effectId }, { startAfter: new Date(Date.now() + delay) });
  });
}

/**
 * Re-enqueues effects that are due but have no live job (their job was dead-lettered, or
 * a deploy dropped it between retries). Runs every minute from a pg-boss schedule.
 */
export async function sweepOutbox({ prisma, boss }: Pick<DeliverDeps, 'prisma' | 'boss'>, { graceSeconds = 60 } = {}): Promise<number> {
  const due = await prisma.$queryRaw<{ id: string }[]>`
    SELECT id FROM "OutboxEffect"
    WHERE status = 'PENDING' AND "nextAttemptAt" < now() - ${graceSeconds} * interval '1 second'
      AND ("claimedUntil" IS NULL OR "claimedUntil" < now())
    ORDER BY "nextAttemptAt" LIMIT 500`;
  for (const { id } of due) await enqueue(boss, undefined, 'outbox.deliver', { effectId: id }, { singletonKey: id, singletonSeconds: 60 });
  return due.length;
}
