import { beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors.js';
import { approveSlots, cancelSlots } from '../../../src/services/scheduling/decide-slots.js';
import { editSlots } from '../../../src/services/scheduling/edit-slots.js';
import { proposeSlots } from '../../../src/services/scheduling/propose-slots.js';
import { createInterviewSetup } from '../../factories/index.js';
import { useTestBoss } from '../../setup/boss.js';
import { useTestDatabase } from '../../setup/database.js';
import { fakeFreeBusy } from '../../setup/fake-calendar.js';
import { useNock } from '../../setup/google.js';

const db = useTestDatabase();
const q = useTestBoss(db);
useNock();

const now = () => new Date('2026-03-02T09:00:00Z');
const admin = { type: 'USER' as const, id: 'U0ADMIN' };
let fake: ReturnType<typeof fakeFreeBusy>;
beforeEach(() => {
  fake = fakeFreeBusy();
});
const deps = () => ({ prisma: db.prisma, boss: q.boss, availability: fake.availability, now });

async function proposed() {
  const setup = await createInterviewSetup(db.prisma, { people: [{ name: 'Bea' }], policy: { slotsToOffer: 3 } });
  const result = await proposeSlots(deps(), { interviewId: setup.interview.id, runKey: 'job-1' });
  if (result.status !== 'proposed') throw new Error(`expected proposals, got ${result.status}`);
  return { ...setup, proposalIds: result.proposalIds };
}

describe('proposeSlots', () => {
  it('stores ranked proposals with their reasons, waits for approval, and asks the channel once per run', async () => {
    const { interview, application, proposalIds } = await proposed();
    expect(proposalIds).toHaveLength(3);
    expect((await db.prisma.interview.findUniqueOrThrow({ where: { id: interview.id } })).status).toBe(
      'AWAITING_APPROVAL',
    );
    const rows = await db.prisma.slotProposal.findMany({
      where: { interviewId: interview.id },
      orderBy: { rank: 'asc' },
    });
    expect(rows.map((r) => r.rank)).toEqual([0, 1, 2]);
    expect((rows[0]!.explanation as { why: string }).why).toMatch(/^candidate .* Europe\/London/);
    expect(await db.prisma.outboxEffect.count({ where: { applicationId: application.id, kind: 'slack.post' } })).toBe(
      1,
    );
    // A re-run of the same job changes nothing: the interview is no longer proposing.
    expect(await proposeSlots(deps(), { interviewId: interview.id, runKey: 'job-1' })).toEqual({
      status: 'not-proposing',
      interviewStatus: 'AWAITING_APPROVAL',
    });
  });
});

describe('deciding on proposed times', () => {
  it(
    'cancel withdraws every time and sends the interview back to proposing; ' + 'approving afterwards is refused',
    async () => {
      const { interview, proposalIds, application } = await proposed();
      await cancelSlots(deps(), { interviewId: interview.id, actor: admin });
      expect((await db.prisma.interview.findUniqueOrThrow({ where: { id: interview.id } })).status).toBe('PROPOSING');
      expect(await db.prisma.slotProposal.count({ where: { interviewId: interview.id, status: 'WITHDRAWN' } })).toBe(3);
      const late = await approveSlots(deps(), {
        interviewId: interview.id,
        proposalIds,
        actor: { type: 'USER', id: 'U0LATE' },
      }).catch((e: unknown) => e);
      expect(late).toBeInstanceOf(AppError);
      expect((late as AppError).userMessage).toBe('Already decided: <@U0ADMIN> cancelled these times.');
      expect(
        await db.prisma.applicationEvent.count({ where: { applicationId: application.id, type: 'slots.cancelled' } }),
      ).toBe(1);
    },
  );

  it('two approvals at once: one wins, the other is told', async () => {
    const { interview, proposalIds } = await proposed();
    const results = await Promise.allSettled([
      approveSlots(deps(), {
        interviewId: interview.id,
        proposalIds: [proposalIds[0]!],
        actor: { type: 'USER', id: 'U0ONE' },
      }),
      approveSlots(deps(), {
        interviewId: interview.id,
        proposalIds: [proposalIds[1]!],
        actor: { type: 'USER', id: 'U0TWO' },
      }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await db.prisma.slotProposal.count({ where: { interviewId: interview.id, status: 'APPROVED' } })).toBe(1);
  });

  it(
    'edit keeps some times and adds one the engine confirms; refuses an added time someone is busy at, changing ' +
      'nothing',
    async () => {
      const { interview, proposalIds, users } = await proposed();
      fake.busy.set(users[0]!.email!, [{ start: '2026-03-10T13:00:00Z', end: '2026-03-10T14:00:00Z' }]);
      const refused = await editSlots(deps(), {
        interviewId: interview.id,
        keepIds: [proposalIds[0]!],
        added: new Date('2026-03-10T13:00:00Z'),
        actor: admin,
      });
      expect(refused).toEqual({ status: 'refused', reasons: ['Bea is busy 14:00–15:00 Europe/Berlin'] });
      expect((await db.prisma.interview.findUniqueOrThrow({ where: { id: interview.id } })).status).toBe(
        'AWAITING_APPROVAL',
      );

      const edited = await editSlots(deps(), {
        interviewId: interview.id,
        keepIds: [proposalIds[0]!],
        added: new Date('2026-03-10T14:00:00Z'),
        actor: admin,
      });
      expect(edited.status).toBe('approved');
      const approved = await db.prisma.slotProposal.findMany({
        where: { interviewId: interview.id, status: 'APPROVED' },
        orderBy: { startsAt: 'asc' },
      });
      expect(approved.map((p) => p.id)).toContain(proposalIds[0]);
      expect(approved.map((p) => p.startsAt.toISOString())).toContain('2026-03-10T14:00:00.000Z');
    },
  );
});
