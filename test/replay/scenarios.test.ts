import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FakeAnthropic } from '../fakes/anthropic-api.js';
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

describe('recording a conversation', () => {
  it('answers recorded from an upstream Messages API replay the same conversation without it', async () => {
    const scripted = await loadScenario(path.join(dir, 'happy-path.json'));
    // The "real" API here is another local fake answering the scripted conversation.
    const upstream = await new FakeAnthropic().start();
    upstream.agentScript.push(...(scripted.agent as never[]));
    upstream.readingScript.push(...(scripted.reading as never[]));
    const live = await startScenario({ prisma: db.prisma, boss: q.boss }, scripted);
    live.claude.upstream = { url: upstream.url, apiKey: 'sk-live' };
    try {
      expect(await playScenario(live, { ...scripted, agent: [], reading: [] })).toEqual([]);
    } finally {
      await live.stop();
      await upstream.stop();
    }
    expect(live.claude.recorded.agent).toEqual(scripted.agent);
    expect(live.claude.recorded.reading).toEqual(scripted.reading);
    const again = await startScenario({ prisma: db.prisma, boss: q.boss }, scripted);
    try {
      expect(await playScenario(again, { ...scripted, ...live.claude.recorded })).toEqual([]);
    } finally {
      await again.stop();
    }
  });
});
