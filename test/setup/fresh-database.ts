import pg from 'pg';
import { withDatabase } from '../../src/db/database-url.js';
import { applyMigrations } from '../../src/db/migrations.js';

/** A new, migrated database `name` on the server at `serverUrl` (dropped first if it exists). */
export async function freshDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = withDatabase(serverUrl, name);
  await applyMigrations(url);
  return url;
}
