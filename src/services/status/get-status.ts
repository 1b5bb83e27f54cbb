import { howToEnable, type Config } from '../../config.js';
import type { PrismaClient } from '../../db/prisma.js';
import type { Boss } from '../../jobs/boss.js';
import { DEAD_LETTER_QUEUE } from '../../jobs/queues.js';
import { outboxCounts } from '../../outbox/outbox-counts.js';
import type { BreakerRegistry, BreakerState } from '../../resilience/circuit-breaker.js';
import type { Probe } from './probe.js';

export type IntegrationStatus = {
  name: string;
  configured: boolean;
  probe: Probe;
  howToEnable: string[];
  /** Google over OAuth only: whether an admin has connected the mailbox yet (/hire connect google). */
  connected?: boolean;
};

export type Status = {
  role: Config['role'];
  /** The .env file the settings came from (with the environment over it), or undefined for the environment alone. */
  envFile: string | undefined;
  database: Probe;
  migrations: { applied: number; expected: number };
  queue: Probe;
  ready: boolean;
  integrations: IntegrationStatus[];
  outbox: Record<string, number>;
  queues: { name: string; ready: number; active: number; deferred: number; failed: number }[];
  deadLetters: number;
  breakers: { service: string; state: BreakerState }[];
};

export type StatusDeps = {
  config: Config;
  prisma: PrismaClient;
  boss: Boss;
  bossStarted: () => boolean;
  breakers: BreakerRegistry;
  expectedMigrations: number;
  probes: {
    slack?: () => Promise<Probe>;
    anthropic?: () => Promise<Probe>;
    calendar?: () => Promise<Probe>;
    gmail?: () => Promise<Probe>;
  };
};

const off: Probe = { state: 'off', detail: 'not configured' };

/** Everything /readyz and the status page report. */
export async function getStatus(deps: StatusDeps, { deep = true }: { deep?: boolean } = {}): Promise<Status> {
  const { config, prisma, boss } = deps;
  let database: Probe;
  let applied = 0;
  try {
    const rows = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    applied = rows[0]?.n ?? 0;
    database = { state: 'ok', detail: 'reachable' };
  } catch (err) {
    database = { state: 'failing', detail: (err as Error).message.split('\n')[0] ?? 'unreachable' };
  }
  const queue: Probe = deps.bossStarted()
    ? { state: 'ok', detail: 'started' }
    : { state: 'failing', detail: 'not started' };
  const ready = database.state === 'ok' && applied >= deps.expectedMigrations && queue.state === 'ok';
  const base = {
    role: config.role,
    envFile: config.envFile,
    database,
    migrations: { applied, expected: deps.expectedMigrations },
    queue,
    ready,
  };
  if (!deep || database.state !== 'ok') {
    return { ...base, integrations: [], outbox: {}, queues: [], deadLetters: 0, breakers: deps.breakers.snapshot() };
  }

  const [slack, anthropic, calendar, gmail, outbox, allQueues, googleConnected] = await Promise.all([
    deps.probes.slack?.() ?? off,
    deps.probes.anthropic?.() ?? off,
    deps.probes.calendar?.() ?? off,
    deps.probes.gmail?.() ?? off,
    outboxCounts(prisma),
    queue.state === 'ok' ? boss.getQueues() : Promise.resolve([]),
    config.google?.oauth
      ? prisma.googleCredential.count({ where: { subject: config.google.mailbox.toLowerCase() } }).then((n) => n > 0)
      : Promise.resolve(undefined),
  ]);
  // pg-boss's own queues (__pgboss__send-it …) are its plumbing, not Justin's work.
  const queues = allQueues.filter((q) => !q.name.startsWith('__pgboss__'));
  // Both Google services are checked live; the row fails if either does, and is still checking if either is.
  const google: Probe = config.google
    ? {
        state: [calendar.state, gmail.state].includes('failing')
          ? 'failing'
          : [calendar.state, gmail.state].includes('unchecked')
            ? 'unchecked'
            : 'ok',
        detail: `${gmail.detail} · ${calendar.detail}`,
        ...(gmail.checkedAt ? { checkedAt: gmail.checkedAt } : {}),
      }
    : off;
  return {
    ...base,
    integrations: [
      { name: 'Slack', configured: !!config.slack, probe: slack, howToEnable: howToEnable('slack') },
      {
        name: 'Gmail and Google Calendar',
        configured: !!config.google,
        probe: google,
        howToEnable: howToEnable('google'),
        ...(googleConnected === undefined ? {} : { connected: googleConnected }),
      },
      {
        name: 'Anthropic (Claude)',
        configured: !!config.anthropic,
        probe: anthropic,
        howToEnable: howToEnable('anthropic'),
      },
    ],
    outbox,
    queues: queues.map((q) => ({
      name: q.name,
      ready: q.readyCount,
      active: q.activeCount,
      deferred: q.deferredCount,
      failed: q.failedCount,
    })),
    deadLetters: queues.find((q) => q.name === DEAD_LETTER_QUEUE)?.totalCount ?? 0,
    breakers: deps.breakers.snapshot(),
  };
}
