import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { chmod, mkdtemp, rm, utimes } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VARIABLES } from '../src/config.js';
import { readPostmasterLock } from '../src/db/postmaster-lock.js';
import { processInfo } from '../src/db/process-info.js';
import { eventually } from './setup/workers.js';

// `npm start` exactly as a person runs it, in its own process group as a terminal would, with no DATABASE_URL (so
// the embedded Postgres) and no integrations. Stopped the ways people stop it: Ctrl-C (SIGINT to the whole group),
// SIGTERM to npm (a process manager, `kill`), and a crash (kill -9 of node) followed by the next start.
const root = new URL('..', import.meta.url).pathname;
let dataDir: string;
const started: ChildProcess[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'justin-stop-'));
  await chmod(dataDir, 0o755); // the embedded server runs as the postgres user when we are root
});
afterAll(async () => {
  for (const c of started) if (c.exitCode === null) killGroup(c, 'SIGKILL');
  const lock = await readPostmasterLock(path.join(dataDir, 'pg'));
  if (lock && processInfo(lock.pid)) process.kill(lock.pid, 'SIGQUIT');
  await rm(dataDir, { recursive: true, force: true });
});

type Running = { npm: ChildProcess; port: number; output: () => string; exited: Promise<number | null> };

async function npmStart(): Promise<Running> {
  const port = await freePort();
  // Every setting empty, which wins over a developer's own .env (the environment beats the file).
  const blank = Object.fromEntries(Object.keys(VARIABLES).map((k) => [k, '']));
  const npm = spawn('npm', ['start'], {
    cwd: root,
    detached: true, // its own process group, like a shell's foreground job
    env: { ...process.env, ...blank, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(npm);
  let out = '';
  npm.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  npm.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
  // The first start of a fresh clone builds dist/ first.
  await eventually(async () => (await readyz(port)) === 200, { timeoutMs: 110_000, everyMs: 100 });
  return { npm, port, output: () => out, exited };
}

/** The service's node and its Postgres, found through the data directory's lock (Postgres's parent is node). */
async function processes(): Promise<{ node: number; postgres: number }> {
  const lock = await readPostmasterLock(path.join(dataDir, 'pg'));
  const postgres = processInfo(lock!.pid)!;
  expect(processInfo(postgres.parentPid)?.command).toMatch(/node dist\/main\.js/);
  return { node: postgres.parentPid, postgres: postgres.pid };
}

async function expectCleanStop(running: Running, pids: { node: number; postgres: number }): Promise<void> {
  expect(await running.exited).toBe(0);
  await eventually(async () => !processInfo(pids.node) && !processInfo(pids.postgres), { timeoutMs: 10_000 });
  expect(await readyz(running.port)).toBe(false);
  expect(errorLines(running.output())).toEqual([]);
  expect(running.output()).toContain('"msg":"stopped"');
}

/** Lines that report an error: pino's error and fatal levels, and anything else that looks like a stack or dump. */
function errorLines(output: string): string[] {
  return output.split('\n').filter((l) => /"level":"(error|fatal)"|\bError\b|ERR!|npm error|^\s+at /.test(l));
}

describe('npm start, and stopping it', () => {
  it('reports a malformed setting at once, before any build', async () => {
    const stamp = path.join(root, 'dist', '.built');
    const before = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
    const now = new Date();
    await utimes(path.join(root, 'src', 'errors.ts'), now, now); // a build would be due
    const npm = spawn('npm', ['start'], {
      cwd: root,
      env: { ...process.env, PORT: 'eighty', DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    npm.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    npm.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    expect(await new Promise((resolve) => npm.once('exit', resolve))).toBe(78);
    expect(out).toContain('PORT:');
    expect(out).not.toMatch(/building/i);
    expect(existsSync(stamp) ? statSync(stamp).mtimeMs : 0).toBe(before);
  });

  it('stops cleanly on Ctrl-C (SIGINT to the whole process group): nothing left running, no errors', async () => {
    const running = await npmStart();
    const pids = await processes();
    killGroup(running.npm, 'SIGINT');
    await expectCleanStop(running, pids);
  }, 150_000);

  it('stops cleanly on SIGTERM to npm alone (a process manager)', async () => {
    const running = await npmStart();
    const pids = await processes();
    running.npm.kill('SIGTERM');
    await expectCleanStop(running, pids);
  }, 120_000);

  it('after a crash (kill -9 of node), the next start stops the orphaned Postgres and becomes ready', async () => {
    const crashed = await npmStart();
    const before = await processes();
    process.kill(before.node, 'SIGKILL');
    await crashed.exited;
    expect(processInfo(before.postgres)).toBeDefined(); // orphaned: nobody stopped it

    const next = await npmStart();
    expect(next.output()).toContain(`stopping the embedded Postgres (pid ${before.postgres})`);
    expect(processInfo(before.postgres)).toBeUndefined();
    const after = await processes();

    // Only another live Justin is refused, by name.
    const second = spawn(process.execPath, ['dist/main.js'], {
      cwd: root,
      env: { ...process.env, PORT: '0', DATA_DIR: dataDir, DATABASE_URL: '', SLACK_BOT_TOKEN: '' },
    });
    let out = '';
    second.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise((resolve) => second.once('exit', resolve));
    expect(code).toBe(1);
    expect(out).toContain(`another Justin is using the database in ${path.join(dataDir, 'pg')}: process ${after.node}`);
    expect(processInfo(after.postgres)).toBeDefined(); // and left alone

    killGroup(next.npm, 'SIGINT');
    await expectCleanStop(next, after);
  }, 180_000);
});

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}

async function readyz(port: number): Promise<number | false> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(2_000) })).status;
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}
