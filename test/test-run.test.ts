import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// `npm test` must never exit 0 with a failed file. It once did: the global setup loads the embedded Postgres module,
// whose async-exit-hook called process.exit(0) on 'beforeExit', over the exit code Vitest had set.
const root = new URL('..', import.meta.url).pathname;

describe('a test run with a failed file', () => {
  it('exits non-zero', async () => {
    const run = await promisify(execFile)(
      process.execPath,
      ['node_modules/vitest/vitest.mjs', 'run', '--config', 'test/fixtures/failing-run/vitest.config.ts'],
      { cwd: root, env: { ...process.env, CI: '1' } },
    ).then(
      () => ({ code: 0, stdout: '' }),
      (err: { code: number; stdout: string }) => err,
    );
    expect(run.stdout).toMatch(/1 failed/);
    expect(run.code).toBe(1);
  }, 60_000);
});
