import { afterAll, describe, expect, it } from 'vitest';
import { createPrisma, openConnections, poolOf } from '../../src/db/prisma.js';
import { readSql } from '../../src/db/direct-sql.js';
import { Prisma } from '../../src/generated/prisma/client.js';
import { searchCandidates } from '../../src/services/candidates/search-candidates.js';
import { useTestDatabase } from '../setup/database.js';

const db = useTestDatabase();

describe('the Prisma pool', () => {
  const clients: ReturnType<typeof createPrisma>[] = [];
  afterAll(async () => {
    for (const c of clients) await c.$disconnect();
  });

  const connections = async () =>
    (
      await db.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND backend_type = 'client backend'`
    )[0]!.n;

  it('opens the connections it is asked for at start, all of them, before any request needs one', async () => {
    const before = await connections();
    const prisma = createPrisma(db.url, { max: 4 });
    clients.push(prisma);
    await openConnections(prisma, 4);
    expect((await connections()) - before).toBe(4);
  });

  it('still answers with every connection held: a fifth query waits for one of the four', async () => {
    const prisma = createPrisma(db.url, { max: 4 });
    clients.push(prisma);
    await openConnections(prisma, 4);
    const started = performance.now();
    const results = await Promise.all(
      Array.from(
        { length: 5 },
        (_, i) => prisma.$queryRaw<{ i: number }[]>`SELECT ${i}::int AS i, pg_sleep(0.05)::text AS slept`,
      ),
    );
    expect(results.map((r) => r[0]!.i)).toEqual([0, 1, 2, 3, 4]);
    // Four at once, then the fifth: two rounds of 50 ms, not one (the pool did not grow past its size).
    expect(performance.now() - started).toBeGreaterThanOrEqual(100);
  });

  it(
    'is the pool direct SQL runs on, with the same session settings, ' + 'and closes on disconnect however it was used',
    async () => {
      const prisma = createPrisma(db.url, { max: 1 });
      const [viaDirect] = await readSql<{ pid: number; threshold: string }>(
        prisma,
        Prisma.sql`SELECT pg_backend_pid() AS pid, current_setting('pg_trgm.word_similarity_threshold') AS threshold`,
      );
      const [viaPrisma] = await prisma.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
      expect(viaDirect).toEqual({ pid: viaPrisma!.pid, threshold: '0.4' });
      await prisma.$disconnect();
      expect(poolOf(prisma).ended).toBe(true);
      // Used only through direct SQL, Prisma never connected: its disconnect still ends the pool.
      const direct = createPrisma(db.url, { max: 1 });
      await readSql(direct, Prisma.sql`SELECT 1`);
      await direct.$disconnect();
      expect(poolOf(direct)).toMatchObject({ ended: true, totalCount: 0 });
    },
  );
});

describe('prepared statements', () => {
  it('prepares a statement once per connection, by name, and runs it again from there', async () => {
    const prisma = createPrisma(db.url, { max: 1 });
    try {
      for (let i = 0; i < 3; i++)
        await prisma.user.findFirst({ where: { slackUserId: `U0PREP${i}` }, select: { id: true } });
      const prepared = await prisma.$queryRaw<
        { name: string; statement: string }[]
      >`SELECT name, statement FROM pg_prepared_statements`;
      const user = prepared.filter((p) => p.statement.includes('"User"'));
      expect(user).toHaveLength(1);
      expect(user[0]!.name).toMatch(/^justin_\d+$/);
    } finally {
      await prisma.$disconnect();
    }
  });

  it('plans the candidate search for its values every time: its statements are not prepared', async () => {
    const prisma = createPrisma(db.url, { max: 1 });
    try {
      for (let i = 0; i < 6; i++) await searchCandidates(prisma, { query: 'ada lovelace' });
      const prepared = await prisma.$queryRaw<{ statement: string }[]>`SELECT statement FROM pg_prepared_statements`;
      expect(
        prepared.filter((p) => p.statement.includes('SearchWord') || p.statement.includes('"searchWords" &&')),
      ).toEqual([]);
    } finally {
      await prisma.$disconnect();
    }
  });
});
