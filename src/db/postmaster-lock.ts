import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { processInfo, type ProcessInfo } from './process-info.js';

// Postgres writes `postmaster.pid` into its data directory while it runs: its pid on line 1, the directory on
// line 2, its status ("starting", "ready", "stopping") on line 8. After a crash of the node process (kill -9) the
// embedded Postgres runs on with nobody to stop it, and the next start would fail on the port or on this lock.
// Reading it, we tell an orphan (stop it and carry on) from a Postgres another live Justin is using (refuse, and
// name that process).

export type PostmasterLock = { pid: number; dataDir: string; status: string };

/** Who holds the data directory: nobody, an orphaned Postgres of ours, or another live process using it. */
export type DataDirHolder =
  | { kind: 'free' }
  | { kind: 'orphan'; postgresPid: number }
  | { kind: 'in-use'; postgresPid: number; owner: ProcessInfo };

/** The lock file's fields, or undefined when Postgres is not running from `dataDir` (or left no lock). */
export async function readPostmasterLock(dataDir: string): Promise<PostmasterLock | undefined> {
  const text = await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8').catch(() => undefined);
  if (!text) return undefined;
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  return { pid, dataDir: lines[1] ?? '', status: (lines[7] ?? '').trim() };
}

/**
 * Decides who holds `dataDir`. `ownerPid` is the pid recorded by the Justin that started the Postgres (see
 * embedded-postgres.ts); that Postgres is still in use only while its parent is that very process.
 */
export async function dataDirHolder({
  dataDir,
  ownerPid,
  inspect = processInfo,
}: {
  dataDir: string;
  ownerPid: number | undefined;
  inspect?: (pid: number) => ProcessInfo | undefined;
}): Promise<DataDirHolder> {
  const lock = await readPostmasterLock(dataDir);
  if (!lock) return { kind: 'free' };
  const postgres = inspect(lock.pid);
  // A dead pid, or one reused by an unrelated program: the lock is stale and Postgres clears it itself.
  if (!postgres || !isPostgresFor(postgres, lock, dataDir)) return { kind: 'free' };
  const parent = postgres.parentPid > 1 ? inspect(postgres.parentPid) : undefined;
  const stillOwned = parent && (ownerPid === undefined || parent.pid === ownerPid);
  return stillOwned
    ? { kind: 'in-use', postgresPid: postgres.pid, owner: parent }
    : { kind: 'orphan', postgresPid: postgres.pid };
}

function isPostgresFor(proc: ProcessInfo, lock: PostmasterLock, dataDir: string): boolean {
  const program = path.basename(proc.command.split(' ')[0] ?? '');
  return program === 'postgres' && path.resolve(lock.dataDir) === path.resolve(dataDir);
}
