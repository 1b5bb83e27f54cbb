import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './setup/database.js';
import { eventually } from './setup/workers.js';

// `npm start` as a user runs it: the real entry point in its own process, stopped with SIGTERM.
const root = new URL('..', import.meta.url).pathname;
const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.kill('SIGKILL')));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function start(env: Record<string, string>, preload: string[] = []): { child: ChildProcess; output: () => string } {
  let out = '';
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !k.startsWith('SLACK_') && !k.startsWith('GOOGLE_') && k !== 'DATABASE_URL',
    ),
  );
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', ...preload.flatMap((p) => ['--import', p]), 'src/main.ts'],
    { cwd: root, env: { ...clean, LOG_LEVEL: 'info', ...env } },
  );
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  children.push(child);
  return { child, output: () => out };
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

async function readyz(port: number): Promise<number | false> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/readyz`)).status;
  } catch {
    return false;
  }
}

describe('the service process', () => {
  it('starts on a fresh machine with no DATABASE_URL: embedded Postgres, migrations, ready, status page; stops on ' +
    'SIGTERM', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'justin-fresh-'));
    await chmod(dataDir, 0o755); // the embedded server runs as the postgres user when we are root
    const port = await freePort();
    const { child, output } = start({ PORT: String(port), DATA_DIR: dataDir });
    try {
      await eventually(async () => (await readyz(port)) === 200, { timeoutMs: 60_000, everyMs: 200 });
      const page = await fetch(`http://127.0.0.1:${port}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Create the Slack app');
      expect(output()).toContain('no DATABASE_URL: started embedded Postgres');

      child.kill('SIGTERM');
      expect(await exited(child)).toBe(0);
      expect(output()).toContain('"signal":"SIGTERM"');
      expect(await readyz(port)).toBe(false);
    } finally {
      child.kill('SIGKILL');
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 90_000);

  it('refuses to start with a bad setting and lists every problem', async () => {
    const { child, output } = start({ PORT: 'eighty', SLACK_SIGNING_SECRET: '0123456789abcdef0123456789abcdef' });
    expect(await exited(child)).toBe(78);
    expect(output()).toContain('PORT:');
    expect(output()).toContain('SLACK_BOT_TOKEN: missing');
  });

  it('splits into a worker process that serves only health and metrics', async () => {
    const db = await createTestDatabase();
    const port = await freePort();
    const { child, output } = start({ DATABASE_URL: db.url, ROLE: 'worker', PORT: String(port) }, [
      './test/fixtures/process/report-on-exit.mjs',
    ]);
    try {
      await eventually(async () => output().includes('Justin is up (role worker)'), { timeoutMs: 30_000 });
      expect(await readyz(port)).toBe(200);
      expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(404);
      child.kill('SIGTERM');
      expect(await exited(child)).toBe(0);
      // What keeps a process small (see src/main.ts and src/gmail/gmail-api.ts): source maps for
      // our own code only, and of googleapis's ~300 APIs only the two Justin calls.
      const report = JSON.parse(/REPORT (.*)/.exec(output())![1]!) as {
        sourceMaps: { enabled: boolean; nodeModules: boolean };
        googleApis: string[];
      };
      expect(report.sourceMaps).toMatchObject({ enabled: true, nodeModules: false });
      expect(report.googleApis).toEqual(['calendar', 'gmail']);
    } finally {
      child.kill('SIGKILL');
      await db.drop();
    }
  }, 60_000);
});
