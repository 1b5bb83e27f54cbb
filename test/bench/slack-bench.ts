// Slack-facing figures: ack latency of signed slash commands under load, and /candidate
// search latency as the candidate table grows.
import { spawn } from 'node:child_process';
import net from 'node:net';
import type { PrismaClient } from '../../src/db/prisma.js';
import { searchCandidates } from '../../src/services/candidates/search-candidates.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { commandBody, signedHeaders, SIGNING_SECRET } from '../setup/slack.js';

type Summary = { n: number; p50: number; p95: number; p99: number; max: number };

function summary(samples: number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
  return { n: s.length, p50: at(50), p95: at(95), p99: at(99), max: s.at(-1)! };
}

const FIRST = ['ada', 'grace', 'alan', 'katherine', 'edsger', 'barbara', 'donald', 'margaret', 'linus', 'radia', 'ken', 'frances', 'john', 'hedy', 'tim', 'sophie', 'dennis', 'anita', 'guido', 'shafi'];
const LAST = ['lovelace', 'hopper', 'turing', 'johnson', 'dijkstra', 'liskov', 'knuth', 'hamilton', 'torvalds', 'perlman', 'thompson', 'allen', 'mccarthy', 'lamarr', 'berners-lee', 'wilson', 'ritchie', 'borg', 'van rossum', 'goldwasser'];
// Surnames built from syllables: ~50,000 distinct ones, as a real candidate pool has. One row
// in ten carries a famous surname, so those queries have thousands of true matches.
const SYLLABLES = ['ka', 'ri', 'mo', 'na', 'lee', 'sen', 'do', 'vi', 'ta', 'rosa', 'bern', 'stein', 'ko', 'wal', 'ski', 'mar', 'tin', 'ez', 'pa', 'tel', 'gu', 'yen', 'o', 'bri', 'en', 'sch', 'mid', 'ha', 'shi', 'mo', 'to', 'ng', 'uy', 'al', 'var', 'dez', 'lin']
  .map((x) => `'${x}'`)
  .join(',');
const SKILLS = ['typescript', 'postgres', 'kubernetes', 'rust', 'react', 'python', 'go', 'terraform', 'kafka', 'swift', 'figma', 'sales', 'recruiting', 'design', 'ml'];

/** Grows the Candidate table to `total` rows of plausible names, emails and skills, in SQL. */
async function growCandidates(prisma: PrismaClient, from: number, total: number): Promise<void> {
  for (let start = from; start < total; start += 100_000) {
    const end = Math.min(total, start + 100_000);
    await prisma.$executeRawUnsafe(`
      INSERT INTO "Candidate" (id, email, "displayEmail", name, "searchText", "updatedAt")
      SELECT gen_random_uuid(), e, e, n, lower(n || ' ' || e || ' ' || s), now()
      FROM (
        SELECT g,
          (ARRAY[${FIRST.map((f) => `'${f}'`).join(',')}])[1 + g % ${FIRST.length}] || ' ' ||
          CASE WHEN g % 10 = 0 THEN (ARRAY[${LAST.map((l) => `'${l}'`).join(',')}])[1 + (g / ${FIRST.length}) % ${LAST.length}]
               ELSE (ARRAY[${SYLLABLES}])[1 + g % 37] || (ARRAY[${SYLLABLES}])[1 + (g / 37) % 37] || (ARRAY[${SYLLABLES}])[1 + (g / 1369) % 37] END AS n,
          'cand' || g || '@example.com' AS e,
          (ARRAY[${SKILLS.map((k) => `'${k}'`).join(',')}])[1 + g % ${SKILLS.length}] || ' ' ||
          (ARRAY[${SKILLS.map((k) => `'${k}'`).join(',')}])[1 + (g / 7) % ${SKILLS.length}] AS s
        FROM generate_series(${start}, ${end - 1}) g
      ) x`);
  }
  await prisma.$executeRawUnsafe('ANALYZE "Candidate"');
}

const QUERIES = ['lovelace', 'grace hopper', 'turnig', 'dijkstra', 'cand52117@example.com', 'kubernetes', 'van rossum', 'hamiltn', 'karimo', 'radia perlman'];

/** /candidate's query (trigram, indexed) against the naive ILIKE '%…%' scan, at 10k, 100k, 1M rows. */
export async function benchSearch(prisma: PrismaClient, sizes = [10_000, 100_000, 1_000_000]) {
  const rows: { size: number; trigram: Summary; ilike: Summary }[] = [];
  let have = 0;
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
      await prisma.$queryRaw`SELECT id, name FROM "Candidate" WHERE "searchText" ILIKE ${q} ORDER BY "updatedAt" DESC LIMIT 8`;
      ilike.push(performance.now() - t);
    }
    rows.push({ size, trigram: summary(trigram), ilike: summary(ilike) });
  }
  return rows;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Ack latency of signed slash commands, open loop (requests leave on a schedule, not when
 * the previous answer came back), against the real service in its own process.
 */
export async function benchAck(databaseUrl: string, rates = [50, 100, 200, 400], seconds = 5) {
  const fake = await new FakeSlackApi().start();
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
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
      const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const out: { rate: number; command: string; latency: Summary; errors: number }[] = [];
    const click = () => {
      const payload = {
        type: 'block_actions',
        user: { id: 'U0BENCH', team_id: 'T0TEAM' },
        team: { id: 'T0TEAM' },
        api_app_id: 'A0JUSTIN',
        trigger_id: 't',
        response_url: `${fake.origin}/respond/bench`,
        actions: [{ type: 'button', action_id: 'card_advance', block_id: 'card_0', value: '00000000-0000-4000-8000-000000000000:0', action_ts: '1' }],
      };
      return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    };
    const send = (command: string, text: string) => {
      const body = command === 'button' ? click() : commandBody(command, text, { user: 'U0BENCH' });
      return fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', body, headers: signedHeaders(body) });
    };
    for (const [command, text] of [['/hire', 'help'], ['/candidate', 'lovelace'], ['button', 'Advance']] as const) {
      // Warm up first (JIT, connections, plans): a running service is warm.
      for (let i = 0; i < 200; i++) await (await send(command, text)).arrayBuffer();
      for (const rate of rates) {
        const latencies: number[] = [];
        let errors = 0;
        const total = rate * seconds;
        const started = performance.now();
        const inflight: Promise<void>[] = [];
        for (let i = 0; i < total; i++) {
          const due = started + (i * 1000) / rate;
          const wait = due - performance.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          const t = performance.now();
          inflight.push(
            send(command, text).then(
              async (res) => {
                await res.arrayBuffer();
                if (res.status === 200) latencies.push(performance.now() - t);
                else errors++;
              },
              () => {
                errors++;
              },
            ),
          );
        }
        await Promise.all(inflight);
        out.push({ rate, command, latency: summary(latencies), errors });
      }
    }
    return out;
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await fake.stop();
  }
}
