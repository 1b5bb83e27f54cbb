import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestBoss } from '../setup/boss.js';
import { useTestDatabase } from '../setup/database.js';
import { loadScenario, playScenario, startScenario } from './scenario.js';

const db = useTestDatabase();
const q = useTestBoss(db);
const dir = new URL('./scenarios/', import.meta.url).pathname;
const files = (await readdir(dir)).filter((f) => f.endsWith('.json'));

// The scenario files `npm run replay` plays by default: each must still play as it says.
describe('replay scenario files', () => {
  it.each(files)('%s plays as expected', async (file) => {
    const scenario = await loadScenario(path.join(dir, file));
    const replay = await startScenario({ prisma: db.prisma, boss: q.boss }, scenario);
    try {
      expect(await playScenario(replay, scenario)).toEqual([]);
    } finally {
      await replay.stop();
    }
  });
});
