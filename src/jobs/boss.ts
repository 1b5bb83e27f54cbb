import { PgBoss, fromPrisma, type SendOptions } from 'pg-boss';
import type { Logger } from '../logger.js';
import type { Tx } from '../db/prisma.js';
import { DEAD_LETTER_QUEUE, QUEUES, SCHEDULES, type JobPayloads, type QueueName } from './queues.js';

export type Boss = PgBoss;

/** A pg-boss instance on its own pool, with LISTEN/NOTIFY so jobs start within milliseconds. */
export function createBoss({
  databaseUrl,
  log,
  schedule = true,
  max = 10,
}: {
  databaseUrl: string;
  log: Logger;
  schedule?: boolean;
  max?: number;
}): Boss {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    max,
    useListenNotify: true,
    // Only one kind of process should run the cron clock; web-only processes don't.
    schedule,
    application_name: 'justin-boss',
  });
  boss.on('error', (err) => log.error({ err }, 'pg-boss error'));
  boss.on('warning', (w) => log.warn({ warning: w }, 'pg-boss warning'));
  return boss;
}

/** Creates or updates every queue (dead-letter first: the others point at it), then the schedules. */
export async function ensureQueues(boss: Boss): Promise<void> {
  const existing = new Set((await boss.getQueues()).map((q) => q.name));
  const names = [DEAD_LETTER_QUEUE, ...Object.keys(QUEUES).filter((n) => n !== DEAD_LETTER_QUEUE)] as QueueName[];
  for (const name of names) {
    const { policy, ...options } = QUEUES[name];
    if (existing.has(name)) {
      const { partition: _p, deadLetter, retryDelayMax: _r, heartbeatSeconds: _h, ...updatable } = options;
      await boss.updateQueue(name, { ...updatable, deadLetter: deadLetter ?? null });
    } else {
      await boss.createQueue(name, { ...options, ...(policy ? { policy } : {}) });
    }
  }
}

export async function ensureSchedules(boss: Boss): Promise<void> {
  for (const { queue, cron } of SCHEDULES) await boss.schedule(queue, cron, {}, { tz: 'UTC' });
}

/**
 * Sends a job inside the caller's Prisma transaction, so it exists only if the state change
 * that causes it commits (pg-boss runs its INSERT through the transaction).
 */
export function enqueue<Q extends QueueName>(
  boss: Boss,
  tx: Tx | undefined,
  queue: Q,
  data: JobPayloads[Q],
  options: SendOptions = {},
): Promise<string | null> {
  return boss.send(queue, data, tx ? { ...options, db: fromPrisma(tx) } : options);
}

/**
 * Many jobs of one queue in one INSERT, inside the caller's transaction (see `enqueue`). The
 * queue's own retry and expiry settings apply, as for `send`.
 */
export async function enqueueMany<Q extends QueueName>(
  boss: Boss,
  tx: Tx,
  queue: Q,
  payloads: JobPayloads[Q][],
): Promise<void> {
  if (payloads.length === 0) return;
  await boss.insert(
    queue,
    payloads.map((data) => ({ data })),
    { db: fromPrisma(tx) },
  );
}
