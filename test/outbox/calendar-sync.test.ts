import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { interviewEventId } from '../../src/calendar/interview-event.js';
import { deliverEffect, type DeliverDeps } from '../../src/outbox/deliver-effect.js';
import { createPerformers } from '../../src/outbox/performers/index.js';
import { recordEffect } from '../../src/outbox/record-effect.js';
import { BreakerRegistry } from '../../src/resilience/circuit-breaker.js';
import { createInterviewSetup } from '../factories/index.js';
import { silentLog, useTestBoss } from '../setup/boss.js';
import { useTestDatabase } from '../setup/database.js';
import { MAILBOX, testGoogleAuth } from '../setup/fake-calendar.js';
import { GOOGLE, useNock } from '../setup/google.js';

const db = useTestDatabase();
const q = useTestBoss(db);
useNock();

const START = new Date('2026-03-09T10:00:00Z');
const END = new Date('2026-03-09T11:00:00Z');
const EVENTS = '/calendar/v3/calendars/primary/events';

function deps(): DeliverDeps {
  const google = { auth: testGoogleAuth(), rootUrl: `${GOOGLE}/`, mailbox: MAILBOX };
  return {
    prisma: db.prisma,
    boss: q.boss,
    breakers: new BreakerRegistry(),
    log: silentLog,
    performers: createPerformers({ slack: undefined, prisma: db.prisma, google }),
  };
}

async function bookedInterview(status: 'BOOKED' | 'CANCELLED' = 'BOOKED') {
  const setup = await createInterviewSetup(db.prisma, { people: [{ name: 'Bea' }] });
  const interview = await db.prisma.interview.update({
    where: { id: setup.interview.id },
    data: {
      status,
      startsAt: START,
      endsAt: END,
      calendarEventId: interviewEventId(setup.interview.id),
      interviewers: { create: [{ userId: setup.users[0]!.id }] },
    },
  });
  const effectId = await db.prisma.$transaction(
    async (tx) =>
      (await recordEffect(
        { tx, boss: q.boss },
        {
          kind: 'calendar.sync',
          idempotencyKey: `t:${interview.id}:${status}`,
          payload: { interviewId: interview.id },
        },
      ))!,
  );
  return { ...setup, interview, effectId };
}

