import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

// What we need to know about another process to decide whether a Postgres in our data directory is an orphan:
// its parent and its command line. Linux has /proc (and slim Docker images have no `ps`); elsewhere, `ps`.

export type ProcessInfo = { pid: number; parentPid: number; command: string };

/** The live process `pid`, or undefined when there is none (a zombie, exited but not yet reaped, counts as none). */
export function processInfo(pid: number): ProcessInfo | undefined {
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  if (process.platform === 'linux') return fromProc(pid);
  return fromPs(pid);
}

function fromProc(pid: number): ProcessInfo | undefined {
  let stat: string;
  let cmdline: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return undefined;
  }
  // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ')'.
  const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  if (state === 'Z' || state === 'X') return undefined;
  return { pid, parentPid: Number(ppid), command: cmdline.split('\0').filter(Boolean).join(' ') };
}

function fromPs(pid: number): ProcessInfo | undefined {
  let out: string;
  try {
    out = execFileSync('ps', ['-o', 'ppid=,stat=,args=', '-p', String(pid)], { encoding: 'utf8' }).trim();
  } catch {
    return undefined; // ps exits 1 when there is no such process
  }
  const match = /^(\d+)\s+(\S+)\s+(.*)$/.exec(out);
  if (!match || match[2]!.startsWith('Z')) return undefined;
  return { pid, parentPid: Number(match[1]), command: match[3]! };
}
