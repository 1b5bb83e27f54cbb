// npm run bench: figures for the README. Not a test; nothing here fails on a timing.
// Runs against DATABASE_URL's server (in a database of its own) or an embedded Postgres
// with default durability, like `npm start`. Each figure is measured beside the best
// alternative in the same run, and the ratio printed.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { PgBoss } from 'pg-boss';
import { createPrisma, type PrismaClient } from '../../src/db/prisma.js';
import { resolveDatabase } from '../../src/db/resolve-database.js';
import { createBoss, ensureQueues, type Boss } from '../../src/jobs/boss.js';
import { createLogger } from '../../src/logger.js';
import { recordEffect } from '../../src/outbox/record-effect.js';
import { moveApplication } from '../../src/services/pipeline/move-application.js';
import { jobDeps, startWorkers } from '../setup/workers.js';
import { benchAck, benchSearch } from './slack-bench.js';
import { benchSlots } from './slot-bench.js';
import { benchIntake } from './intake-bench.js';
import { machineMarkerMs } from './machine-marker.js';
import { benchAgent } from './agent-bench.js';
import { benchDebrief } from './debrief-bench.js';
import { benchDigestChart } from './digest-bench.js';
import { benchReadPaths } from './read-paths.js';
import { benchStart } from './start-bench.js';
import { freshDatabase } from '../setup/fresh-database.js';
import { countRoundTrips, resetRoundTrips, roundTripReport } from './round-trips.js';

const log = createLogger({ level: 'silent' });
const only = process.argv[2];

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
function summary(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, p50: pct(s, 50), p95: pct(s, 95), p99: pct(s, 99), max: s.at(-1)! };
}
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
const now = () => performance.now();

async function seedApplications(prisma: PrismaClient, n: number): Promise<string[]> {
  const role = await prisma.role.create({
    data: { title: 'Bench', stages: { create: [{ position: 0, name: 'Call', durationMinutes: 30 }] } },
  });
  const ids: string[] = [];
  for (let i = 0; i < n; i += 500) {
    const batch = Array.from({ length: Math.min(500, n - i) }, (_, j) => {
      const email = `bench.${i + j}.${Date.now()}@example.com`;
      return { email, displayEmail: email, name: `Bench ${i + j}` };
    });
    const candidates = await prisma.candidate.createManyAndReturn({ data: batch, select: { id: true } });
    const apps = await prisma.application.createManyAndReturn({
      data: candidates.map((c) => ({ candidateId: c.id, roleId: role.id })),
      select: { id: true },
    });
    ids.push(...apps.map((a) => a.id));
  }
  return ids;
}

/** A stage change with its event row and jobs, against a bare UPDATE of the stage. */
async function benchTransitions(prisma: PrismaClient, boss: Boss) {
  const n = 1000;
  const ids = await seedApplications(prisma, n * 2);
  for (const id of ids.slice(0, 50))
    await moveApplication(
      { prisma, boss },
      { applicationId: id, command: { type: 'advance' }, actor: { type: 'SYSTEM' } },
    ); // warm-up
  const full: number[] = [];
  for (const id of ids.slice(50, 50 + n)) {
    const t = now();
    await moveApplication(
      { prisma, boss },
      { applicationId: id, command: { type: 'advance' }, actor: { type: 'SYSTEM' } },
    );
    full.push(now() - t);
  }
  const bare: number[] = [];
  for (const id of ids.slice(n + 50, 2 * n + 50)) {
    const t = now();
    await prisma.$executeRaw`
      UPDATE "Application" SET stage = 'SCREENING', version = version + 1 WHERE id = ${id}::uuid`;
    bare.push(now() - t);
  }
  return { full: summary(full), bare: summary(bare) };
}

