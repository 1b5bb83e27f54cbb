import { beforeAll, describe, expect, it } from 'vitest';
import { DEAD_LETTER_QUEUE } from '../../src/jobs/queues.js';
import { useTestBoss } from '../setup/boss.js';
import { useTestDatabase } from '../setup/database.js';
import { eventually, jobDeps, startWorkers } from '../setup/workers.js';

const db = useTestDatabase();
const q = useTestBoss(db);
beforeAll(() => startWorkers(jobDeps({ prisma: db.prisma, boss: q.boss })));

describe('workers', () => {
  it('dead-letters a malformed payload at once instead of retrying it', async () => {
    const id = await q.boss.send(
      'application.stage-changed',
      { applicationId: 'not-a-uuid', eventId: 'x' },
      { singletonKey: 'bad' },
    );
    const failed = await eventually(
      async () => (await q.boss.findJobs('application.stage-changed', { id: id! }))[0]?.state === 'failed',
    );
    expect(failed).toBe(true);
    const [job] = await q.boss.findJobs('application.stage-changed', { id: id! });
    expect(job!.retryCount).toBe(0);
    const dead = await eventually(async () =>
      (await q.boss.findJobs(DEAD_LETTER_QUEUE)).find((j) => j.sourceId === id),
    );
    expect(dead.data).toEqual({ applicationId: 'not-a-uuid', eventId: 'x' });
  });

  it('settles each job of a batch on its own: one bad payload does not fail the rest', async () => {
    const good = await db.prisma.outboxEffect.create({
      data: {
        idempotencyKey: `w:${Date.now()}`,
        kind: 'webhook.post',
        service: 'webhook',
        payload: { url: 'not a url' },
      },
    });
    await q.boss.insert('outbox.deliver', [
      { data: { effectId: 'nope' } },
      { data: { effectId: good.id, service: 'webhook' } },
    ]);
    // the valid job still ran: its (malformed) effect was judged and marked dead
    await eventually(
      async () => (await db.prisma.outboxEffect.findUniqueOrThrow({ where: { id: good.id } })).status === 'DEAD',
    );
  });
});
