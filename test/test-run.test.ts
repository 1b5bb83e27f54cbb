import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// `npm test` must never exit 0 with a failed file. It once did: the global setup loads the embedded Postgres module,
// whose async-exit-hook called process.exit(0) on 'beforeExit', over the exit code Vitest had set.
const root = new URL('..', import.meta.url).pathname;

const vitest = (file: string) =>
  promisify(execFile)(
    process.execPath,
    ['node_modules/vitest/vitest.mjs', 'run', '--config', 'test/fixtures/failing-run/vitest.config.ts', file],
    { cwd: root, env: { ...process.env, CI: '1' } },
  ).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (err: { code: number; stdout: string }) => err,
  );

describe('a test run', () => {
  it('with a failed file exits non-zero', async () => {
    const run = await vitest('always-fails');
    expect(run.stdout).toMatch(/1 failed/);
    expect(run.code).toBe(1);
  }, 60_000);

  it('with every file passing exits 0 (the exit hooks throw nothing)', async () => {
    const run = await vitest('always-passes');
    expect(run.stdout).toMatch(/1 passed/);
    expect(run.code).toBe(0);
  }, 60_000);
});
