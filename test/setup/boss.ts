import { afterAll, beforeAll } from 'vitest';
import { createBoss, ensureQueues, type Boss } from '../../src/jobs/boss.js';
import { createLogger } from '../../src/logger.js';

export const silentLog = createLogger({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

/** A started pg-boss with every queue, on the test file's database; stopped after the file. */
export function useTestBoss(db: { readonly url: string }): { readonly boss: Boss } {
  let boss: Boss | undefined;
  beforeAll(async () => {
    boss = createBoss({ databaseUrl: db.url, log: silentLog, schedule: false, max: 4 });
    await boss.start();
    await ensureQueues(boss);
  });
  afterAll(async () => {
    await boss?.stop({ graceful: false, close: true });
  });
  return {
    get boss() {
      return boss!;
    },
  };
}
