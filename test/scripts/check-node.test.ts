import { execFile, execFileSync } from 'node:child_process';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// The Node check before `npm start` and `npm test` do anything (scripts/check-node.mjs, run here as a process with
// a pretend version), and engine-strict, with which `npm install` refuses a Node outside package.json "engines".
const root = new URL('../..', import.meta.url).pathname;
const run = promisify(execFile);
type Failure = { code: number; stdout: string; stderr: string };
const outcome = (p: Promise<{ stdout: string; stderr: string }>) =>
  p.then(
    (ok) => ({ code: 0, ...ok }),
    (err: Failure) => err,
  );
const check = (version: string) => outcome(run(process.execPath, ['scripts/check-node.mjs', version], { cwd: root }));

/** A Node older than Justin supports on this machine (the system's own Node 20 here), with an npm, if any. */
const oldNode = ['/usr/bin/node', '/usr/local/bin/node'].find((p) => {
  if (!existsSync(p) || !existsSync(`${p.replace(/node$/, 'npm')}`)) return false;
  const major = Number(execFileSync(p, ['--version'], { encoding: 'utf8' }).replace(/^v/, '').split('.')[0]);
  return major < 22;
});

describe('the Node check', () => {
  it('accepts the versions in package.json "engines", which npm install enforces (engine-strict)', async () => {
    const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { engines: { node: string } };
    expect(pkg.engines.node).toBe('^22.20.0 || ^24.0.0 || >=26.0.0');
    expect(readFileSync(`${root}.npmrc`, 'utf8')).toMatch(/^engine-strict=true$/m);
    const table: [string, boolean][] = [
      ['18.20.0', false],
      ['20.20.2', false],
      ['22.19.9', false],
      ['22.20.0', true],
      ['23.11.0', false],
      ['24.0.0', true],
      ['v24.22.3', true],
      ['25.1.0', false],
      ['26.0.0', true],
    ];
    const results = await Promise.all(table.map(async ([v]) => [v, (await check(v)).code === 0] as const));
    expect(results).toEqual(table);
  });

  it('says in one line which version is needed and how to get it', async () => {
    const failed = await check('20.20.2');
    expect(failed).toMatchObject({ code: 1, stdout: '' });
    const lines = failed.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/needs Node\.js 24 .*this is Node\.js 20\.20\.2.*https:\/\/nodejs\.org.*nvm install 24/);
  });

  it.skipIf(!oldNode)(
    'stops npm start and npm test on an old Node with that line and a failing exit code',
    async () => {
      const env = { ...process.env, PATH: `${oldNode!.replace(/\/node$/, '')}:/usr/bin:/bin` };
      for (const script of ['start', 'test']) {
        const failed = await outcome(run('npm', [script], { cwd: root, env, timeout: 20_000 }));
        expect(failed.code, script).not.toBe(0);
        expect(failed.stderr.trim().split('\n'), script).toEqual([expect.stringMatching(/^Justin needs Node\.js 24 /)]);
      }
    },
  );

  it.skipIf(!oldNode)('makes npm install refuse an old Node before it downloads anything', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'justin-install-'));
    try {
      for (const f of ['package.json', 'package-lock.json', '.npmrc']) await copyFile(`${root}${f}`, path.join(dir, f));
      const env = { ...process.env, PATH: `${oldNode!.replace(/\/node$/, '')}:/usr/bin:/bin` };
      const failed = await outcome(run('npm', ['ci', '--offline'], { cwd: dir, env, timeout: 20_000 }));
      expect(failed.code).not.toBe(0);
      // npm's own words (no script of ours runs before its engine check): the range required and the Node found.
      expect(failed.stderr).toContain('EBADENGINE');
      expect(failed.stderr).toContain('"node":"^22.20.0 || ^24.0.0 || >=26.0.0"');
      expect(existsSync(path.join(dir, 'node_modules'))).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
