import type { RunningPostgres } from './embedded-postgres.js';

/**
 * The database to use: DATABASE_URL when given, otherwise an embedded Postgres whose
 * data lives in `dataDir` (git-ignored), so a fresh clone runs with no setup.
 */
export async function resolveDatabase({
  databaseUrl,
  dataDir,
  log,
  notice = log,
  statementStats = false,
  logStalls = false,
}: {
  databaseUrl: string | undefined;
  dataDir: string;
  log: (line: string) => void;
  notice?: (line: string) => void;
  statementStats?: boolean;
  logStalls?: boolean;
}): Promise<RunningPostgres & { embedded: boolean }> {
  if (databaseUrl) return { url: databaseUrl, stop: async () => {}, embedded: false };
  // Imported only when needed: the module installs process exit hooks.
  const { startEmbeddedPostgres } = await import('./embedded-postgres.js');
  const pg = await startEmbeddedPostgres({ dataDir, log, notice, statementStats, logStalls });
  return { ...pg, embedded: true };
}
