import { beforeEach, describe, expect, it } from 'vitest';
import { bookSlot } from '../../../src/services/scheduling/book-slot.js';
import { cancelInterview } from '../../../src/services/scheduling/cancel-interview.js';
import { createInterviewSetup, createSecondInterview } from '../../factories/index.js';
import { useTestBoss } from '../../setup/boss.js';
import { useTestDatabase } from '../../setup/database.js';
import { fakeFreeBusy } from '../../setup/fake-calendar.js';
import { useNock } from '../../setup/google.js';

const db = useTestDatabase();
const q = useTestBoss(db);
useNock();

// Mon 9 Mar 2026, 10:00Z = 11:00 in Berlin (CET): inside everyone's 09:00–17:00.
const TEN = new Date('2026-03-09T10:00:00Z');
const TEN_THIRTY = new Date('2026-03-09T10:30:00Z');
const now = () => new Date('2026-03-02T09:00:00Z');
const system = { type: 'SYSTEM' as const, id: 'test' };

// Created on first use in a test, so a test that never asks Google leaves no unused mock.
let fake: ReturnType<typeof fakeFreeBusy> | undefined;
beforeEach(() => {
  fake = undefined;
});
const calendar = () => (fake ??= fakeFreeBusy());
const deps = () => ({ prisma: db.prisma, boss: q.boss, availability: calendar().availability, now });

describe('bookSlot', () => {
  it(
    'books a free time: bookings, interview, calendar effect, ' + 'stage change and event log in one transaction',
    async () => {
      const setup = await createInterviewSetup(db.prisma, { people: [{ name: 'Bea' }] });
      const result = await bookSlot(deps(), { interviewId: setup.interview.id, start: TEN, actor: system });

      expect(result).toMatchObject({ status: 'booked', interviewerIds: [setup.users[0]!.id], swapped: false });
      const interview = await db.prisma.interview.findUniqueOrThrow({
        where: { id: setup.interview.id },
        include: { bookings: true, interviewers: true },
      });
      expect(interview).toMatchObject({
        status: 'BOOKED',
        startsAt: TEN,
        endsAt: new Date('2026-03-09T11:00:00Z'),
        calendarEventId: `jv${setup.interview.id.replaceAll('-', '')}`,
      });
      expect(interview.bookings.map((b) => b.userId)).toEqual([setup.users[0]!.id]);
      expect(interview.interviewers.map((i) => i.userId)).toEqual([setup.users[0]!.id]);
      const effects = await db.prisma.outboxEffect.findMany({
        where: { applicationId: setup.application.id },
        orderBy: { kind: 'asc' },
      });
      expect(effects.map((e) => [e.kind, e.payload])).toEqual([['calendar.sync', { interviewId: setup.interview.id }]]);
      // The application moves on in the same transaction (its stage-change job refreshes the card).
      expect(await db.prisma.application.findUniqueOrThrow({ where: { id: setup.application.id } })).toMatchObject({
        stage: 'INTERVIEW_SCHEDULED',
        planPosition: 0,
      });
      expect(
        await q.boss.findJobs('application.stage-changed', { data: { applicationId: setup.application.id } }),
      ).toHaveLength(1);
      const event = await db.prisma.applicationEvent.findFirstOrThrow({
        where: { applicationId: setup.application.id, type: 'interview.booked' },
      });
      expect(event.data).toMatchObject({ start: TEN.toISOString(), interviewerIds: [setup.users[0]!.id] });
      expect(calendar().calls()).toBe(1);
    },
  );

  it('refuses a time the calendar now shows busy, says why and offers the next best', async () => {
    const setup = await createInterviewSetup(db.prisma, { people: [{ name: 'Bea' }] });
    calendar().busy.set(setup.users[0]!.email!, [{ start: '2026-03-09T09:30:00Z', end: '2026-03-09T10:30:00Z' }]);
    const result = await bookSlot(deps(), { interviewId: setup.interview.id, start: TEN, actor: system });

    expect(result.status).toBe('gone');
    if (result.status !== 'gone') return;
    expect(result.reasons).toEqual(['Bea is busy 10:30–11:30 Europe/Berlin']);
    expect(result.alternatives.length).toBeGreaterThan(0);
    expect(await db.prisma.interviewerBooking.count({ where: { interviewId: setup.interview.id } })).toBe(0);
    expect(
      await db.prisma.auditEntry.count({ where: { subjectId: setup.interview.id, action: 'interview.book_refused' } }),
    ).toBe(1);
  });

  it('in a pool, swaps in another free member when the proposed one became busy', async () => {
    const setup = await createInterviewSetup(db.prisma, { people: [{ name: 'Bea' }, { name: 'Cem' }] });
    const [bea, cem] = setup.users;
    calendar().busy.set(bea!.email!, [{ start: '2026-03-09T10:00:00Z', end: '2026-03-09T11:00:00Z' }]);
    const result = await bookSlot(deps(), {
      interviewId: setup.interview.id,
      start: TEN,
      interviewerIds: [bea!.id],
      actor: system,
    });
    expect(result).toMatchObject({ status: 'booked', interviewerIds: [cem!.id], swapped: true });
  });

  it('a second click on the same time of the same interview books nothing more', async () => {
    const setup = await createInterviewSetup(db.prisma, { people: [{ name: 'Bea' }] });
    const results = await Promise.all(
      [1, 2, 3].map(() => bookSlot(deps(), { interviewId: setup.interview.id, start: TEN, actor: system })),
    );
    expect(results.map((r) => r.status).sort()).toEqual(['already-booked', 'already-booked', 'booked']);
    expect(
      await db.prisma.outboxEffect.count({ where: { applicationId: setup.application.id, kind: 'calendar.sync' } }),
    ).toBe(1);
  });
});

