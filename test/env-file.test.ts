import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { readSettings } from '../src/env-file.js';

// `.env` beside the service: read at start, under the real environment, never written into process.env.
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'justin-env-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('settings from .env', () => {
  it('are read from the working directory, and a variable in the environment wins over the file', async () => {
    await writeFile(
      path.join(dir, '.env'),
      '# copied from .env.example\nPORT=4000\nLOG_LEVEL=debug\nDATA_DIR="/srv/justin data"\nROLE=worker\n',
    );
    const env = { PORT: '5000', ROLE: '' };
    const { vars, envFile } = readSettings({ env, cwd: dir });
    expect(envFile).toBe(path.join(dir, '.env'));
    const config = loadConfig(vars, { envFile });
    expect(config.http.port).toBe(5000); // the environment's
    expect(config.logLevel).toBe('debug'); // the file's
    expect(config.database.dataDir).toBe('/srv/justin data'); // quoted in the file
    expect(config.role).toBe('all'); // set empty in the environment: that wins too, and empty means the default
    expect(config.envFile).toBe(path.join(dir, '.env'));
    expect(env).toEqual({ PORT: '5000', ROLE: '' }); // the environment given is not changed
    expect(process.env.LOG_LEVEL).not.toBe('debug');
  });

  it('are the environment alone when there is no .env', async () => {
    const empty = await mkdtemp(path.join(dir, 'none-'));
    const { vars, envFile } = readSettings({ env: { PORT: '5000' }, cwd: empty });
    expect(envFile).toBeUndefined();
    expect(vars).toEqual({ PORT: '5000' });
    expect(loadConfig(vars).envFile).toBeUndefined();
  });

  it('stop the start with a malformed setting from the file, as from the environment', async () => {
    await writeFile(path.join(dir, '.env'), 'PORT=eighty\n');
    const { vars } = readSettings({ env: {}, cwd: dir });
    expect(() => loadConfig(vars)).toThrow(/PORT:/);
  });
});
