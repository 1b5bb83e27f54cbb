import { ConfigError, loadConfig, type Config } from './config.js';
import { startJustin } from './compose.js';
import { createLogger } from './logger.js';

// Both roles (ROLE=all|web|worker), loaded by main.ts. Reads the environment once, starts,
// and stops gracefully on SIGTERM / SIGINT.

let config: Config;
try {
  config = loadConfig(process.env);
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(78); // EX_CONFIG
  }
  throw err;
}

const log = createLogger({ level: config.logLevel });
const justin = await startJustin(config, log).catch((err: unknown) => {
  log.fatal({ err }, 'Justin failed to start');
  process.exit(1);
});
const address = justin.server?.server.address();
const where = address && typeof address === 'object' ? ` on http://localhost:${address.port}` : '';
log.info(`Justin is up (role ${config.role})${where}`);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    log.info({ signal }, 'stopping');
    const force = setTimeout(() => process.exit(1), 30_000);
    force.unref();
    justin.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'unclean stop');
        process.exit(1);
      },
    );
  });
}
