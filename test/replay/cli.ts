// npm run replay -- <scenario.json>…: plays scripted conversations through the real agent code
// against local fakes and prints each transcript (every agent step, email, Slack post and
// calendar change). Uses DATABASE_URL's server (in a database of its own) or an embedded Postgres.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { createPrisma } from '../../src/db/prisma.js';
import { resolveDatabase } from '../../src/db/resolve-database.js';
import { createBoss, ensureQueues } from '../../src/jobs/boss.js';
import { createLogger } from '../../src/logger.js';
import { freshDatabase } from '../setup/fresh-database.js';
import { loadScenario, playScenario, startScenario } from './scenario.js';

const args = process.argv.slice(2);
const dir = new URL('./scenarios/', import.meta.url).pathname;
const files = args.length ? args : (await readdir(dir)).filter((f) => f.endsWith('.json')).map((f) => path.join(dir, f));
const db = await resolveDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: '.data/pg-replay', log: () => {} });
let failed = 0;
try {
  const url = await freshDatabase(db.url, 'justin_replay');
  const prisma = createPrisma(url);
  const boss = createBoss({ databaseUrl: url, log: createLogger({ level: 'silent' }), schedule: false });
  await boss.start();
  await ensureQueues(boss);
  for (const file of files) {
    const scenario = await loadScenario(file);
    const replay = await startScenario({ prisma, boss }, scenario);
    try {
      const misses = await playScenario(replay, scenario);
      console.log(`\n# ${scenario.name}\n(${path.basename(file)})\n`);
      console.log((await replay.transcript()).join('\n'));
      if (replay.failures.length) console.log(`\nretried job failures:\n${replay.failures.map((f) => `  ${f.queue}: ${f.error.split('\n')[0]}`).join('\n')}`);
      console.log(misses.length ? `\nNOT AS EXPECTED:\n${misses.map((m) => `  - ${m}`).join('\n')}` : '\nas expected');
      if (misses.length) failed++;
    } finally {
      await replay.stop();
    }
  }
  await boss.stop({ graceful: false, close: true });
  await prisma.$disconnect();
} finally {
  await db.stop();
}
process.exit(failed ? 1 : 0);
