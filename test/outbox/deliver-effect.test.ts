import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { deliverEffect, sweepOutbox, type DeliverDeps } from '../../src/outbox/deliver-effect.js';
import { createPerformers } from '../../src/outbox/performers/index.js';
import { recordEffect } from '../../src/outbox/record-effect.js';
import type { EffectKind, EffectPayloads } from '../../src/outbox/effect-kinds.js';
import { BreakerRegistry } from '../../src/resilience/circuit-breaker.js';
import { createSlackClient } from '../../src/slack/web-client.js';
import { silentLog, useTestBoss } from '../setup/boss.js';
import { useTestDatabase } from '../setup/database.js';

// Delivery against real client code (fetch, @slack/web-api) with nock at the HTTP edge.
const db = useTestDatabase();
const q = useTestBoss(db);
const HOOK = 'https://hooks.example.com';

let seq = 0;
async function record<K extends EffectKind>(kind: K, payload: EffectPayloads[K]): Promise<string> {
  const key = `test:${++seq}:${Date.now()}`;
  return db.prisma.$transaction(
    async (tx) => (await recordEffect({ tx, boss: q.boss }, { kind, idempotencyKey: key, payload }))!,
  );
}

function deps(overrides: Partial<DeliverDeps> = {}): DeliverDeps {
  const slack = createSlackClient({ token: 'xoxb-test', apiUrl: 'https://slack.com/api/', log: silentLog });
  return {
    prisma: db.prisma,
    boss: q.boss,
    performers: createPerformers({ slack, prisma: db.prisma }),
    breakers: new BreakerRegistry(),
    log: silentLog,
    ...overrides,
  };
}

const effect = (id: string) => db.prisma.outboxEffect.findUniqueOrThrow({ where: { id } });

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1|localhost/);
});
afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});
afterAll(() => nock.enableNetConnect());

