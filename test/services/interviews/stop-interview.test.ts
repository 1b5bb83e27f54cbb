import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { interviewEventId } from '../../../src/calendar/interview-event.js';
import { completeInterviews } from '../../../src/services/interviews/complete-interviews.js';
import { closeApplication } from '../../../src/services/pipeline/close-application.js';
import { cancelInterview } from '../../../src/services/scheduling/cancel-interview.js';
import { createInterviewSetup } from '../../factories/index.js';
import { useTestBoss } from '../../setup/boss.js';
import { useTestDatabase } from '../../setup/database.js';

const db = useTestDatabase();
const q = useTestBoss(db);
const now = new Date('2026-03-09T12:00:00Z');
const effect = (
  applicationId: string,
  idempotencyKey: string,
  kind: string,
  status: 'PENDING' | 'DONE',
  extra: object = {},
) =>
  db.prisma.outboxEffect.create({
    data: { applicationId, idempotencyKey, kind, service: 'x', payload: {}, status, ...extra },
  });

/**
 * An interview booked 10:00–11:00 (so over by `now`), with a round of times to move it still
 * waiting for the team, held on the calendars.
 */
async function bookedWithRoundWaiting() {
  const setup = await createInterviewSetup(db.prisma, {
    people: [{ name: 'Bea' }],
    policy: { scheduling: { holdProposedSlots: true } },
  });
  const [startsAt, endsAt] = [new Date('2026-03-09T10:00:00Z'), new Date('2026-03-09T11:00:00Z')];
  const { interview, application, users } = setup;
  await db.prisma.application.update({
    where: { id: application.id },
    data: { stage: 'INTERVIEW_SCHEDULED', planPosition: 0 },
  });
  await db.prisma.interview.update({
    where: { id: interview.id },
    data: { status: 'BOOKED', startsAt, endsAt, calendarEventId: interviewEventId(interview.id) },
  });
  await db.prisma.interviewerBooking.create({
    data: { interviewId: interview.id, userId: users[0]!.id, startsAt, endsAt },
  });
  const proposal = await db.prisma.slotProposal.create({
    data: {
      interviewId: interview.id,
      startsAt: new Date('2026-03-10T10:00:00Z'),
      endsAt: new Date('2026-03-10T11:00:00Z'),
      rank: 0,
      interviewerIds: [users[0]!.id],
    },
  });
  await effect(application.id, `hold:${proposal.id}:place`, 'calendar.hold', 'DONE');
  await effect(application.id, `proposal:${interview.id}:job1:approval`, 'slack.post', 'DONE', {
    externalId: '1700.01',
    result: { channel: 'C0ROLE', ts: '1700.01' },
  });
  return { ...setup, proposal };
}

describe('an interview that stops', () => {
  it(
    'completed: keeps its bookings, withdraws the times still waiting, releases their holds and closes their ' +
      'message',
    async () => {
      const { interview, application, proposal } = await bookedWithRoundWaiting();
      expect(await completeInterviews({ prisma: db.prisma, boss: q.boss, now: () => now })).toBe(1);
      expect((await db.prisma.interview.findUniqueOrThrow({ where: { id: interview.id } })).status).toBe('COMPLETED');
      expect(await db.prisma.interviewerBooking.count({ where: { interviewId: interview.id } })).toBe(1);
      expect((await db.prisma.slotProposal.findUniqueOrThrow({ where: { id: proposal.id } })).status).toBe('WITHDRAWN');
      const recorded = await db.prisma.outboxEffect.findMany({
        where: { applicationId: application.id, status: 'PENDING' },
        select: { idempotencyKey: true, payload: true },
      });
      expect(recorded.map((e) => e.idempotencyKey).sort()).toEqual(
        [`hold:${proposal.id}:release`, `proposal-closed:${interview.id}:1700.01`].sort(),
      );
      expect((await db.prisma.application.findUniqueOrThrow({ where: { id: application.id } })).stage).toBe(
        'INTERVIEWED',
      );
    },
  );

  it(
    'cancelled: also stops the agent’s mail not yet ' + 'sent (a confirmation held for the candidate’s hours)',
    async () => {
      const { interview, application } = await bookedWithRoundWaiting();
      const held = await effect(application.id, `email:agent:${randomUUID()}:toolu_1`, 'gmail.send', 'PENDING');
      await cancelInterview(
        { prisma: db.prisma, boss: q.boss },
        { interviewId: interview.id, actor: { type: 'USER', id: 'U0RITA' }, reason: 'moved', now },
      );
      expect((await db.prisma.outboxEffect.findUniqueOrThrow({ where: { id: held.id } })).status).toBe('CANCELLED');
      expect(await db.prisma.interviewerBooking.count({ where: { interviewId: interview.id } })).toBe(0);
      expect(await db.prisma.outboxEffect.count({ where: { idempotencyKey: `calendar:${interview.id}:cancel` } })).toBe(
        1,
      );
    },
  );

  it(
    'closing the application while the interview completes: ' + 'both lock the application first, so neither deadlocks',
    async () => {
      for (let round = 0; round < 8; round++) {
        const { application } = await bookedWithRoundWaiting();
        const results = await Promise.allSettled([
          completeInterviews({ prisma: db.prisma, boss: q.boss, now: () => now }),
          closeApplication(
            { prisma: db.prisma, boss: q.boss, mailbox: undefined },
            {
              applicationId: application.id,
              decision: 'reject',
              reason: 'not this time',
              actor: { type: 'USER', id: 'U0RITA' },
              now,
            },
          ),
        ]);
        expect(
          results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason)),
        ).toEqual([]);
        expect((await db.prisma.application.findUniqueOrThrow({ where: { id: application.id } })).stage).toBe(
          'REJECTED',
        );
      }
    },
  );
});
