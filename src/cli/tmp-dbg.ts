import pg from 'pg';
const { applyMigrations } = await import('../db/migrations.js');
const { startEmbeddedPostgres } = await import('../db/embedded-postgres.js');
const { withDatabase } = await import('../db/database-url.js');
const s = await startEmbeddedPostgres({ dataDir: '.data/pg-test', fast: true });
try {
const c = new pg.Client({ connectionString: s.url }); await c.connect();
await c.query('DROP DATABASE IF EXISTS tmpl_x WITH (FORCE)'); await c.query('CREATE DATABASE tmpl_x'); 
console.log((await c.query('select datname from pg_database')).rows); await c.end();
console.log(withDatabase(s.url, 'tmpl_x'));
console.log(await applyMigrations(withDatabase(s.url, 'tmpl_x')));
} finally { await s.stop() }