describe('calendar.sync', () => {
  it('inserts one event: deterministic id, all invited, a Meet link, sendUpdates=all; keeps the link', async () => {
    const { interview, effectId, users, candidate } = await bookedInterview();
    let body: Record<string, any> = {};
    nock(GOOGLE)
      .post(EVENTS)
      .query({ conferenceDataVersion: '1', sendUpdates: 'all' })
      .reply(200, async (request: Request) => {
        body = (await request.json()) as Record<string, any>;
        return {
          ...body,
          hangoutLink: 'https://meet.google.com/abc-defg-hij',
          htmlLink: 'https://calendar.google.com/event?eid=x',
        };
      });

    expect(await deliverEffect(deps(), effectId)).toBe('done');
    expect(body).toMatchObject({
      id: interviewEventId(interview.id),
      start: { dateTime: START.toISOString() },
      end: { dateTime: END.toISOString() },
      attendees: [{ email: users[0]!.email }, { email: candidate.displayEmail }],
      conferenceData: {
        createRequest: { requestId: `justin-${interview.id}`, conferenceSolutionKey: { type: 'hangoutsMeet' } },
      },
      extendedProperties: { private: { justinInterviewId: interview.id } },
    });
    expect(body.id).toMatch(/^[0-9a-v]{5,1024}$/);
    expect((await db.prisma.interview.findUniqueOrThrow({ where: { id: interview.id } })).meetUrl).toBe(
      'https://meet.google.com/abc-defg-hij',
    );
  });

  it('refreshes the interview’s reminders when its Meet link arrives (the same link again: nothing)', async () => {
    const { interview, effectId, users } = await bookedInterview();
    const notice = await db.prisma.slackNotice.create({
      data: {
        key: `reminder:${interview.id}:${users[0]!.id}:15`,
        kind: 'interview.reminder',
        interviewId: interview.id,
      },
    });
    const reply = { id: interviewEventId(interview.id), hangoutLink: 'https://meet.google.com/abc-defg-hij' };
    nock(GOOGLE).post(EVENTS).query(true).times(2).reply(200, reply);
    const withBoss: DeliverDeps = {
      ...deps(),
      performers: createPerformers({
        slack: undefined,
        prisma: db.prisma,
        boss: q.boss,
        google: { auth: testGoogleAuth(), rootUrl: `${GOOGLE}/`, mailbox: MAILBOX },
      }),
    };
    const refreshes = () =>
      db.prisma.outboxEffect.count({
        where: { kind: 'slack.notice', payload: { path: ['noticeId'], equals: notice.id } },
      });
    expect(await deliverEffect(withBoss, effectId)).toBe('done');
    expect(await refreshes()).toBe(1);
    const again = await db.prisma.$transaction(
      async (tx) =>
        (await recordEffect(
          { tx, boss: q.boss },
          { kind: 'calendar.sync', idempotencyKey: `t:${interview.id}:again`, payload: { interviewId: interview.id } },
        ))!,
    );
    expect(await deliverEffect(withBoss, again)).toBe('done');
    expect(await refreshes()).toBe(1);
  });

  it('on a retried insert (409), adopts our own event and brings it up to date, creating no other', async () => {
    const { interview, effectId } = await bookedInterview();
    const id = interviewEventId(interview.id);
    nock(GOOGLE)
      .post(EVENTS)
      .query(true)
      .reply(409, { error: { code: 409, errors: [{ reason: 'duplicate' }] } });
    nock(GOOGLE)
      .get(`${EVENTS}/${id}`)
      .reply(200, {
        id,
        status: 'confirmed',
        hangoutLink: 'https://meet.google.com/old-link',
        conferenceData: { conferenceId: 'old' },
        extendedProperties: { private: { justinInterviewId: interview.id } },
      });
    nock(GOOGLE)
      .patch(
        `${EVENTS}/${id}`,
        (b: Record<string, any>) =>
          b.status === 'confirmed' && b.start.dateTime === START.toISOString() && !b.conferenceData,
      )
      .query({ conferenceDataVersion: '1', sendUpdates: 'all' })
      .reply(200, { id, hangoutLink: 'https://meet.google.com/old-link' });

    expect(await deliverEffect(deps(), effectId)).toBe('done');
    expect((await db.prisma.interview.findUniqueOrThrow({ where: { id: interview.id } })).meetUrl).toBe(
      'https://meet.google.com/old-link',
    );
  });

  it('refuses to adopt an event with our id that is not this interview’s', async () => {
    const { interview, effectId } = await bookedInterview();
    const id = interviewEventId(interview.id);
    nock(GOOGLE)
      .post(EVENTS)
      .query(true)
      .reply(409, { error: { code: 409 } });
    nock(GOOGLE)
      .get(`${EVENTS}/${id}`)
      .reply(200, { id, extendedProperties: { private: { justinInterviewId: 'someone-else' } } });
    expect(await deliverEffect(deps(), effectId)).toBe('dead');
  });

  it('cancels a cancelled interview’s event, and counts an event already gone as cancelled', async () => {
    const first = await bookedInterview('CANCELLED');
    nock(GOOGLE)
      .delete(`${EVENTS}/${interviewEventId(first.interview.id)}`)
      .query({ sendUpdates: 'all' })
      .reply(204);
    expect(await deliverEffect(deps(), first.effectId)).toBe('done');

    const second = await bookedInterview('CANCELLED');
    nock(GOOGLE)
      .delete(`${EVENTS}/${interviewEventId(second.interview.id)}`)
      .query(true)
      .reply(410, { error: { code: 410, message: 'Resource has been deleted' } });
    expect(await deliverEffect(deps(), second.effectId)).toBe('done');
  });

  it('retries a 503 and a 403 rate limit later, and stops at once on a 403 without access', async () => {
    const a = await bookedInterview();
    nock(GOOGLE)
      .post(EVENTS)
      .query(true)
      .reply(503, { error: { code: 503 } });
    expect(await deliverEffect(deps(), a.effectId)).toBe('retry');
    const b = await bookedInterview();
    nock(GOOGLE)
      .post(EVENTS)
      .query(true)
      .reply(403, { error: { code: 403, errors: [{ reason: 'rateLimitExceeded' }] } });
    expect(await deliverEffect(deps(), b.effectId)).toBe('retry');
    const c = await bookedInterview();
    nock(GOOGLE)
      .post(EVENTS)
      .query(true)
      .reply(403, { error: { code: 403, errors: [{ reason: 'forbidden' }] } });
    expect(await deliverEffect(deps(), c.effectId)).toBe('dead');
  });
});
