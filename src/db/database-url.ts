import type { PoolConfig } from 'pg';

/**
 * Splits a postgres:// URL into discrete pg options.
 * Prisma's PrismaPg creates its shadow database by spreading this config and
 * overriding `database`; with a `connectionString` the override is silently ignored
 * and the "shadow" would be the real database. Discrete fields avoid that.
 */
export function poolConfigFromUrl(url: string): PoolConfig {
  const u = new URL(url);
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') {
    throw new Error(`not a postgres URL: ${u.protocol}`);
  }
  const config: PoolConfig = {
    host: decodeURIComponent(u.hostname) || 'localhost',
    port: u.port ? Number(u.port) : 5432,
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || 'postgres',
  };
  if (u.username) config.user = decodeURIComponent(u.username);
  if (u.password) config.password = decodeURIComponent(u.password);
  const sslmode = u.searchParams.get('sslmode');
  if (sslmode && sslmode !== 'disable') config.ssl = { rejectUnauthorized: sslmode === 'verify-full' };
  const host = u.searchParams.get('host');
  if (host) config.host = host;
  return config;
}

/** The same server, another database: used by tests and the shadow database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}
