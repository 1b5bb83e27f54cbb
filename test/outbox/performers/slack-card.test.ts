import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma, poolOf, type PrismaClient } from '../../../src/db/prisma.js';
import { createSlackCardPerformer } from '../../../src/outbox/performers/slack-card.js';
import { ChannelDirectory } from '../../../src/slack/channel-directory.js';
import { createSlackClient } from '../../../src/slack/web-client.js';
import { FakeSlackApi } from '../../fakes/slack-api.js';
import { silentLog } from '../../setup/boss.js';
import { createTestDatabase } from '../../setup/database.js';

// Slack as far away as it is in production: each answer takes 100 ms.
const slack = new FakeSlackApi();
slack.answerAfterMs = 100;
let db: Awaited<ReturnType<typeof createTestDatabase>>;
let prisma: PrismaClient;
beforeAll(async () => {
  await slack.start();
  db = await createTestDatabase();
  prisma = createPrisma(db.url, { max: 4 });
});
afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
  await slack.stop();
});

async function applications(n: number): Promise<string[]> {
  const role = await prisma.role.create({
    data: { title: `Card Engineer ${randomUUID()}`, slackChannelId: 'C0CARDS' },
  });
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const email = `card.${i}.${Date.now()}@example.com`;
    const candidate = await prisma.candidate.create({ data: { name: `Card ${i}`, email, displayEmail: email } });
    ids.push((await prisma.application.create({ data: { roleId: role.id, candidateId: candidate.id } })).id);
  }
  return ids;
}

const attempt = (applicationId: string, n: number) => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  idempotencyKey: `card:${applicationId}:first`,
  payload: { applicationId },
  attempt: 1,
  previousAttemptAt: null,
  signal: new AbortController().signal,
});

describe('slack.card performer', () => {
  it('holds at most its share of the pool while Slack answers, so other queries still get a connection', async () => {
    const client = createSlackClient({ token: 'xoxb-test', apiUrl: slack.url, log: silentLog });
    const performer = createSlackCardPerformer({
      client,
      prisma,
      channels: new ChannelDirectory(client),
      concurrency: 1,
    });
    const ids = await applications(8);

    // While the cards go out, how many of the pool's four connections are taken, and whether
    // anyone waits for one.
    const pool = poolOf(prisma);
    let mostTaken = 0;
    let mostWaiting = 0;
    const watch = setInterval(() => {
      mostTaken = Math.max(mostTaken, pool.totalCount - pool.idleCount);
      mostWaiting = Math.max(mostWaiting, pool.waitingCount);
    }, 5);
    const started = performance.now();
    const cards = Promise.all(ids.map((id, i) => performer.perform(attempt(id, i))));
    await sleep(150);
    // A query of the rest of the app meanwhile: answered from the connections left.
    expect(await prisma.role.count()).toBeGreaterThan(0);
    const outcomes = await cards;
    clearInterval(watch);

    // One card at a time (each waits 100 ms on Slack inside its transaction), and so one
    // connection, plus one for a moment before a first post (its "posting" mark, committed at
    // once) and the query above; without the limit all four were taken and the query queued.
    expect(slack.mostInFlight).toBe(1);
    expect(mostTaken).toBeLessThanOrEqual(3);
    expect(mostWaiting).toBe(0);
    expect(performance.now() - started).toBeGreaterThanOrEqual(8 * 100);
    const posts = slack.calls.filter((c) => c.method === 'chat.postMessage');
    expect(posts).toHaveLength(8);
    const stored = await prisma.application.findMany({
      where: { id: { in: ids } },
      select: { id: true, slackMessageTs: true },
    });
    expect(stored.every((a) => a.slackMessageTs)).toBe(true);
    expect(outcomes.map((o) => o.externalId).sort()).toEqual(stored.map((a) => a.slackMessageTs).sort());
  });
});