/** Time from send() to the handler starting, with LISTEN/NOTIFY against pg-boss's default polling. */
async function benchPickup(url: string, { notify, jobs }: { notify: boolean; jobs: number }) {
  const boss = new PgBoss({
    connectionString: url,
    useListenNotify: notify,
    schedule: false,
    supervise: false,
    registerInstance: false,
  });
  await boss.start();
  const queue = `bench-pickup-${notify ? 'notify' : 'poll'}`;
  await boss.createQueue(queue, { notify });
  const latencies: number[] = [];
  let resolveOne: (() => void) | undefined;
  await boss.work<{ sentAt: number }>(
    queue,
    { pollingIntervalSeconds: 2, notifyPollingIntervalSeconds: 30 },
    async ([job]) => {
      latencies.push(Date.now() - job!.data.sentAt);
      resolveOne?.();
    },
  );
  for (let i = 0; i < jobs; i++) {
    const done = new Promise<void>((r) => (resolveOne = r));
    await boss.send(queue, { sentAt: Date.now() });
    await done;
    await new Promise((r) => setTimeout(r, 5 + Math.random() * 20)); // arrivals spread out, as in life
  }
  await boss.stop({ graceful: false, close: true });
  return summary(latencies);
}

/** Effects per second from the outbox to a local HTTP sink, against calling the sink directly. */
async function benchOutbox(prisma: PrismaClient, boss: Boss) {
  const n = 5000;
  const keys = new Set<string>();
  let hits = 0;
  const sink = createServer((req, res) => {
    hits++;
    keys.add(String(req.headers['idempotency-key']));
    req.resume();
    req.on('end', () => res.writeHead(204).end());
  });
  await new Promise<void>((r) => sink.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(sink.address() as AddressInfo).port}/hook`;

  // Direct: the same number of POSTs with the same parallelism, no database at all.
  const parallel = 80;
  let next = 0;
  let t = now();
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < n) {
        next++;
        const res = await fetch(url, {
          method: 'POST',
          body: '{}',
          headers: { 'content-type': 'application/json', 'idempotency-key': `direct-${next}` },
        });
        await res.body?.cancel();
      }
    }),
  );
  const directPerSec = n / ((now() - t) / 1000);
  hits = 0;
  keys.clear();

  const runId = Date.now();
  for (let i = 0; i < n; i += 250) {
    await prisma.$transaction(async (tx) => {
      for (let j = i; j < Math.min(n, i + 250); j++) {
        await recordEffect(
          { tx, boss },
          { kind: 'webhook.post', idempotencyKey: `bench:${runId}:${j}`, payload: { url, body: { j } } },
        );
      }
    });
  }
  t = now();
  // WORKER_CONCURRENCY's default: 4 workers on the queue, each working 20-job batches.
  await startWorkers(jobDeps({ prisma, boss }), { concurrency: 4 });
  for (;;) {
    const rows = await prisma.$queryRaw<
      { pending: number }[]
    >`SELECT count(*)::int AS pending FROM "OutboxEffect" WHERE status = 'PENDING'`;
    if (rows[0]?.pending === 0) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const outboxPerSec = n / ((now() - t) / 1000);
  sink.close();
  return { n, directPerSec, outboxPerSec, hits, unique: keys.size };
}

if (!only || only === 'debrief') {
  console.log('## Debrief synthesis, six-person panel, eight competencies (real code, Anthropic fake)');
  console.log('| model | model calls | input | cache read | cache written | output | cost per debrief |');
  console.log('|---|---|---|---|---|---|---|');
  const rows = await benchDebrief();
  for (const r of rows)
    console.log(
      `| ${r.model} | ${r.calls.toFixed(1)} | ${r.input.toFixed(0)} | ${r.cacheRead.toFixed(0)} | ` +
        `${r.cacheWrite.toFixed(0)} | ${r.output.toFixed(0)} | $${r.cost.toFixed(4)} |`,
    );
  if (rows.length === 2)
    console.log(`\nThe smart model costs ${(rows[0]!.cost / rows[1]!.cost).toFixed(1)}× the fast one.`);
  console.log();
  if (only === 'debrief') process.exit(0);
}

if (!only || only === 'digest') {
  console.log('## Weekly digest chart (ECharts SVG → resvg PNG, 1600×840)');
  const r = await benchDigestChart();
  console.log('| first drawing (imports ECharts) | SVG | PNG, machine fonts | PNG, no fonts | PNG size |');
  console.log('|---|---|---|---|---|');
  console.log(
    `| ${ms(r.firstMs)} | ${ms(r.svgMs)} | ${ms(r.pngMs)} | ${ms(r.bareMs)} | ${(r.bytes / 1024).toFixed(0)} KB |`,
  );
  console.log(`\nMeans of ${r.n} drawings after the first.\n`);
  if (only === 'digest') process.exit(0);
}

// Only when named: it deletes dist/ for its cold start.
if (only === 'start') {
  const r = await benchStart();
  const s = (x: number) => `${(x / 1000).toFixed(2)} s`;
  const warm = r.warm.map((w) => w.readyMs).sort((a, b) => a - b);
  console.log('## npm start to /readyz (embedded Postgres, no integrations), and Ctrl-C to exit');
  console.log('| start | ready | stopped after |');
  console.log('|---|---|---|');
  console.log(`| cold (no dist/, fresh data directory) | ${s(r.cold.readyMs)} | ${s(r.cold.stopMs)} |`);
  for (const w of r.warm) console.log(`| warm | ${s(w.readyMs)} | ${s(w.stopMs)} |`);
  console.log(`| one source touched (incremental build) | ${s(r.touched.readyMs)} | ${s(r.touched.stopMs)} |`);
  console.log(`\nWarm: median ${s(warm[Math.floor(warm.length / 2)]!)}, worst ${s(warm.at(-1)!)}.\n`);
  process.exit(0);
}

if (!only || only === 'slots') {
  console.log('## Slot engine (pure; one computation = prepare + search + rank)');
  console.log(
    '| input | possible times | engine p50 | engine p95 | incl. JSON parse p95 | naive scan p50 | ratio p50 |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const r of benchSlots()) {
    console.log(
      `| ${r.label} | ${r.possible} | ${ms(r.engine.p50)} | ${ms(r.engine.p95)} | ${ms(r.withParse.p95)} | ` +
        `${ms(r.naive.p50)} | ${(r.naive.p50 / r.engine.p50).toFixed(0)}× |`,
    );
  }
  console.log();
  if (only === 'slots') process.exit(0);
}

// BENCH_PG_STAT=1: the intake bench also prints the statements Postgres spent its time on.
// BENCH_ROUND_TRIPS=1: and the statements it sent, per message.
// BENCH_PG_LOG=1: the embedded server logs what can stall a request (slow statements,
// autovacuum, checkpoints, lock waits) to stderr, to line up with a latency tail.
const statementStats = !!process.env.BENCH_PG_STAT;
const logStalls = !!process.env.BENCH_PG_LOG;
const db = await resolveDatabase({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: '.data/pg-bench',
  log: logStalls ? (line) => console.error(new Date().toISOString(), line) : () => {},
  statementStats,
  logStalls,
});
try {
  const url = await freshDatabase(db.url, 'justin_bench');
  const poolSize = Number(process.env.BENCH_POOL ?? 20);
  const prisma = createPrisma(url, { max: poolSize });
  const boss = createBoss({ databaseUrl: url, log, schedule: false, max: 20 });
  await boss.start();
  await ensureQueues(boss);
  console.log(`# Justin benchmarks — ${new Date().toISOString()}`);
  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB; node ` +
      `${process.version}; ${db.embedded ? 'embedded' : 'external'} PostgreSQL ` +
      `${
        (await prisma.$queryRaw<{ v: string }[]>`SELECT current_setting('server_version') AS v`)[0]!.v.split(' ')[0]
      }\n`,
  );

  if (!only || only === 'transition') {
    const r = await benchTransitions(prisma, boss);
    console.log('## Stage transition (row update + event row + jobs, one transaction)');
    console.log(`moveApplication: p50 ${ms(r.full.p50)}, p95 ${ms(r.full.p95)}, p99 ${ms(r.full.p99)} (n=${r.full.n})`);
    console.log(`bare UPDATE:     p50 ${ms(r.bare.p50)}, p95 ${ms(r.bare.p95)}, p99 ${ms(r.bare.p99)}`);
    console.log(`ratio p50: ${(r.full.p50 / r.bare.p50).toFixed(1)}× the bare update\n`);
  }
  if (!only || only === 'pickup') {
    const notify = await benchPickup(url, { notify: true, jobs: 300 });
    const poll = await benchPickup(url, { notify: false, jobs: 25 });
    console.log('## Enqueue → handler start');
    console.log(
      `LISTEN/NOTIFY:         p50 ${ms(notify.p50)}, p95 ${ms(notify.p95)}, max ${ms(notify.max)} (n=${notify.n})`,
    );
    console.log(`polling (2 s default): p50 ${ms(poll.p50)}, p95 ${ms(poll.p95)}, max ${ms(poll.max)} (n=${poll.n})`);
    console.log(`ratio p95: polling is ${(poll.p95 / Math.max(notify.p95, 0.01)).toFixed(0)}× slower\n`);
  }
  if (!only || only === 'outbox') {
    const r = await benchOutbox(prisma, boss);
    console.log('## Outbox throughput (webhook effects to a local HTTP sink)');
    console.log(
      `through the outbox: ${r.outboxPerSec.toFixed(0)} effects/s (${r.n} effects; sink saw ${r.hits} requests, ` +
        `${r.unique} distinct keys)`,
    );
    console.log(`direct fetch, same parallelism, no database: ${r.directPerSec.toFixed(0)} requests/s`);
    console.log(
      `ratio: the outbox delivers at ${((r.outboxPerSec / r.directPerSec) * 100).toFixed(0)}% of the direct rate\n`,
    );
  }
  if (!only || only === 'ack') {
    const rows = await benchAck(prisma, url);
    console.log(
      '## Slack ack latency (signed slash commands and button clicks, open loop, loopback; the service built and run ' +
        'as `npm start` runs it, the load from a third process; 10,000 candidates)',
    );
    console.log(
      '| command | rate | p50 | p99 | max | non-200 | service: p99 inside Fastify | service: over 50 ms ' +
        '| service: worst event-loop delay | generator: worst event-loop delay | machine CPU busy |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|---|---|');
    for (const r of rows) {
      const s = r.server;
      console.log(
        `| ${r.command} | ${r.rate}/s | ${ms(r.latency.p50)} | ${ms(r.latency.p99)} | ${ms(r.latency.max)} | ` +
          `${r.errors} | ≤ ${ms(s.p99AtMostMs)} | ${s.over50} | ${ms(s.loopLagMaxMs)} | ` +
          `${ms(r.generatorLagMaxMs)} | ${(r.machineBusy * 100).toFixed(0)}% |`,
      );
    }
    console.log();
  }
  if (!only || only === 'search') {
    const rows = await benchSearch(prisma);
    console.log(
      '## /candidate search (trigrams over the word list, then exact words through GIN) against ILIKE %…% ' +
        '(sequential scan, finds no typos)',
    );
    console.log('| candidates | search p50 | search p95 | ILIKE p50 | ILIKE p95 | ratio p95 |');
    console.log('|---|---|---|---|---|---|');
    for (const r of rows) {
      console.log(
        `| ${r.size.toLocaleString('en')} | ${ms(r.trigram.p50)} | ${ms(r.trigram.p95)} | ${ms(r.ilike.p50)} | ` +
          `${ms(r.ilike.p95)} | ${(r.ilike.p95 / r.trigram.p95).toFixed(1)}× |`,
      );
    }
    console.log();
  }
  if (!only || only === 'reads') {
    const rows = await benchReadPaths(prisma, url);
    console.log(
      '## One read of 50 rows, three ways on one pool (each in its own process, twice, alternating; 10,000 reads a ' +
        'run)',
    );
    console.log(
      '| way | CPU per query | scavenges per 1,000 queries | pause per scavenge | old generation growth per query |',
    );
    console.log('|---|---|---|---|---|');
    const base = rows[0]!;
    for (const r of rows) {
      console.log(
        `| ${r.way} | ${r.cpuUsPerQuery.toFixed(0)} µs (${(r.cpuUsPerQuery / base.cpuUsPerQuery).toFixed(1)}×) | ` +
          `${r.scavengesPer1000.toFixed(1)} | ${ms(r.msPerScavenge)} | ${r.oldGrowthKbPerQuery.toFixed(1)} KB |`,
      );
    }
    console.log();
  }
  if (!only || only === 'intake') {
    if (statementStats) {
      await prisma.$executeRawUnsafe('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
      await prisma.$executeRawUnsafe('SELECT pg_stat_statements_reset()');
    }
    if (process.env.BENCH_ROUND_TRIPS) {
      countRoundTrips();
      resetRoundTrips();
    }
    const marker = await machineMarkerMs();
    const r = await benchIntake(prisma, boss, {
      messages: Number(process.env.BENCH_INTAKE_MESSAGES ?? 10_000),
      poolSize,
    });
    if (statementStats) {
      console.log(
        'Postgres time by statement (ms, calls; nested statements, such as triggers, also count inside their caller):',
      );
      const top = await prisma.$queryRawUnsafe<{ q: string; calls: bigint; ms: number; rows: bigint }[]>(
        "SELECT left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS q, calls, " +
          'round(total_exec_time::numeric, 0)::float8 AS ms, rows ' +
          'FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 30',
      );
      for (const t of top) console.log(String(t.ms).padStart(7), String(t.calls).padStart(7), t.q);
      const all = await prisma.$queryRawUnsafe<{ ms: number; calls: bigint }[]>(
        `SELECT round(sum(total_exec_time)::numeric,0)::float8 AS ms, sum(calls) AS calls FROM pg_stat_statements`,
      );
      console.log('TOTAL', all[0]);
    }
    if (process.env.BENCH_ROUND_TRIPS) console.log(roundTripReport(r.messages).join('\n'));
    console.log(
      '## Intake (raw MIME with a PDF CV → application, candidate, thread, stored CV, its text and a Claude profile ' +
        'from a local fake; 8 workers)',
    );
    console.log(
      `${r.messages.toLocaleString('en')} messages in ${r.seconds.toFixed(1)} s: ${r.perSecond.toFixed(0)} ` +
        `messages/s (storing the raw mail alone: ${r.receiveSeconds.toFixed(1)} s; ${r.claudeCalls} model calls)`,
    );
    console.log(
      'process RSS (MB) at so many messages processed: ' +
        `${r.memory.map((m) => `${m.processed}: ${m.rssMb}`).join(' → ')}`,
    );
    console.log(`V8 heap in use (MB), same moments: ${r.memory.map((m) => m.heapMb).join(' → ')}`);
    const c = r.cpu;
    console.log(
      `CPU per message: ${c.processMs.toFixed(1)} ms in the bench process ` +
        `(the workers; ${c.mainThreadMs.toFixed(1)} ms on its JavaScript thread), ` +
        `${c.postgresMs === null ? 'Postgres not local' : `${c.postgresMs.toFixed(1)} ms in Postgres`}, ` +
        `${c.fakesMs === null ? '?' : c.fakesMs.toFixed(1)} ms in the fakes of Slack and Claude; the machine ` +
        `${(c.machineBusy * 100).toFixed(0)} % busy`,
    );
    const total = c.processMs + (c.postgresMs ?? 0) + (c.fakesMs ?? 0);
    console.log(
      `machine marker (machine-marker.ts: one bench message's MIME and CV text read alone): ${marker.toFixed(2)} ms ` +
        `of CPU; a message's CPU in all is ${(total / marker).toFixed(1)} markers`,
    );
    console.log();
  }
  if (!only || only === 'agent') {
    const rows = await benchAgent(prisma, boss, { interviews: Number(process.env.BENCH_AGENT_INTERVIEWS ?? 10) });
    console.log(
      '## Scheduling agent per scheduled interview (scripted conversations, real code, Anthropic fake with ' +
        'prompt-cache accounting)',
    );
    console.log(
      '| scenario | model calls | input (uncached) | cache read | cache written | output | cost ' +
        '| cost without prompt cache | cached share of input after the first call | approval click → Gmail p50 / max |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|---|');
    for (const r of rows) {
      const l = r.approvalToGmailMs;
      console.log(
        `| ${r.scenario} | ${r.callsPerInterview.toFixed(1)} | ${r.tokens.input.toFixed(0)} | ` +
          `${r.tokens.cacheRead.toFixed(0)} | ${r.tokens.cacheWrite.toFixed(0)} | ${r.tokens.output.toFixed(0)} | ` +
          `$${r.costPerInterview.toFixed(4)} | ` +
          `$${r.costWithoutCache.toFixed(4)} (${(r.costWithoutCache / r.costPerInterview).toFixed(1)}×) | ` +
          `${(r.cachedShareAfterFirst * 100).toFixed(0)}% | ` +
          `${ms(l[Math.floor(l.length / 2)]!)} / ${ms(l.at(-1)!)} |`,
      );
    }
    console.log();
  }
  await boss.stop({ graceful: false, close: true });
  await prisma.$disconnect();
} finally {
  await db.stop();
}
process.exit(0);
