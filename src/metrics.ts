import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { PrismaClient } from './db/prisma.js';
import type { Boss } from './jobs/boss.js';
import { outboxCounts } from './outbox/outbox-counts.js';
import type { BreakerRegistry } from './resilience/circuit-breaker.js';

const BREAKER_LEVEL = { closed: 0, half_open: 1, open: 2 } as const;

export type Metrics = ReturnType<typeof createMetrics>;

/**
 * Prometheus metrics. Counters are bumped where things happen; gauges that describe the
 * database (queue depths, outbox states) are read when /metrics is scraped, not on a timer.
 */
export function createMetrics({
  prisma,
  boss,
  breakers,
}: {
  prisma: PrismaClient;
  boss: Boss | undefined;
  breakers: BreakerRegistry;
}) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'justin_process_' });

  const httpDuration = new Histogram({
    name: 'justin_http_request_duration_seconds',
    help: 'HTTP request latency by route',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const jobOutcomes = new Counter({
    name: 'justin_job_outcomes_total',
    help: 'Jobs handled by this process, by queue and outcome',
    labelNames: ['queue', 'outcome'],
    registers: [registry],
  });
  const outboxDeliveries = new Counter({
    name: 'justin_outbox_deliveries_total',
    help: 'Outbox delivery attempts by kind and outcome',
    labelNames: ['kind', 'outcome'],
    registers: [registry],
  });
  new Gauge({
    name: 'justin_queue_jobs',
    help: 'Jobs per queue and state',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      if (!boss) return;
      this.reset();
      for (const q of await boss.getQueues()) {
        this.set({ queue: q.name, state: 'ready' }, q.readyCount);
        this.set({ queue: q.name, state: 'deferred' }, q.deferredCount);
        this.set({ queue: q.name, state: 'active' }, q.activeCount);
        this.set({ queue: q.name, state: 'failed' }, q.failedCount);
      }
    },
  });
  new Gauge({
    name: 'justin_outbox_effects',
    help: 'Outbox effects by status',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      this.reset();
      const counts = await outboxCounts(prisma);
      for (const status of ['PENDING', 'DONE', 'DEAD', 'CANCELLED']) this.set({ status }, counts[status] ?? 0);
    },
  });
  new Gauge({
    name: 'justin_circuit_breaker_state',
    help: 'Circuit breaker per service: 0 closed, 1 half-open, 2 open',
    labelNames: ['service'],
    registers: [registry],
    collect() {
      this.reset();
      for (const b of breakers.snapshot()) this.set({ service: b.service }, BREAKER_LEVEL[b.state]);
    },
  });

  return { registry, httpDuration, jobOutcomes, outboxDeliveries };
}