describe('no double booking, under concurrency', () => {
  it('ten interviews racing for one interviewer at the same time: exactly one wins', async () => {
    const setup = await createInterviewSetup(db.prisma, { people: [{ name: 'Bea' }] });
    const interviews = [
      setup.interview,
      ...(await Promise.all(Array.from({ length: 9 }, () => createSecondInterview(db.prisma, setup)))),
    ];
    const results = await Promise.all(
      interviews.map((i) => bookSlot(deps(), { interviewId: i.id, start: TEN, actor: system })),
    );
    expect(results.filter((r) => r.status === 'booked')).toHaveLength(1);
    expect(
      results
        .filter((r) => r.status === 'gone')
        .every((r) => r.status === 'gone' && r.reasons[0]!.startsWith('Bea is in another interview')),
    ).toBe(true);
    expect(await db.prisma.interviewerBooking.count({ where: { userId: setup.users[0]!.id } })).toBe(1);
  });

  it('two overlapping times (10:00 and 10:30, one hour each) for one interviewer: one wins', async () => {
    const setup = await createInterviewSetup(db.prisma, { people: [{ name: 'Bea' }] });
    const other = await createSecondInterview(db.prisma, setup);
    const results = await Promise.all([
      bookSlot(deps(), { interviewId: setup.interview.id, start: TEN, actor: system }),
      bookSlot(deps(), { interviewId: other.id, start: TEN_THIRTY, actor: system }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['booked', 'gone']);
  });

  it('the database itself refuses an overlapping booking that skips the service', async () => {
    const setup = await createInterviewSetup(db.prisma, { people: [{ name: 'Bea' }] });
    const other = await createSecondInterview(db.prisma, setup);
    const userId = setup.users[0]!.id;
    await db.prisma.interviewerBooking.create({
      data: { interviewId: setup.interview.id, userId, startsAt: TEN, endsAt: new Date('2026-03-09T11:00:00Z') },
    });
    await expect(
      db.prisma.interviewerBooking.create({
        data: { interviewId: other.id, userId, startsAt: TEN_THIRTY, endsAt: new Date('2026-03-09T11:30:00Z') },
      }),
    ).rejects.toThrow(/InterviewerBooking_no_overlap|23P01|exclusion/i);
    // Back to back is fine: ranges are half-open.
    await db.prisma.interviewerBooking.create({
      data: {
        interviewId: other.id,
        userId,
        startsAt: new Date('2026-03-09T11:00:00Z'),
        endsAt: new Date('2026-03-09T12:00:00Z'),
      },
    });
  });
});

describe('rescheduling and cancelling', () => {
  const ELEVEN = new Date('2026-03-09T11:00:00Z');

  it('moves a booking to a new time: same people, the old time given up, the calendar told again', async () => {
    const setup = await createInterviewSetup(db.prisma, { people: [{ name: 'Bea' }] });
    await bookSlot(deps(), { interviewId: setup.interview.id, start: TEN, actor: system });
    // Google now shows the booked hour as busy: it is ours, so moving by half an hour into it works.
    calendar().busy.set(setup.users[0]!.email!, [{ start: TEN.toISOString(), end: ELEVEN.toISOString() }]);
    const moved = await bookSlot(deps(), {
      interviewId: setup.interview.id,
      start: TEN_THIRTY,
      actor: system,
      reschedule: true,
    });

    expect(moved).toMatchObject({ status: 'booked', interviewerIds: [setup.users[0]!.id] });
    const bookings = await db.prisma.interviewerBooking.findMany({ where: { interviewId: setup.interview.id } });
    expect(bookings.map((b) => b.startsAt)).toEqual([TEN_THIRTY]);
    expect(
      await db.prisma.outboxEffect.count({ where: { applicationId: setup.application.id, kind: 'calendar.sync' } }),
    ).toBe(2);
    expect(
      await db.prisma.applicationEvent.count({
        where: { applicationId: setup.application.id, type: 'interview.rescheduled' },
      }),
    ).toBe(1);
  });

  it('a reschedule to a time that does not work keeps the old booking', async () => {
    const setup = await createInterviewSetup(db.prisma, { people: [{ name: 'Bea' }] });
    await bookSlot(deps(), { interviewId: setup.interview.id, start: TEN, actor: system });
    calendar().busy.set(setup.users[0]!.email!, [{ start: '2026-03-09T14:00:00Z', end: '2026-03-09T15:00:00Z' }]);
    const moved = await bookSlot(deps(), {
      interviewId: setup.interview.id,
      start: new Date('2026-03-09T14:00:00Z'),
      actor: system,
      reschedule: true,
    });
    expect(moved.status).toBe('gone');
    expect(
      (await db.prisma.interviewerBooking.findMany({ where: { interviewId: setup.interview.id } })).map(
        (b) => b.startsAt,
      ),
    ).toEqual([TEN]);
  });

  it('cancel frees the time, cancels the event and sends the application back to scheduling', async () => {
    const setup = await createInterviewSetup(db.prisma, { people: [{ name: 'Bea' }] });
    await bookSlot(deps(), { interviewId: setup.interview.id, start: TEN, actor: system });
    expect(
      await cancelInterview(deps(), { interviewId: setup.interview.id, actor: system, reason: 'candidate asked' }),
    ).toEqual({ status: 'cancelled' });
    expect(await cancelInterview(deps(), { interviewId: setup.interview.id, actor: system, reason: 'again' })).toEqual({
      status: 'already-cancelled',
    });
    expect(await db.prisma.interviewerBooking.count({ where: { interviewId: setup.interview.id } })).toBe(0);
    expect(
      await db.prisma.outboxEffect.count({ where: { applicationId: setup.application.id, kind: 'calendar.sync' } }),
    ).toBe(2);
    expect((await db.prisma.application.findUniqueOrThrow({ where: { id: setup.application.id } })).stage).toBe(
      'SCHEDULING',
    );
    // The time is free again for another candidate.
    const other = await createSecondInterview(db.prisma, setup);
    expect((await bookSlot(deps(), { interviewId: other.id, start: TEN, actor: system })).status).toBe('booked');
  });
});

describe('moving back and forth', () => {
  it('a move back to an earlier time still reaches the calendar (one sync per change)', async () => {
    const setup = await createInterviewSetup(db.prisma, { people: [{ name: 'Bea' }] });
    await bookSlot(deps(), { interviewId: setup.interview.id, start: TEN, actor: system });
    await bookSlot(deps(), { interviewId: setup.interview.id, start: TEN_THIRTY, actor: system, reschedule: true });
    await bookSlot(deps(), { interviewId: setup.interview.id, start: TEN, actor: system, reschedule: true });
    expect(
      await db.prisma.outboxEffect.count({ where: { applicationId: setup.application.id, kind: 'calendar.sync' } }),
    ).toBe(3);
    expect((await db.prisma.interview.findUniqueOrThrow({ where: { id: setup.interview.id } })).startsAt).toEqual(TEN);
  });
});
