import nock from 'nock';
import { afterAll, beforeAll } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startJustin, type Justin } from '../../src/compose.js';
import { silentLog } from './boss.js';
import { createTestDatabase } from './database.js';

/**
 * The whole app for a test file: its own database, the environment `env(databaseUrl)` builds,
 * started without listening (tests use inject), with no real network (loopback allowed for
 * local fakes; third parties through nock). `before` runs first (e.g. nock for Google's certs).
 */
export function useJustin(
  env: (databaseUrl: string) => Record<string, string>,
  { before }: { before?: () => void | Promise<void> } = {},
): { readonly justin: Justin } {
  let justin: Justin | undefined;
  let db: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect(/127\.0\.0\.1|localhost/);
    await before?.();
    db = await createTestDatabase();
    justin = await startJustin(loadConfig(env(db.url)), silentLog, { listen: false });
  });
  afterAll(async () => {
    await justin?.stop();
    await db?.drop();
    nock.cleanAll();
    nock.enableNetConnect();
  });
  return {
    get justin() {
      return justin!;
    },
  };
}
