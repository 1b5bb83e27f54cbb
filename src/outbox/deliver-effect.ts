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
  /** The service's clock: when a rescheduled effect is next due, and which effects the sweep finds due. */
  now?: () => Date;
};

/** What a delivery job carries. `service` lets the breaker refuse before any database write. */
export type EffectRef = { effectId: string; service?: string | undefined };

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

type Performed = { effect: Claimed; performer: Performer<unknown>; outcome: PerformOutcome };

/** Delivers one effect; see deliverEffects. */
export async function deliverEffect(
  deps: DeliverDeps,
  effectId: string,
  signal?: AbortSignal,
): Promise<DeliveryOutcome> {
  const row = await deps.prisma.outboxEffect.findUnique({ where: { id: effectId }, select: { service: true } });
  const [outcome] = await deliverEffects(deps, [{ effectId, service: row?.service }], signal);
  return outcome!;
}

/**
 * Performs outbox effects, exactly once in effect under at-least-once delivery:
 * 1. claim them with a lease and commit the attempt (so a crash after the call is visible);
 * 2. call the services in parallel (a performer looks first when an earlier attempt may
 *    have landed);
 * 3. commit the outcomes. API failures are rescheduled here with backoff and Retry-After;
 *    a worker killed anywhere leaves PENDING effects that the job retry or sweeper resumes.
 * A batch costs two commits however many effects it holds, which is what lets the outbox
 * keep up with a burst.
 */
export async function deliverEffects(
  deps: DeliverDeps,
  refs: EffectRef[],
  signal?: AbortSignal,
): Promise<DeliveryOutcome[]> {
  const opts = { ...DEFAULTS, ...deps.options };
  const outcomes = new Map<string, DeliveryOutcome>();
  const report = (id: string, kind: string, outcome: DeliveryOutcome) => {
    outcomes.set(id, outcome);
    deps.onOutcome?.(kind, outcome);
  };

  // A service whose circuit is open is not called, and its effects are not even claimed.
  const toClaim: string[] = [];
  for (const ref of refs) {
    const permission = ref.service ? deps.breakers.get(ref.service).allow() : { allowed: true as const };
    if (permission.allowed) toClaim.push(ref.effectId);
    else {
      await reschedule(deps, ref.effectId, ref.service, permission.retryAt - Date.now(), 'circuit open', false);
      report(ref.effectId, ref.service ?? 'unknown', 'deferred');
    }
  }

  const claimed = toClaim.length ? await claim(deps.prisma, toClaim, opts.leaseMs) : [];
  const claimedIds = new Set(claimed.map((c) => c.id));
  for (const id of toClaim.filter((i) => !claimedIds.has(i))) report(id, 'unknown', await whyNotClaimed(deps, id));

  const performed: Performed[] = [];
  await Promise.all(
    claimed.map(async (effect) => {
      const breaker = deps.breakers.get(effect.service);
      try {
        const done = await perform(deps, effect, opts.performTimeoutMs, signal);
        breaker.success();
        performed.push({ effect, ...done });
      } catch (thrown) {
        report(effect.id, effect.kind, await settleFailure(deps, effect, asAppError(thrown), opts.maxAttempts));
      }
    }),
  );

  if (performed.length) {
    // On the service's clock, as everything the digest counts from (an agent's email sent this week).
    const completedAt = deps.now?.() ?? new Date();
    await deps.prisma.$transaction(async (tx) => {
      // Guarded by the attempt number: if our lease lapsed and a later attempt finished, don't overwrite it.
      const rows = await tx.$queryRaw<{ id: string }[]>`
        UPDATE "OutboxEffect" e
        SET status = 'DONE', "externalId" = d."externalId", result = d.result, "lastError" = NULL,
            "claimedUntil" = NULL, "completedAt" = ${completedAt}::timestamptz
        FROM jsonb_to_recordset(${JSON.stringify(
          performed.map(({ effect, outcome }) => ({
            id: effect.id,
            attempts: effect.attempts,
            externalId: outcome.externalId ?? null,
            result: outcome.result ?? {},
          })),
        )}::jsonb) AS d(id uuid, attempts int, "externalId" text, result jsonb)
        WHERE e.id = d.id AND e.attempts = d.attempts AND e.status = 'PENDING'
        RETURNING e.id`;
      const updated = new Set(rows.map((r) => r.id));
      for (const { effect, performer, outcome } of performed) {
        if (updated.has(effect.id)) await performer.onDone?.(tx, effect.payload as never, outcome);
      }
    });
    for (const { effect } of performed) report(effect.id, effect.kind, 'done');
  }
  return refs.map((r) => outcomes.get(r.effectId) ?? 'skipped');
}

