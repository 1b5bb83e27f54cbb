import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { applyMigrations, defaultPaths } from '../../src/db/migrations.js';
import { createEmptyDatabase } from '../setup/database.js';

// An install that ran into the replay defect has open roles sharing a title; the migration that
// makes titles unique must still apply there, keeping every role.
describe('the open-role-titles migration on a database with twins', () => {
  it('renames the later twins and then holds titles unique', async () => {
    const db = await createEmptyDatabase();
    // The migrations as they stood before this one.
    const before = await mkdtemp(path.join(tmpdir(), 'justin-migrations-'));
    await cp(defaultPaths.migrations, before, { recursive: true, filter: (src) => !src.includes('open_role_titles') });
    try {
      expect(
        (await applyMigrations(db.url, { paths: { ...defaultPaths, migrations: before } })).length,
      ).toBeGreaterThan(0);
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        for (const [title, status, at] of [
          ['Backend Engineer', 'OPEN', '2026-01-01'],
          ['Backend Engineer', 'OPEN', '2026-01-02'],
          ['backend engineer', 'PAUSED', '2026-01-03'],
          ['Backend Engineer', 'CLOSED', '2026-01-04'],
        ]) {
          await client.query(
            'INSERT INTO "Role" (id, title, status, "createdAt", "updatedAt") ' +
              'VALUES (gen_random_uuid(), $1, $2, $3, now())',
            [title, status, at],
          );
        }
        await applyMigrations(db.url);
        const { rows } = await client.query<{ title: string; status: string }>(
          `SELECT title, status::text FROM "Role" ORDER BY "createdAt"`,
        );
        expect(rows).toEqual([
          { title: 'Backend Engineer', status: 'OPEN' },
          { title: 'Backend Engineer (2)', status: 'OPEN' },
          { title: 'backend engineer (3)', status: 'PAUSED' },
          { title: 'Backend Engineer', status: 'CLOSED' },
        ]);
        await expect(
          client.query(
            'INSERT INTO "Role" (id, title, status, "updatedAt") ' +
              "VALUES (gen_random_uuid(), 'BACKEND ENGINEER', 'OPEN', now())",
          ),
        ).rejects.toThrow(/Role_open_title_key/);
      } finally {
        await client.end();
      }
    } finally {
      await db.drop();
      await rm(before, { recursive: true, force: true });
    }
  }, 60_000);
});
