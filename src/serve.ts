import { ConfigError, loadConfig, type Config } from './config.js';
import { startJustin, type Justin } from './compose.js';
import { readSettings } from './env-file.js';
import { createLogger } from './logger.js';

// Both roles (ROLE=all|web|worker), loaded by main.ts. Reads the settings once (.env under the environment),
// starts, and stops gracefully on SIGTERM (Docker, systemd, `kill`), SIGINT (Ctrl-C) or SIGHUP (terminal closed).

let config: Config;
try {
  const { vars, envFile } = readSettings({ env: process.env, cwd: process.cwd() });
  config = loadConfig(vars, { envFile });
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(78); // EX_CONFIG
  }
  throw err;
}

const log = createLogger({ level: config.logLevel });
log.info(config.envFile ? `settings from ${config.envFile} and the environment` : 'settings from the environment');

// Handlers go in before the start: a signal during it (Postgres starting, migrations) must stop us cleanly too,
// not kill this process with the detached Postgres left running. A Ctrl-C under `npm start` arrives twice (the
// terminal signals the whole group, npm forwards its copy): repeats within a few seconds are that echo; a later
// one is someone who does not want to wait, and exits at once (Postgres is still stopped, on exit).
let justin: Justin | undefined;
let stopRequested: { signal: NodeJS.Signals; at: number } | undefined;
const stop = (signal: NodeJS.Signals) => {
  if (stopRequested) {
    if (Date.now() - stopRequested.at > 3_000) {
      log.warn({ signal }, 'stopping now, without waiting for running work');
      process.exit(1);
    }
    return;
  }
  stopRequested = { signal, at: Date.now() };
  log.info({ signal }, 'stopping');
  if (justin) void finish(justin);
};
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, stop);

async function finish(running: Justin): Promise<never> {
  const force = setTimeout(() => {
    log.error('still stopping after 30 s; exiting');
    process.exit(1);
  }, 30_000);
  force.unref();
  try {
    await running.stop();
    log.info('stopped');
    process.exit(0);
  } catch (err) {
    log.error({ err }, 'unclean stop');
    process.exit(1);
  }
}

justin = await startJustin(config, log).catch((err: unknown) => {
  log.fatal({ err }, 'Justin failed to start');
  process.exit(1);
});
const address = justin.server?.server.address();
const where = address && typeof address === 'object' ? ` on http://localhost:${address.port}` : '';
log.info(`Justin is up (role ${config.role})${where}`);
if (stopRequested) await finish(justin);