async function perform(
  deps: DeliverDeps,
  effect: Claimed,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<{ performer: Performer<unknown>; outcome: PerformOutcome }> {
  if (!isEffectKind(effect.kind)) throw new AppError('EXTERNAL_PERMANENT', `unknown effect kind ${effect.kind}`);
  const performer = deps.performers[effect.kind];
  if (!performer)
    throw new AppError('INTEGRATION_OFF', `${effect.service} is not configured; cannot perform ${effect.kind}`);
  const parsed = ZEffectPayloads[effect.kind].safeParse(effect.payload);
  if (!parsed.success)
    throw new AppError('EXTERNAL_PERMANENT', `invalid ${effect.kind} payload: ${parsed.error.message}`);
  effect.payload = parsed.data;
  const timeout = AbortSignal.timeout(timeoutMs);
  const outcome = await performer.perform({
    id: effect.id,
    idempotencyKey: effect.idempotencyKey,
    payload: parsed.data,
    attempt: effect.attempts,
    previousAttemptAt: effect.previousAttemptAt,
    signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
  });
  return { performer, outcome };
}

async function settleFailure(
  deps: DeliverDeps,
  effect: Claimed,
  err: AppError,
  maxAttempts: number,
): Promise<DeliveryOutcome> {
  const breaker = deps.breakers.get(effect.service);
  if (err.code === 'EXTERNAL_RETRYABLE') breaker.failure();
  else if (err.code === 'EXTERNAL_PERMANENT')
    breaker.success(); // the service answered: it is up
  else breaker.release();
  // An unconfigured integration is not the effect's fault: keep it pending, check back later.
  const retryable = err.retryable || err.code === 'INTEGRATION_OFF';
  // Nor is our own bulkhead being full (the service was never called): that never kills it.
  const counts = err.code !== 'BUSY';
  const log = deps.log.child({ effectId: effect.id, kind: effect.kind, attempt: effect.attempts });
  if (retryable && (effect.attempts < maxAttempts || !counts)) {
    const delay = retryDelayMs(effect.attempts, { retryAfterMs: err.retryAfterMs });
    log.warn({ delayMs: delay, err: err.message }, 'effect failed; will retry');
    await reschedule(deps, effect.id, effect.service, delay, err.message, true);
    return 'retry';
  }
  log.error({ err: err.message }, 'effect is dead');
  await deps.prisma.outboxEffect.update({
    where: { id: effect.id },
    data: { status: 'DEAD', lastError: err.message, claimedUntil: null, completedAt: deps.now?.() ?? new Date() },
  });
  return 'dead';
}

async function claim(prisma: PrismaClient, ids: string[], leaseMs: number): Promise<Claimed[]> {
  // One statement: lock the rows, remember each previous attempt time, bump the attempt.
  return prisma.$queryRaw<Claimed[]>`
    WITH prev AS (
      SELECT id, "lastAttemptAt" FROM "OutboxEffect"
      WHERE id = ANY(${ids}::uuid[]) AND status = 'PENDING' AND ("claimedUntil" IS NULL OR "claimedUntil" < now())
      FOR UPDATE SKIP LOCKED
    )
    UPDATE "OutboxEffect" e
    SET attempts = e.attempts + 1, "lastAttemptAt" = now(),
        "claimedUntil" = now() + ${leaseMs} * interval '1 millisecond'
    FROM prev WHERE e.id = prev.id
    RETURNING e.id, e."idempotencyKey", e.kind, e.service, e.payload, e.attempts,
              prev."lastAttemptAt" AS "previousAttemptAt"`;
}

/**
 * Not claimable: done, dead, or leased by another worker. If that worker is alive it will
 * finish; if it died mid-call, come back when its lease ends so the effect resumes promptly
 * instead of waiting for the sweeper.
 */
async function whyNotClaimed(deps: DeliverDeps, effectId: string): Promise<DeliveryOutcome> {
  const held = await deps.prisma.outboxEffect.findUnique({
    where: { id: effectId },
    select: { status: true, claimedUntil: true, service: true },
  });
  if (held?.status !== 'PENDING' || !held.claimedUntil) return 'skipped';
  const at = new Date(held.claimedUntil.getTime() + 100);
  await enqueue(
    deps.boss,
    undefined,
    'outbox.deliver',
    { effectId, service: held.service },
    { startAfter: at, singletonKey: `lease:${effectId}:${at.getTime()}` },
  );
  return 'deferred';
}

async function reschedule(
  deps: DeliverDeps,
  effectId: string,
  service: string | undefined,
  delayMs: number,
  reason: string,
  releaseClaim: boolean,
): Promise<void> {
  const delay = Math.max(0, Math.ceil(delayMs));
  const at = new Date((deps.now ?? (() => new Date()))().getTime() + delay);
  await deps.prisma.$transaction(async (tx) => {
    await tx.outboxEffect.update({
      where: { id: effectId },
      data: { nextAttemptAt: at, lastError: reason, ...(releaseClaim ? { claimedUntil: null } : {}) },
    });
    // A delay, not an instant: pg-boss measures it on the database's clock, `at` is on ours.
    await enqueue(deps.boss, tx, 'outbox.deliver', { effectId, service }, { startAfter: Math.ceil(delay / 1000) });
  });
}

/**
 * Re-enqueues effects that are due but have no live job (their job was dead-lettered, or
 * a deploy dropped it between retries). Runs every minute from a pg-boss schedule. Due is
 * on the service's clock (`now`), as holds and retries are set on it; leases stay on the
 * database's.
 */
export async function sweepOutbox(
  { prisma, boss, now = () => new Date() }: Pick<DeliverDeps, 'prisma' | 'boss' | 'now'>,
  { graceSeconds = 60 } = {},
): Promise<number> {
  const due = await prisma.$queryRaw<{ id: string; service: string }[]>`
    SELECT id, service FROM "OutboxEffect"
    WHERE status = 'PENDING' AND "nextAttemptAt" < ${now()}::timestamptz - ${graceSeconds} * interval '1 second'
      AND ("claimedUntil" IS NULL OR "claimedUntil" < now())
    ORDER BY "nextAttemptAt" LIMIT 500`;
  for (const { id, service } of due) {
    await enqueue(
      boss,
      undefined,
      'outbox.deliver',
      { effectId: id, service },
      { singletonKey: id, singletonSeconds: 60 },
    );
  }
  return due.length;
}
