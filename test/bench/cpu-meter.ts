// CPU time from /proc (Linux; the readings are null or NaN elsewhere): what a benchmark cost
// the machine, split by who spent it. Throughput on a shared two-core machine moves ±15 %
// between runs; CPU per unit of work moves far less, so it shows whether a change helped.
import { readdirSync, readFileSync } from 'node:fs';

/** Linux reports /proc times in USER_HZ ticks, 100 a second on every architecture Node runs on. */
const TICK_MS = 10;

/** The machine's CPU time so far, busy and all, from /proc/stat (zeros elsewhere). */
export function machineCpu(): { busy: number; all: number } {
  try {
    const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
    const t = fields.map(Number);
    const idle = t[3]! + (t[4] ?? 0);
    const all = t.slice(0, 8).reduce((a, b) => a + b, 0);
    return { busy: all - idle, all };
  } catch {
    return { busy: 0, all: 0 };
  }
}

/** Share of all cores busy between two readings. */
export function busyShare(a: { busy: number; all: number }, b: { busy: number; all: number }): number {
  return b.all > a.all ? (b.busy - a.busy) / (b.all - a.all) : NaN;
}

type Stat = { ppid: number; ms: number; reapedMs: number };

/** utime+stime of a process or thread, and of its children already reaped, in ms. */
function stat(path: string): Stat | null {
  try {
    const text = readFileSync(path, 'utf8');
    // The command name may hold spaces and parentheses: fields start after the last ')'.
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return {
      ppid: Number(f[1]),
      ms: (Number(f[11]) + Number(f[12])) * TICK_MS,
      reapedMs: (Number(f[13]) + Number(f[14])) * TICK_MS,
    };
  } catch {
    return null;
  }
}

/** CPU ms this process has used, all threads, and its main (JavaScript) thread alone. */
export function ownCpu(): { processMs: number; mainThreadMs: number } {
  const usage = process.cpuUsage();
  return {
    processMs: (usage.user + usage.system) / 1000,
    mainThreadMs: stat(`/proc/self/task/${process.pid}/stat`)?.ms ?? NaN,
  };
}

/** CPU ms another process on this machine has used so far (null when it cannot be read). */
export function processCpu(pid: number): number | null {
  return stat(`/proc/${pid}/stat`)?.ms ?? null;
}

/**
 * CPU ms of a whole Postgres server on this machine so far: its postmaster, every live child
 * (backends, autovacuum, WAL writer…) and the children it has reaped. `backendPid` is any
 * backend's `pg_backend_pid()`; null when the server is not local or /proc is missing.
 */
export function postgresCpu(backendPid: number): number | null {
  const postmaster = stat(`/proc/${backendPid}/stat`)?.ppid;
  if (!postmaster) return null;
  const own = stat(`/proc/${postmaster}/stat`);
  if (!own) return null;
  let ms = own.ms + own.reapedMs;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const child = stat(`/proc/${entry}/stat`);
    if (child?.ppid === postmaster) ms += child.ms;
  }
  return ms;
}