describe('deliverEffect', () => {
  it('performs a webhook once, with its idempotency key, and records the outcome', async () => {
    const id = await record('webhook.post', { url: `${HOOK}/ats`, body: { hired: true } });
    const key = (await effect(id)).idempotencyKey;
    nock(HOOK).post('/ats', { hired: true }).matchHeader('idempotency-key', key).reply(204);

    expect(await deliverEffect(deps(), id)).toBe('done');
    expect(await effect(id)).toMatchObject({ status: 'DONE', attempts: 1, lastError: null, claimedUntil: null });
    expect(await deliverEffect(deps(), id)).toBe('skipped');
  });

  it('honours Retry-After on a 429: the next attempt is not due before it', async () => {
    const id = await record('webhook.post', { url: `${HOOK}/slow`, body: {} });
    nock(HOOK).post('/slow').reply(429, '', { 'Retry-After': '120' });
    const before = Date.now();

    expect(await deliverEffect(deps(), id)).toBe('retry');

    const row = await effect(id);
    expect(row).toMatchObject({
      status: 'PENDING',
      attempts: 1,
      lastError: 'webhook answered 429',
      claimedUntil: null,
    });
    expect(row.nextAttemptAt.getTime() - before).toBeGreaterThanOrEqual(120_000);
    const jobs = await q.boss.findJobs('outbox.deliver', { data: { effectId: id } });
    expect(jobs.length).toBe(2);
    const latest = Math.max(...jobs.map((j) => j.startAfter.getTime()));
    expect(latest - before).toBeGreaterThanOrEqual(120_000);
  });

  it("honours Slack's Retry-After on a rate-limited chat.postMessage", async () => {
    const id = await record('slack.post', { channel: 'C1', text: 'hello' });
    nock('https://slack.com')
      .post('/api/chat.postMessage')
      .reply(429, { ok: false, error: 'ratelimited' }, { 'Retry-After': '30' });
    const before = Date.now();

    expect(await deliverEffect(deps(), id)).toBe('retry');
    expect((await effect(id)).nextAttemptAt.getTime() - before).toBeGreaterThanOrEqual(30_000);
  });

  it('gives up at once on a permanent refusal and marks the effect dead', async () => {
    const id = await record('slack.post', { channel: 'C404', text: 'hello' });
    nock('https://slack.com').post('/api/chat.postMessage').reply(200, { ok: false, error: 'channel_not_found' });

    expect(await deliverEffect(deps(), id)).toBe('dead');
    expect(await effect(id)).toMatchObject({ status: 'DEAD', lastError: 'slack chat.postMessage: channel_not_found' });
  });

  it('marks an effect dead after its last allowed attempt', async () => {
    const id = await record('webhook.post', { url: `${HOOK}/down`, body: {} });
    nock(HOOK).post('/down').times(2).reply(503);
    const d = deps({ options: { maxAttempts: 2 } });

    expect(await deliverEffect(d, id)).toBe('retry');
    await db.prisma.outboxEffect.update({ where: { id }, data: { nextAttemptAt: new Date() } });
    expect(await deliverEffect(d, id)).toBe('dead');
    expect(await effect(id)).toMatchObject({ status: 'DEAD', attempts: 2 });
  });

  it('never marks an effect dead because our own bulkhead was full, nor blames the service for it', async () => {
    const id = await record('webhook.post', { url: `${HOOK}/never-called`, body: {} });
    const busy = {
      perform: async () => Promise.reject(new AppError('BUSY', 'webhooks: all slots taken', { retryAfterMs: 1_000 })),
    };
    const breakers = new BreakerRegistry(Date.now, { failureThreshold: 2, cooldownMs: 60_000, maxCooldownMs: 60_000 });
    const d = deps({ performers: { 'webhook.post': busy }, breakers, options: { maxAttempts: 2 } });
    for (let i = 0; i < 4; i++) {
      expect(await deliverEffect(d, id)).toBe('retry');
      await db.prisma.outboxEffect.update({ where: { id }, data: { nextAttemptAt: new Date() } });
    }
    expect(await effect(id)).toMatchObject({ status: 'PENDING', attempts: 4, lastError: 'webhooks: all slots taken' });
    expect(breakers.get('webhook').state).toBe('closed');
  });

  it('opens the circuit after repeated failures and stops calling the service', async () => {
    const breakers = new BreakerRegistry(Date.now, { failureThreshold: 3, cooldownMs: 60_000, maxCooldownMs: 60_000 });
    const d = deps({ breakers });
    nock(HOOK).post('/flaky').times(3).reply(500);
    for (let i = 0; i < 3; i++) {
      expect(await deliverEffect(d, await record('webhook.post', { url: `${HOOK}/flaky`, body: {} }))).toBe('retry');
    }
    expect(breakers.get('webhook').state).toBe('open');

    const held = await record('webhook.post', { url: `${HOOK}/flaky`, body: {} });
    expect(await deliverEffect(d, held)).toBe('deferred'); // nock would fail the test if a call went out
    expect(await effect(held)).toMatchObject({ status: 'PENDING', attempts: 0, lastError: 'circuit open' });
  });

  it('keeps an effect pending while its integration is not configured', async () => {
    const id = await record('slack.post', { channel: 'C1', text: 'hello' });
    const d = deps({ performers: createPerformers({ slack: undefined, prisma: db.prisma }) });
    expect(await deliverEffect(d, id)).toBe('retry');
    expect(await effect(id)).toMatchObject({
      status: 'PENDING',
      lastError: expect.stringContaining('slack is not configured'),
    });
  });

  it('marks a malformed payload dead without calling anyone', async () => {
    const id = await record('webhook.post', { url: 'not a url', body: {} } as EffectPayloads['webhook.post']);
    expect(await deliverEffect(deps(), id)).toBe('dead');
    expect((await effect(id)).lastError).toMatch(/invalid webhook.post payload/);
  });

  it('sweeps overdue effects back into the queue', async () => {
    const id = await record('webhook.post', { url: `${HOOK}/later`, body: {} });
    await db.prisma.outboxEffect.update({ where: { id }, data: { nextAttemptAt: new Date(Date.now() - 5 * 60_000) } });
    const before = (await q.boss.findJobs('outbox.deliver', { data: { effectId: id } })).length;
    expect(await sweepOutbox({ prisma: db.prisma, boss: q.boss })).toBeGreaterThanOrEqual(1);
    expect((await q.boss.findJobs('outbox.deliver', { data: { effectId: id } })).length).toBe(before + 1);
  });
});
