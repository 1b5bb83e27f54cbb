import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runSlotsCommand } from '../../src/cli/slots-command.js';

const fixture = new URL('../fixtures/scheduling/three-continents.json', import.meta.url);

describe('slots command', () => {
  it('prints ranked slots with everyone’s local time', async () => {
    const result = runSlotsCommand({ json: await readFile(fixture, 'utf8') });
    expect(result.exitCode).toBe(0);
    const output = JSON.parse(result.stdout);
    // Overlap 12:00–13:30Z (New York on EDT, London on GMT); Priya is busy 12:30–13:00Z.
    expect(output.slots.map((s: { start: string }) => s.start).sort()).toEqual([
      '2026-03-09T12:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
    ]);
    expect(output.slots.find((s: { start: string }) => s.start === '2026-03-09T12:00:00.000Z').local).toEqual({
      lena: 'Mon 9 Mar 2026 12:00 Europe/London',
      nate: 'Mon 9 Mar 2026 08:00 America/New_York',
      priya: 'Mon 9 Mar 2026 17:30 Asia/Kolkata',
      candidate: 'Mon 9 Mar 2026 07:00 America/Chicago',
    });
  });

  it('explains a time', async () => {
    const result = runSlotsCommand({ json: await readFile(fixture, 'utf8'), explain: '2026-03-09T12:30:00Z' });
    expect(JSON.parse(result.stdout)).toMatchObject({
      possible: false,
      reasons: ['Priya is busy 18:00–18:30 Asia/Kolkata'],
    });
  });

  it('refuses bad input with every problem and exit code 2', () => {
    const result = runSlotsCommand({
      json: JSON.stringify({
        interviewers: [{ id: 'a', name: 'A', zone: 'IST', weeklyHours: {} }],
        window: { start: '2026-03-09T09:00', end: 'x' },
      }),
    });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('must be an IANA time zone');
    expect(result.stderr).toContain('must be an ISO 8601 instant with Z or an offset');
    expect(result.stderr).toContain('now');
    expect(runSlotsCommand({ json: '{' }).stderr).toMatch(/not valid JSON/);
    expect(runSlotsCommand({ json: '{}', explain: '2026-03-09 14:00' }).exitCode).toBe(2);
  });

  it('runs as a process on a file (npm run slots)', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [
      '--import',
      'tsx',
      'src/cli/slots.ts',
      fixture.pathname,
      '--explain',
      '2026-03-09T12:00:00Z',
    ]);
    expect(JSON.parse(stdout)).toMatchObject({ possible: true, interviewerIds: ['lena', 'nate', 'priya'] });
  });

  it('reads the file named in the documented form, npm run slots -- query.json, not standard input', async () => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    // Standard input is an empty pipe: a command that read it instead of the file would say "not valid JSON".
    const run = promisify(execFile)(npm, ['run', '--silent', 'slots', '--', fixture.pathname], {
      cwd: new URL('../..', import.meta.url).pathname,
    });
    run.child.stdin?.end();
    const { stdout } = await run;
    expect(JSON.parse(stdout).slots.length).toBe(2);
  });
});
