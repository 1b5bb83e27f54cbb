// One read of 50 rows, three ways on one pool: node-postgres directly (db/direct-sql.ts),
// Prisma's $queryRaw, and Prisma's findMany. Per query: the CPU the process spends, and what its
// young-generation collections (scavenges) cost, since those pauses are what a request arriving
// during one waits for. Each way runs in a process of its own (the collector's state is per
// process: one way's garbage would slow another's collections), twice, alternating.
//
//   tsx test/bench/read-paths.ts <way> <database url>   (one measurement; prints one JSON line)
import { PerformanceObserver, constants } from 'node:perf_hooks';
import v8 from 'node:v8';
import { readSql } from '../../src/db/direct-sql.js';
import { createPrisma, type PrismaClient } from '../../src/db/prisma.js';
import { Prisma } from '../../src/generated/prisma/client.js';
import { childJson } from './child-json.js';

const WAYS = {
  'node-postgres (direct-sql.ts)': (prisma: PrismaClient) =>
    readSql(
      prisma,
      Prisma.sql`SELECT id, name, "displayEmail" AS email, "updatedAt" FROM "Candidate" ORDER BY id LIMIT 50`,
    ),
  'Prisma $queryRaw': (prisma: PrismaClient) =>
    prisma.$queryRaw`SELECT id, name, "displayEmail" AS email, "updatedAt" FROM "Candidate" ORDER BY id LIMIT 50`,
  'Prisma findMany': (prisma: PrismaClient) =>
    prisma.candidate.findMany({
      select: { id: true, name: true, displayEmail: true, updatedAt: true },
      orderBy: { id: 'asc' },
      take: 50,
    }),
} as const;
type Way = keyof typeof WAYS;
type Measured = { queries: number; cpuUs: number; scavenges: number; scavengeMs: number; oldGrowthBytes: number };

async function measure(way: Way, databaseUrl: string, queries = 10_000): Promise<Measured> {
  const prisma = createPrisma(databaseUrl, { max: 2 });
  const read = WAYS[way];
  for (let i = 0; i < 500; i++) await read(prisma); // JIT, plans, connections
  let scavenges = 0;
  let scavengeMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (
        (e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR
      ) {
        scavenges++;
        scavengeMs += e.duration;
      }
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  const oldSpace = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'old_space')!.space_used_size;
  const old0 = oldSpace();
  const cpu = process.cpuUsage();
  for (let i = 0; i < queries; i++) await read(prisma);
  await new Promise((resolve) => setImmediate(resolve)); // let the observer report
  const used = process.cpuUsage(cpu);
  observer.disconnect();
  // Old-generation growth: what outlived the scavenges (a full collection during the run would lower it).
  const measured = {
    queries,
    cpuUs: used.user + used.system,
    scavenges,
    scavengeMs,
    oldGrowthBytes: Math.max(0, oldSpace() - old0),
  };
  await prisma.$disconnect();
  return measured;
}

export async function benchReadPaths(prisma: PrismaClient, databaseUrl: string, { rounds = 2 } = {}) {
  const have = await prisma.candidate.count();
  if (have < 50) {
    await prisma.candidate.createMany({
      data: Array.from({ length: 50 - have }, (_, i) => ({
        email: `reads.${i}@example.com`,
        displayEmail: `reads.${i}@example.com`,
        name: `Reader ${i}`,
      })),
    });
  }
  const totals = new Map<Way, Measured>();
  for (let r = 0; r < rounds; r++) {
    for (const way of Object.keys(WAYS) as Way[]) {
      const m = await childJson<Measured>('test/bench/read-paths.ts', [way, databaseUrl]);
      const t = totals.get(way) ?? { queries: 0, cpuUs: 0, scavenges: 0, scavengeMs: 0, oldGrowthBytes: 0 };
      totals.set(way, {
        queries: t.queries + m.queries,
        cpuUs: t.cpuUs + m.cpuUs,
        scavenges: t.scavenges + m.scavenges,
        scavengeMs: t.scavengeMs + m.scavengeMs,
        oldGrowthBytes: t.oldGrowthBytes + m.oldGrowthBytes,
      });
    }
  }
  return [...totals].map(([way, t]) => ({
    way,
    cpuUsPerQuery: t.cpuUs / t.queries,
    scavengesPer1000: (t.scavenges * 1000) / t.queries,
    msPerScavenge: t.scavenges ? t.scavengeMs / t.scavenges : 0,
    oldGrowthKbPerQuery: t.oldGrowthBytes / 1024 / t.queries,
  }));
}

if (process.argv[1]?.endsWith('read-paths.ts') && process.argv[2]) {
  console.log(JSON.stringify(await measure(process.argv[2] as Way, process.argv[3]!)));
}
