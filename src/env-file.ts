import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';

// `.env` beside the service, read at start (by serve.ts and by the preflight before the build). Its values go into a
// copy of the environment, never into process.env: config.ts stays the one place settings are read from, and a
// variable set in the real environment wins over the file, as with Node's own --env-file and most .env tooling.
// Plain, erasable TypeScript only: scripts/preflight.mjs loads this file with Node's type stripping.

export type Settings = {
  /** The environment with the file's values under it. */
  vars: Record<string, string | undefined>;
  /** The file that was read (absolute), or undefined when there was none. */
  envFile: string | undefined;
};

/** The settings to start with: `file` (default `.env` in `cwd`) if it exists, overridden by `env`. */
export function readSettings({
  env,
  cwd,
  file = '.env',
}: {
  env: Record<string, string | undefined>;
  cwd: string;
  file?: string;
}): Settings {
  const envFile = path.resolve(cwd, file);
  let text: string;
  try {
    text = readFileSync(envFile, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { vars: { ...env }, envFile: undefined };
    throw new Error(`cannot read ${envFile}: ${(err as Error).message}`);
  }
  const fromFile = parseEnv(text);
  const vars: Record<string, string | undefined> = { ...fromFile };
  for (const [key, value] of Object.entries(env)) if (value !== undefined) vars[key] = value;
  return { vars, envFile };
}
