// Slack-facing figures: ack latency of signed slash commands under load, and /candidate
// search latency as the candidate table grows.
import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import { childJson } from './child-json.js';
import type { PrismaClient } from '../../src/db/prisma.js';
import { searchCandidates } from '../../src/services/candidates/search-candidates.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { SIGNING_SECRET } from '../setup/slack.js';

type Summary = { n: number; p50: number; p95: number; p99: number; max: number };

function summary(samples: number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
  return { n: s.length, p50: at(50), p95: at(95), p99: at(99), max: s.at(-1)! };
}

const FIRST = [
  'ada',
  'grace',
  'alan',
  'katherine',
  'edsger',
  'barbara',
  'donald',
  'margaret',
  'linus',
  'radia',
  'ken',
  'frances',
  'john',
  'hedy',
  'tim',
  'sophie',
  'dennis',
  'anita',
  'guido',
  'shafi',
];
const LAST = [
  'lovelace',
  'hopper',
  'turing',
  'johnson',
  'dijkstra',
  'liskov',
  'knuth',
  'hamilton',
  'torvalds',
  'perlman',
  'thompson',
  'allen',
  'mccarthy',
  'lamarr',
  'berners-lee',
  'wilson',
  'ritchie',
  'borg',
  'van rossum',
  'goldwasser',
];
// Surnames built from syllables: ~50,000 distinct ones, as a real candidate pool has. One row
// in ten carries a famous surname, so those queries have thousands of true matches.
const SYLLABLES = [
  'ka',
  'ri',
  'mo',
  'na',
  'lee',
  'sen',
  'do',
  'vi',
  'ta',
  'rosa',
  'bern',
  'stein',
  'ko',
  'wal',
  'ski',
  'mar',
  'tin',
  'ez',
  'pa',
  'tel',
  'gu',
  'yen',
  'o',
  'bri',
  'en',
  'sch',
  'mid',
  'ha',
  'shi',
  'mo',
  'to',
  'ng',
  'uy',
  'al',
  'var',
  'dez',
  'lin',
]
  .map((x) => `'${x}'`)
  .join(',');
const SKILLS = [
  'typescript',
  'postgres',
  'kubernetes',
  'rust',
  'react',
  'python',
  'go',
  'terraform',
  'kafka',
  'swift',
  'figma',
  'sales',
  'recruiting',
  'design',
  'ml',
];

/** Grows the Candidate table to `total` rows of plausible names, emails and skills, in SQL. */
async function growCandidates(prisma: PrismaClient, from: number, total: number): Promise<void> {
  if (from >= total) return;
  const lastNames = `(ARRAY[${LAST.map((l) => `'${l}'`).join(',')}])`;
  const syl = `(ARRAY[${SYLLABLES}])`;
  for (let start = from; start < total; start += 100_000) {
    const end = Math.min(total, start + 100_000);
    await prisma.$executeRawUnsafe(`
      INSERT INTO "Candidate" (id, email, "displayEmail", name, "searchText", "updatedAt")
      SELECT gen_random_uuid(), e, e, n, lower(n || ' ' || e || ' ' || s), now()
      FROM (
        SELECT g,
          (ARRAY[${FIRST.map((f) => `'${f}'`).join(',')}])[1 + g % ${FIRST.length}] || ' ' ||
          CASE WHEN g % 10 = 0 THEN ${lastNames}[1 + (g / ${FIRST.length}) % ${LAST.length}]
               ELSE ${syl}[1 + g % 37] || ${syl}[1 + (g / 37) % 37] || ${syl}[1 + (g / 1369) % 37] END AS n,
          'cand' || g || '@example.com' AS e,
          (ARRAY[${SKILLS.map((k) => `'${k}'`).join(',')}])[1 + g % ${SKILLS.length}] || ' ' ||
          (ARRAY[${SKILLS.map((k) => `'${k}'`).join(',')}])[1 + (g / 7) % ${SKILLS.length}] AS s
        FROM generate_series(${start}, ${end - 1}) g
      ) x`);
  }
  await prisma.$executeRawUnsafe('ANALYZE "Candidate"');
}

async function candidateCount(prisma: PrismaClient): Promise<number> {
  const [row] = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Candidate"`;
  return row!.n;
}

const QUERIES = [
  'lovelace',
  'grace hopper',
  'turnig',
  'dijkstra',
  'cand52117@example.com',
  'kubernetes',
  'van rossum',
  'hamiltn',
  'karimo',
  'radia perlman',
];

/** /candidate's query (trigram, indexed) against the naive ILIKE '%…%' scan, at 10k, 100k, 1M rows. */
export async function benchSearch(prisma: PrismaClient, sizes = [10_000, 100_000, 1_000_000]) {
  const rows: { size: number; trigram: Summary; ilike: Summary }[] = [];
  let have = await candidateCount(prisma);
  for (const size of sizes) {
    await growCandidates(prisma, have, size);
    have = size;
    for (const q of QUERIES) await searchCandidates(prisma, { query: q }); // warm the cache
    const trigram: number[] = [];
    for (let i = 0; i < 300; i++) {
      const t = performance.now();
      await searchCandidates(prisma, { query: QUERIES[i % QUERIES.length]! });
      trigram.push(performance.now() - t);
    }
    const ilike: number[] = [];
    for (let i = 0; i < 20; i++) {
      const q = `%${QUERIES[i % QUERIES.length]!}%`;
      const t = performance.now();
      await prisma.$queryRaw`
        SELECT id, name FROM "Candidate" WHERE "searchText" ILIKE ${q} ORDER BY "updatedAt" DESC LIMIT 8`;
      ilike.push(performance.now() - t);
    }
    rows.push({ size, trigram: summary(trigram), ilike: summary(ilike) });
  }
  return rows;
}

