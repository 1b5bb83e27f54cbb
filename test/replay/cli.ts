// npm run replay -- <scenario.json>…: plays scripted conversations through the real agent code
// against local fakes and prints each transcript (every agent step, email, Slack post and
// calendar change). Uses DATABASE_URL's server (in a database of its own) or an embedded Postgres.
//
// --record out.json (one scenario): the model's answers come from a real Messages API
// (ANTHROPIC_BASE_URL, ANTHROPIC_API_KEY) instead of the script, and are written to out.json
// as a new scenario that replays the conversation exactly, without the network.
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createPrisma } from '../../src/db/prisma.js';
import { resolveDatabase } from '../../src/db/resolve-database.js';
import { createBoss, ensureQueues } from '../../src/jobs/boss.js';
import { createLogger } from '../../src/logger.js';
import { freshDatabase } from '../setup/fresh-database.js';
import { loadScenario, playScenario, startScenario } from './scenario.js';

const argv = process.argv.slice(2);
const recordAt = argv.indexOf('--record');
const recordTo = recordAt >= 0 ? argv[recordAt + 1] : undefined;
const args = recordAt >= 0 ? argv.filter((_, i) => i !== recordAt && i !== recordAt + 1) : argv;
if (recordTo && (!process.env.ANTHROPIC_API_KEY || args.length !== 1)) {
  console.error(
    '--record needs ANTHROPIC_API_KEY (and ANTHROPIC_BASE_URL if not api.anthropic.com) and exactly one scenario file',
  );
  process.exit(2);
}
const dir = new URL('./scenarios/', import.meta.url).pathname;
const files = args.length
  ? args
  : (await readdir(dir)).filter((f) => f.endsWith('.json')).map((f) => path.join(dir, f));
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
    if (recordTo)
      replay.claude.upstream = {
        url: process.env.ANTHROPIC_BASE_URL ?? 'https://api.anthropic.com',
        apiKey: process.env.ANTHROPIC_API_KEY!,
      };
    try {
      const misses = await playScenario(replay, recordTo ? { ...scenario, agent: [], reading: [] } : scenario);
      if (recordTo) {
        await writeFile(
          recordTo,
          `${JSON.stringify(
            {
              ...scenario,
              name: `${scenario.name} (recorded)`,
              agent: replay.claude.recorded.agent,
              reading: replay.claude.recorded.reading,
            },
            null,
            2,
          )}\n`,
        );
        console.log(
          `recorded ${replay.claude.recorded.agent.length} agent and ${replay.claude.recorded.reading.length} ` +
            `reading answers to ${recordTo}`,
        );
      }
      console.log(`\n# ${scenario.name}\n(${path.basename(file)})\n`);
      console.log((await replay.transcript()).join('\n'));
      if (replay.failures.length)
        console.log(
          '\nretried job failures:\n' +
            `${replay.failures.map((f) => `  ${f.queue}: ${f.error.split('\n')[0]}`).join('\n')}`,
        );
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
