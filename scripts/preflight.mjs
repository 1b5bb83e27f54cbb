// What `npm start` runs before it hands over to `node dist/main.js` (with exec, so signals reach Justin itself):
// 1. the Node check, first, in plain JavaScript an old Node can run;
// 2. the settings (.env under the environment), so a malformed one is reported at once, not after a build;
// 3. the build, only when a source changed.
// The settings are read by src/config.ts itself, loaded with Node's own type stripping (no build needed for it).
import { fileURLToPath } from 'node:url';
import { checkNode } from './check-node.mjs';

checkNode();

const root = fileURLToPath(new URL('..', import.meta.url));
const { readSettings } = await import('../src/env-file.ts');
const { loadConfig, ConfigError } = await import('../src/config.ts');
try {
  const { vars, envFile } = readSettings({ env: process.env, cwd: process.cwd() });
  loadConfig(vars, { envFile });
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(err.message);
  process.exit(78); // EX_CONFIG, as the service itself
}

const { buildIfStale } = await import('./build-if-stale.mjs');
buildIfStale(root);
