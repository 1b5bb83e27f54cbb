import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordEffect } from '../../src/outbox/record-effect.js';
import { OUTBOX_EVENT_TYPE } from '../../src/outbox/performers/slack.js';
import { createSlackClient } from '../../src/slack/web-client.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { createApplication } from '../factories/index.js';
import { silentLog, useTestBoss } from '../setup/boss.js';
import { useTestDatabase } from '../setup/database.js';
import { eventually, jobDeps, startWorkers } from '../setup/workers.js';

// A worker is killed (SIGKILL) at the worst instant: Slack has received and applied
// chat.postMessage, but the worker never sees the answer, so it never commits the
// outcome. The retry must find the message it already posted and adopt it: one post.

const db = useTestDatabase();
const q = useTestBoss(db);
const fake = new FakeSlackApi();
const fixture = fileURLToPath(new URL('./fixtures/deliver-once.ts', import.meta.url));

let workers: Promise<void> | undefined;
/** In-process workers, started only once the child has had its turn. */
const ensureWorkers = () =>
  (workers ??= startWorkers(
    jobDeps({
      prisma: db.prisma,
      boss: q.boss,
      slack: createSlackClient({ token: 'xoxb-test', apiUrl: fake.url, log: silentLog }),
    }),
  ));

beforeAll(async () => {
  await fake.start();
});
afterAll(() => fake.stop());

function runChild(effectId: string): ChildProcess {
  return fork(fixture, [db.url, fake.url, effectId], { execArgv: ['--import', 'tsx'], stdio: 'ignore' });
}

async function recordCardPost(applicationId: string, key: string) {
  return db.prisma.$transaction((tx) =>
    recordEffect(
      { tx, boss: q.boss },
      {
        kind: 'slack.post',
        idempotencyKey: key,
        applicationId,
        payload: { channel: 'C0ROLE', text: 'New candidate', cardFor: applicationId },
      },
    ),
  );
}

describe('outbox under a worker killed mid-effect', () => {
  it('adopts the message a killed worker posted instead of posting again', async () => {
    const app = await createApplication(db.prisma);
    const before = fake.messages.length;
    let child: ChildProcess | undefined;
    const killed = new Promise<void>((resolve) => {
      fake.hook = (method) => {
        if (method !== 'chat.postMessage' || !child) return 'respond';
        child.kill('SIGKILL'); // the post is applied on Slack's side; the worker dies before the answer
        fake.hook = () => 'respond';
        resolve();
        return 'hang';
      };
    });
    const effectId = (await recordCardPost(app.id, `card:${app.id}`))!;
    child = runChild(effectId);
    await killed;
    await new Promise((r) => child!.once('exit', r));

    const orphan = await db.prisma.outboxEffect.findUniqueOrThrow({ where: { id: effectId } });
    expect(orphan).toMatchObject({ status: 'PENDING', attempts: 1, externalId: null });
    expect(fake.messages.length).toBe(before + 1);

    // The effect's job is still queued; a worker picks it up, waits out the dead child's lease, resumes.
    await ensureWorkers();
    const done = await eventually(async () => {
      const e = await db.prisma.outboxEffect.findUniqueOrThrow({ where: { id: effectId } });
      return e.status === 'DONE' && e;
    });

    expect(fake.messages.length).toBe(before + 1);
    const posted = fake.messages.at(-1)!;
    expect(posted.metadata).toEqual({ event_type: OUTBOX_EVENT_TYPE, event_payload: { key: `card:${app.id}` } });
    expect(done).toMatchObject({
      externalId: posted.ts,
      attempts: 2,
      result: expect.objectContaining({ adopted: true }),
    });
    expect(await db.prisma.application.findUniqueOrThrow({ where: { id: app.id } })).toMatchObject({
      slackMessageTs: posted.ts,
      slackChannelId: 'C0ROLE',
    });
  });

  it('posts exactly once when the worker died before reaching Slack', async () => {
    const app = await createApplication(db.prisma);
    const before = fake.messages.length;
    const lookupsBefore = fake.calls.filter((c) => c.method === 'conversations.history').length;
    // A previous attempt that never reached Slack: claimed, then the process vanished.
    const effectId = await db.prisma.$transaction(async (tx) => {
      const id = await recordEffect(
        { tx, boss: q.boss },
        {
          kind: 'slack.post',
          idempotencyKey: `card-early:${app.id}`,
          applicationId: app.id,
          payload: { channel: 'C0ROLE', text: 'New candidate' },
        },
      );
      await tx.outboxEffect.update({
        where: { id: id! },
        data: { attempts: 1, lastAttemptAt: new Date(Date.now() - 1000), claimedUntil: new Date(Date.now() - 1) },
      });
      return id;
    });
    await ensureWorkers();
    await eventually(
      async () => (await db.prisma.outboxEffect.findUniqueOrThrow({ where: { id: effectId! } })).status === 'DONE',
    );
    expect(fake.messages.length).toBe(before + 1);
    // it looked before it posted, found nothing, and posted once
    expect(fake.calls.filter((c) => c.method === 'conversations.history').length).toBe(lookupsBefore + 1);
  });

  it('records the same cause once, however often it is recorded', async () => {
    const app = await createApplication(db.prisma);
    const first = await recordCardPost(app.id, `dup:${app.id}`);
    const second = await recordCardPost(app.id, `dup:${app.id}`);
    expect(first).toBeTruthy();
    expect(second).toBeNull();
    expect(await db.prisma.outboxEffect.count({ where: { idempotencyKey: `dup:${app.id}` } })).toBe(1);
  });
});
