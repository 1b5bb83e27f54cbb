import { spawn } from 'node:child_process';
import { chmod, mkdtemp, rm, utimes } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

// `npm start` to a 200 from /readyz, as a person runs it (its own process group, no DATABASE_URL, no integrations),
// then Ctrl-C (SIGINT to the group) and the wait for it to exit. Cold: no dist/ and a fresh data directory (the
// first start of a clone: build, initdb, migrations). Warm: the same again, nothing changed. Touched: one source
// file newer than the build (an incremental build).

const root = new URL('../..', import.meta.url).pathname;

export type StartRun = { readyMs: number; stopMs: number };
export type StartBench = { cold: StartRun; warm: StartRun[]; touched: StartRun };

export async function benchStart({ warmRuns = 5 }: { warmRuns?: number } = {}): Promise<StartBench> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'justin-start-bench-'));
  await chmod(dataDir, 0o755); // the embedded server runs as the postgres user when we are root
  try {
    await rm(path.join(root, 'dist'), { recursive: true, force: true });
    const cold = await startOnce(dataDir);
    const warm: StartRun[] = [];
    for (let i = 0; i < warmRuns; i++) warm.push(await startOnce(dataDir));
    const now = new Date();
    await utimes(path.join(root, 'src', 'errors.ts'), now, now);
    const touched = await startOnce(dataDir);
    return { cold, warm, touched };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function startOnce(dataDir: string): Promise<StartRun> {
  const port = await freePort();
  const started = performance.now();
  const npm = spawn('npm', ['start'], {
    cwd: root,
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '' },
  });
  const exited = new Promise<void>((resolve) => npm.once('exit', () => resolve()));
  for (;;) {
    const status = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) break;
    if (performance.now() - started > 180_000) throw new Error('npm start was not ready in 180 s');
    await new Promise((r) => setTimeout(r, 20));
  }
  const readyMs = performance.now() - started;
  const stopping = performance.now();
  process.kill(-npm.pid!, 'SIGINT');
  await exited;
  return { readyMs, stopMs: performance.now() - stopping };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}
