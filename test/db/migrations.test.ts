import { describe, expect, it } from 'vitest';
import { diffMigrationsToSchema } from '../../src/db/migrations.js';
import { poolConfigFromUrl, withDatabase } from '../../src/db/database-url.js';
import { useTestDatabase } from '../setup/database.js';

const db = useTestDatabase();

describe('migrations', () => {
  it('match prisma/schema.prisma: no change is waiting for a migration', async () => {
    // Replays prisma/migrations into a shadow database and compares with the schema.
    expect(await diffMigrationsToSchema(db.url)).toBe('');
  }, 60_000);

  it('installed the hand-written parts: pg_trgm and the append-only trigger', async () => {
    const ext = await db.prisma.$queryRaw<{ extname: string }[]>`SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'`;
    expect(ext).toHaveLength(1);
    const triggers = await db.prisma.$queryRaw<{ tgname: string }[]>`
      SELECT tgname FROM pg_trigger WHERE tgrelid = '"ApplicationEvent"'::regclass AND NOT tgisinternal ORDER BY tgname`;
    expect(triggers.map((t) => t.tgname)).toEqual(['ApplicationEvent_append_only', 'ApplicationEvent_no_truncate']);
  });

  it('uses the trigram index for fuzzy candidate search', async () => {
    await db.prisma.$executeRaw`SET enable_seqscan = off`;
    const plan = await db.prisma.$queryRaw<{ 'QUERY PLAN': string }[]>`
      EXPLAIN SELECT id FROM "Candidate" WHERE "searchText" % 'lovelace'`;
    expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toContain('Candidate_searchText_trgm_idx');
  });
});

describe('database URLs', () => {
  it('splits a URL into discrete pg options, decoding each part', () => {
    expect(poolConfigFromUrl('postgres://us%40er:p%3Ass@db.example.com:6543/my%20db?sslmode=require')).toEqual({
      host: 'db.example.com',
      port: 6543,
      database: 'my db',
      user: 'us@er',
      password: 'p:ss',
      ssl: { rejectUnauthorized: false },
    });
  });

  it('swaps the database of a URL', () => {
    expect(withDatabase('postgres://u:p@h:1/a?x=1', 'b')).toBe('postgres://u:p@h:1/b?x=1');
  });
});
