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
    const ext = await db.prisma.$queryRaw<
      { extname: string }[]
    >`SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'`;
    expect(ext).toHaveLength(1);
    const triggers = await db.prisma.$queryRaw<{ tgname: string }[]>`
      SELECT tgname FROM pg_trigger WHERE tgrelid = '"ApplicationEvent"'::regclass AND NOT tgisinternal
      ORDER BY tgname`;
    expect(triggers.map((t) => t.tgname)).toEqual(['ApplicationEvent_append_only', 'ApplicationEvent_no_truncate']);
  });

  it('searches candidates through indexes: trigrams over the word list, then exact words', async () => {
    const plans = await db.prisma.$transaction(async (tx) => {
      // One connection: the setting must apply to the EXPLAINs (tables this small would be scanned).
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      // A word list of some size (in this file's own database), so the planner's choice means something.
      await tx.$executeRaw`INSERT INTO "SearchWord" (word) SELECT 'w' || md5(g::text) FROM generate_series(1, 5000) g`;
      await tx.$executeRaw`ANALYZE "SearchWord"`;
      const explain = async (sql: TemplateStringsArray) =>
        (await tx.$queryRaw<{ 'QUERY PLAN': string }[]>(sql)).map((r) => r['QUERY PLAN']).join('\n');
      return {
        words: await explain`EXPLAIN SELECT word FROM "SearchWord" WHERE 'lovelace' <% word`,
        candidates: await explain`EXPLAIN SELECT id FROM "Candidate" WHERE "searchWords" && ARRAY['lovelace']`,
      };
    });
    expect(plans.words).toContain('SearchWord_word_trgm_idx');
    expect(plans.candidates).toContain('Candidate_searchWords_idx');
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
