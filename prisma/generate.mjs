// Runs `prisma generate` offline. Prisma's CLI insists on locating its native schema
// engine even though generating the client never runs it; pointing
// PRISMA_SCHEMA_ENGINE_BINARY at any existing file stops it from trying to download one
// (the download fails without internet). Migrations use the WASM engine instead: src/db/migrations.ts.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);
env.PRISMA_HIDE_UPDATE_MESSAGE = '1';
const bin = fileURLToPath(new URL('../node_modules/prisma/build/index.js', import.meta.url));
const result = spawnSync(process.execPath, [bin, 'generate', '--schema', `${here}schema.prisma`], {
  env,
  stdio: ['ignore', 'ignore', 'inherit'],
});
process.exit(result.status ?? 1);
