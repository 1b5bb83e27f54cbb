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

  it('does not post a second card while a killed worker may still be posting the first; then adopts it', async () => {
    const client = createSlackClient({ token: 'xoxb-test', apiUrl: slack.url, log: silentLog });
    const performer = createSlackCardPerformer({
      client,
      prisma,
      channels: new ChannelDirectory(client),
      concurrency: 1,
    });
    const [applicationId] = await applications(1);
    // A refresh claimed by a worker that marked its post and died (its lock went with it).
    const dead = await prisma.outboxEffect.create({
      data: {
        idempotencyKey: `card:${applicationId}:dead`,
        kind: 'slack.card',
        service: 'slack',
        payload: { applicationId },
        attempts: 1,
        lastAttemptAt: new Date(),
        claimedUntil: new Date(Date.now() + 60_000),
        result: { postingAt: new Date().toISOString() },
        applicationId: applicationId!,
      },
    });
    const posts = () => slack.calls.filter((c) => c.method === 'chat.postMessage').length;
    const before = posts();
    await expect(performer.perform(attempt(applicationId!, 99))).rejects.toMatchObject({
      code: 'BUSY',
      retryAfterMs: expect.any(Number),
    });
    expect(posts()).toBe(before);
    // Its post lands; its lease lapses: the next refresh finds that post and adopts it.
    await client.chat.postMessage({
      channel: 'C0CARDS',
      text: 'card',
      metadata: { event_type: 'justin_outbox', event_payload: { key: `card:${applicationId}` } },
    });
    await prisma.outboxEffect.update({ where: { id: dead.id }, data: { claimedUntil: new Date(Date.now() - 1) } });
    const outcome = await performer.perform(attempt(applicationId!, 98));
    expect(posts()).toBe(before + 1);
    expect(outcome.externalId).toBe(slack.messages.at(-1)!.ts);
  });
});
