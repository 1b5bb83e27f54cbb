import { afterAll, describe, expect, it } from 'vitest';
import { createPrisma, openConnections } from '../../src/db/prisma.js';
import { useTestDatabase } from '../setup/database.js';

const db = useTestDatabase();

describe('the Prisma pool', () => {
  const clients: ReturnType<typeof createPrisma>[] = [];
  afterAll(async () => {
    for (const c of clients) await c.$disconnect();
  });

  const connections = async () =>
    (await db.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'`)[0]!.n;

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
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => prisma.$queryRaw<{ i: number }[]>`SELECT ${i}::int AS i, pg_sleep(0.05)::text AS slept`));
    expect(results.map((r) => r[0]!.i)).toEqual([0, 1, 2, 3, 4]);
  });
});
