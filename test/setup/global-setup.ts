import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { PgBoss } from 'pg-boss';
import { withDatabase } from '../../src/db/database-url.js';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres.js';
import { applyMigrations } from '../../src/db/migrations.js';

export const TEMPLATE_DB = 'justin_test_template';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A URL on the test server; test files clone their own database from TEMPLATE_DB. */
    serverUrl: string;
  }
}

/**
 * Once per `npm test`: a Postgres server (DATABASE_URL's, or an embedded one under
 * .data/pg-test that is stopped at the end) and a template database with every migration
 * and pg-boss's schema installed, so each test file's own database is a fast clone.
 */
export default async function setup(project: TestProject) {
  const server = process.env.DATABASE_URL
    ? { url: process.env.DATABASE_URL, stop: async () => {} }
    : await startEmbeddedPostgres({ dataDir: '.data/pg-test', fast: true });

  try {
    await prepareTemplate(server.url);
  } catch (err) {
    await server.stop(); // never leave a server running
    throw err;
  }
  project.provide('serverUrl', server.url);
  return async () => {
    await server.stop();
  };
}

async function prepareTemplate(serverUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  // Leftovers of a run that was killed before its teardown.
  const stale = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'jt\\_%'`);
  for (const { datname } of stale.rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  await admin.end();

  const templateUrl = withDatabase(serverUrl, TEMPLATE_DB);
  await applyMigrations(templateUrl);
  const boss = new PgBoss({
    connectionString: templateUrl,
    schedule: false,
    supervise: false,
    registerInstance: false,
  });
  await boss.start();
  await boss.stop({ graceful: false, close: true });
}
