import { describe, expect, it } from 'vitest';
import { moveApplication } from '../../../src/services/pipeline/move-application.js';
import { enqueue } from '../../../src/jobs/boss.js';
import { AppError } from '../../../src/errors.js';
import { STAGES } from '../../../src/domain/pipeline/stages.js';
import { PipelineStage } from '../../../src/generated/prisma/enums.js';
import { cmd, ILLEGAL, LEGAL } from '../../domain/pipeline/cases.js';
import { createApplication } from '../../factories/index.js';
import { useTestBoss } from '../../setup/boss.js';
import { useTestDatabase } from '../../setup/database.js';

const db = useTestDatabase();
const q = useTestBoss(db);
const actor = { type: 'USER' as const, id: 'U0ALICE' };

async function jobsFor(queue: string, applicationId: string) {
  const jobs = await q.boss.findJobs(queue, { data: { applicationId } });
  return jobs.map((j) => j.data as Record<string, unknown>);
}

describe('moveApplication against Postgres', () => {
  it('stamps the row and its event with the service’s clock, not the database’s', async () => {
    const app = await createApplication(db.prisma);
    const now = new Date('2027-03-02T10:00:00Z');
    await moveApplication(
      { prisma: db.prisma, boss: q.boss },
      { applicationId: app.id, command: cmd('advance'), actor, now },
    );
    const event = await db.prisma.applicationEvent.findFirstOrThrow({ where: { applicationId: app.id } });
    expect(event.at).toEqual(now);
    const row = await db.prisma.application.findUniqueOrThrow({ where: { id: app.id } });
    expect(row.stageChangedAt).toEqual(now);
  });

  it('keeps the domain stages and the database enum identical', () => {
    expect([...STAGES].sort()).toEqual(Object.values(PipelineStage).sort());
  });

  it.each(
    LEGAL.map(([from, c, to]) => ({ from, c, to, name: `${from.stage}[${from.planPosition}] --${c}--> ${to.stage}` })),
  )('applies $name with one event row and its jobs', async ({ from, c, to }) => {
    const app = await createApplication(db.prisma);
    await db.prisma.application.update({
      where: { id: app.id },
      data: { stage: from.stage, planPosition: from.planPosition },
    });

    const result = await moveApplication(
      { prisma: db.prisma, boss: q.boss },
      { applicationId: app.id, command: cmd(c), actor },
    );

    const row = await db.prisma.application.findUniqueOrThrow({ where: { id: app.id } });
    expect(row).toMatchObject({ stage: to.stage, planPosition: to.planPosition, version: 1 });
    const events = await db.prisma.applicationEvent.findMany({ where: { applicationId: app.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorType: 'USER',
      actorId: 'U0ALICE',
      type: `stage.${c}`,
      fromStage: from.stage,
      toStage: to.stage,
    });
    expect(result.eventId).toBe(events[0]!.id.toString());
    expect(await jobsFor('application.stage-changed', app.id)).toEqual([
      { applicationId: app.id, eventId: result.eventId },
    ]);
    const scheduling = await jobsFor('scheduling.start', app.id);
    expect(scheduling).toEqual(
      to.stage === 'SCHEDULING' ? [{ applicationId: app.id, planPosition: to.planPosition }] : [],
    );
  });

  it.each(ILLEGAL.map(({ st, c }) => ({ st, c, name: `${st.stage}[${st.planPosition}] --${c}-->` })))(
    'refuses $name and writes nothing',
    async ({ st, c }) => {
      const app = await createApplication(db.prisma);
      await db.prisma.application.update({
        where: { id: app.id },
        data: { stage: st.stage, planPosition: st.planPosition },
      });

      const attempt = moveApplication(
        { prisma: db.prisma, boss: q.boss },
        { applicationId: app.id, command: cmd(c), actor },
      );

      await expect(attempt).rejects.toMatchObject({ code: 'ILLEGAL_TRANSITION' });
      const row = await db.prisma.application.findUniqueOrThrow({ where: { id: app.id } });
      expect(row).toMatchObject({ stage: st.stage, planPosition: st.planPosition, version: 0 });
      expect(await db.prisma.applicationEvent.count({ where: { applicationId: app.id } })).toBe(0);
      expect(await jobsFor('application.stage-changed', app.id)).toEqual([]);
    },
  );

  it('lets one of two concurrent clicks win and tells the other who did what', async () => {
    const app = await createApplication(db.prisma);
    const click = (id: string, command: Parameters<typeof moveApplication>[1]['command']) =>
      moveApplication(
        { prisma: db.prisma, boss: q.boss },
        { applicationId: app.id, command, actor: { type: 'USER', id }, expectedVersion: 0 },
      );

    const results = await Promise.allSettled([
      click('U0ALICE', { type: 'advance' }),
      click('U0BOB', { type: 'reject', reason: 'no' }),
    ]);

    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const err = lost[0]!.reason as AppError;
    expect(err.code).toBe('STALE_STATE');
    const winner = won[0]!.status === 'fulfilled' && results[0]!.status === 'fulfilled' ? 'U0ALICE' : 'U0BOB';
    expect(err.userMessage).toContain(`<@${winner}>`);
    expect(await db.prisma.applicationEvent.count({ where: { applicationId: app.id } })).toBe(1);
  });

  it('refuses an unknown application with NOT_FOUND', async () => {
    const attempt = moveApplication(
      { prisma: db.prisma, boss: q.boss },
      { applicationId: '00000000-0000-4000-8000-000000000000', command: { type: 'advance' }, actor },
    );
    await expect(attempt).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('enqueues only what commits: a job sent in a rolled-back transaction does not exist', async () => {
    const app = await createApplication(db.prisma);
    await expect(
      db.prisma.$transaction(async (tx) => {
        await enqueue(
          q.boss,
          tx,
          'application.stage-changed',
          { applicationId: app.id, eventId: '1' },
          { singletonKey: app.id },
        );
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    expect(await jobsFor('application.stage-changed', app.id)).toEqual([]);
  });
});

describe('the application event log', () => {
  it('is append-only: updates and deletes are refused', async () => {
    const app = await createApplication(db.prisma);
    await moveApplication(
      { prisma: db.prisma, boss: q.boss },
      { applicationId: app.id, command: { type: 'advance' }, actor },
    );
    await expect(
      db.prisma.applicationEvent.updateMany({ where: { applicationId: app.id }, data: { type: 'forged' } }),
    ).rejects.toThrow(/append-only/);
    await expect(db.prisma.applicationEvent.deleteMany({ where: { applicationId: app.id } })).rejects.toThrow(
      /append-only/,
    );
    await expect(db.prisma.application.delete({ where: { id: app.id } })).rejects.toThrow(/append-only/);
    expect(await db.prisma.applicationEvent.count({ where: { applicationId: app.id } })).toBe(1);
  });

  it('gives way to erasure, which opts in for its own transaction only', async () => {
    const app = await createApplication(db.prisma);
    await moveApplication(
      { prisma: db.prisma, boss: q.boss },
      { applicationId: app.id, command: { type: 'advance' }, actor },
    );
    await db.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('justin.erasure', 'on', true)`;
      await tx.application.delete({ where: { id: app.id } });
    });
    expect(await db.prisma.applicationEvent.count({ where: { applicationId: app.id } })).toBe(0);
    const other = await createApplication(db.prisma);
    await moveApplication(
      { prisma: db.prisma, boss: q.boss },
      { applicationId: other.id, command: { type: 'advance' }, actor },
    );
    await expect(db.prisma.applicationEvent.deleteMany({ where: { applicationId: other.id } })).rejects.toThrow(
      /append-only/,
    );
  });
});
