import type { WebClient } from '@slack/web-api';
import type { PrismaClient } from '../../src/db/prisma.js';
import type { Boss } from '../../src/jobs/boss.js';
import type { JobDeps } from '../../src/jobs/definition.js';
import { registerWorkers } from '../../src/jobs/register-workers.js';
import { createMetrics } from '../../src/metrics.js';
import { createPerformers, type GoogleDeps } from '../../src/outbox/performers/index.js';
import type { AvailabilitySource } from '../../src/services/scheduling/availability.js';
import { BreakerRegistry } from '../../src/resilience/circuit-breaker.js';
import { silentLog } from './boss.js';

/** The same job deps compose.ts builds, for a test's database; `poolSize` is the Prisma pool's, as there. */
export function jobDeps({
  prisma,
  boss,
  slack,
  google,
  availability,
  ai,
  now = () => new Date(),
  poolSize,
}: {
  prisma: PrismaClient;
  boss: Boss;
  slack?: WebClient;
  google?: GoogleDeps;
  availability?: AvailabilitySource;
  ai?: JobDeps['ai'];
  now?: () => Date;
  poolSize?: number;
}): JobDeps {
  const breakers = new BreakerRegistry();
  const metrics = createMetrics({ prisma, boss, breakers });
  return {
    prisma,
    boss,
    log: silentLog,
    metrics,
    slackEnabled: !!slack,
    slack,
    deliver: {
      prisma,
      boss,
      breakers,
      performers: createPerformers({ slack, prisma, google, boss, poolSize }),
      log: silentLog,
    },
    google,
    availability,
    ai,
    now,
  };
}

export async function startWorkers(deps: JobDeps, { concurrency = 2 } = {}): Promise<void> {
  await registerWorkers(deps, { concurrency });
}

/** Polls until `check` passes (or times out): tests wait on state, never on sleeps. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false>,
  { timeoutMs = 10_000, everyMs = 25 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