type ServerView = { p99AtMostMs: number; over50: number; loopLagMaxMs: number };

/**
 * What the service itself saw during one phase, from its /metrics: the bucket its 99th
 * percentile of /slack/events falls in, how many requests took over 50 ms inside Fastify, and
 * its event loop's worst delay (prom-client resets that histogram on every scrape).
 */
function serverView(before: string, after: string): ServerView {
  const buckets = (text: string) => {
    const m = new Map<number, number>();
    for (const line of text.split('\n')) {
      const hit = /^justin_http_request_duration_seconds_bucket\{(.*)\} (\d+)/.exec(line);
      if (!hit || !hit[1]!.includes('route="/slack/events"')) continue;
      const le = /le="([^"]+)"/.exec(hit[1]!)![1]!;
      const bound = le === '+Inf' ? Infinity : Number(le);
      m.set(bound, (m.get(bound) ?? 0) + Number(hit[2]));
    }
    return m;
  };
  const a = buckets(before);
  const b = buckets(after);
  const bounds = [...b.keys()].sort((x, y) => x - y);
  const count = (le: number) => (b.get(le) ?? 0) - (a.get(le) ?? 0);
  const total = count(Infinity);
  const p99 = bounds.find((le) => count(le) >= total * 0.99) ?? Infinity;
  const lag = /^justin_process_nodejs_eventloop_lag_max_seconds (\S+)/m.exec(after);
  return { p99AtMostMs: p99 * 1000, over50: total - count(0.05), loopLagMaxMs: lag ? Number(lag[1]) * 1000 : NaN };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** One phase of load from its own process (ack-load.ts). */
function runLoad(phase: {
  port: number;
  kind: string;
  text: string;
  rate: number;
  seconds: number;
  warmup: number;
  respondUrl: string;
}) {
  return childJson<{ latencies: number[]; errors: number; lagMaxMs: number; machineBusy: number }>(
    'test/bench/ack-load.ts',
    [JSON.stringify(phase)],
  );
}

/**
 * Ack latency of signed slash commands and button clicks, open loop, against the service as
 * production runs it (`node dist/main.js`, built first) in its own process, with the load from
 * a third process. Beside each figure, what the service saw itself (its /metrics), and the
 * worst stall of either event loop, so a tail can be placed.
 */
export async function benchAck(prisma: PrismaClient, databaseUrl: string, rates = [50, 100, 200, 400], seconds = 5) {
  // /candidate searches 10,000 candidates and answers with the famous surname's matches.
  await growCandidates(prisma, await candidateCount(prisma), 10_000);
  // Settled (visibility map set, statistics fresh), as a live database's tables are.
  await prisma.$executeRawUnsafe('VACUUM (ANALYZE) "Candidate", "SearchWord"');
  const built = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('npm run build failed');
  const fake = await new FakeSlackApi().start();
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/main.js'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.url,
      SLACK_ADMINS: 'U0BENCH',
      // all (web and workers in one process, the default) or web (as a split deployment runs it).
      ROLE: process.env.BENCH_ACK_ROLE ?? 'all',
    },
    stdio: 'ignore',
  });
  try {
    for (let i = 0; i < 300; i++) {
      const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const scrape = () => fetch(`http://127.0.0.1:${port}/metrics`).then((r) => r.text());
    const out: {
      rate: number;
      command: string;
      latency: Summary;
      errors: number;
      server: ServerView;
      generatorLagMaxMs: number;
      machineBusy: number;
    }[] = [];
    // BENCH_ACK_KINDS=/candidate (comma-separated) measures only those.
    const only = process.env.BENCH_ACK_KINDS?.split(',');
    const kinds = (
      [
        ['/hire', 'help'],
        ['/candidate', 'lovelace'],
        ['button', 'Advance'],
      ] as const
    ).filter(([k]) => !only || only.includes(k));
    for (const [command, text] of kinds) {
      const respondUrl = `${fake.origin}/respond/bench`;
      // Warm the service up first (JIT, every pooled connection, query plans): a running service is warm.
      await runLoad({ port, kind: command, text, rate: 0, seconds: 0, warmup: 300, respondUrl });
      for (const rate of rates) {
        const before = await scrape();
        const load = await runLoad({ port, kind: command, text, rate, seconds, warmup: 0, respondUrl });
        out.push({
          rate,
          command,
          latency: summary(load.latencies),
          errors: load.errors,
          server: serverView(before, await scrape()),
          generatorLagMaxMs: load.lagMaxMs,
          machineBusy: load.machineBusy,
        });
      }
    }
    return out;
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await fake.stop();
  }
}
