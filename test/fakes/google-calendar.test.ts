import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCalendarApi, type CalendarApi } from '../../src/calendar/calendar-api.js';
import { fetchFreeBusy } from '../../src/calendar/free-busy.js';
import { interviewEvent } from '../../src/calendar/interview-event.js';
import { listEventBusy } from '../../src/calendar/list-events.js';
import { googleStatus } from '../../src/google/map-google-error.js';
import { MAILBOX, testGoogleAuth } from '../setup/google-auth.js';
import { FakeGoogle } from './google-api.js';

// The Calendar part of the Google fake, through googleapis and the service's own readers.

const fake = new FakeGoogle();
let api: CalendarApi;
beforeAll(async () => {
  await fake.start();
  api = createCalendarApi(testGoogleAuth().as(MAILBOX), fake.url);
});
afterAll(() => fake.stop());

const at = (hhmm: string) => new Date(`2026-03-03T${hhmm}:00Z`);
const DAY = { from: at('00:00'), to: new Date('2026-03-04T00:00:00Z') };

let n = 0;
function interview(start: string, end: string, { video = true } = {}) {
  return interviewEvent({
    interviewId: `0000000${++n}-0000-4000-8000-000000000000`,
    startsAt: at(start),
    endsAt: at(end),
    roleTitle: 'Backend Engineer',
    stageName: 'Intro call',
    stageKind: video ? 'VIDEO' : 'ONSITE',
    durationMinutes: 30,
    candidate: { name: 'Ada', email: 'ada@example.org' },
    interviewers: [
      { name: 'Bea', email: 'bea@example.com' },
      { name: 'Cy', email: 'cy@example.com' },
    ],
  });
}

const insert = (body: ReturnType<typeof interview>, conferenceDataVersion = 1) =>
  api.events.insert({ calendarId: 'primary', conferenceDataVersion, sendUpdates: 'all', requestBody: body });

describe('FakeGoogle Calendar', () => {
  it("counts an invitation in an attendee's free/busy until they decline it", async () => {
    const { data: event } = await insert(interview('10:00', '10:30'));
    expect(event.attendees!.map((a) => a.responseStatus)).toEqual(['needsAction', 'needsAction', 'needsAction']);
    fake.respond(event.id!, 'bea@example.com', 'accepted');
    fake.respond(event.id!, 'CY@example.com', 'declined');
    fake.addBusy('bea@example.com', at('09:00'), at('10:15'));

    const busy = await fetchFreeBusy(api, { calendarIds: ['bea@example.com', 'cy@example.com', MAILBOX], ...DAY });
    expect(busy.get('bea@example.com')!.busy).toEqual([
      { start: at('09:00').toISOString(), end: at('10:30').toISOString(), kind: 'busy' },
    ]);
    expect(busy.get('cy@example.com')!.busy).toEqual([]);
    // The organizer's own calendar holds the event too.
    expect(busy.get(MAILBOX)!.busy.map((b) => b.start)).toEqual([at('10:00').toISOString()]);
    expect(fake.eventsWith('bea@example.com').map((e) => e.id)).toEqual([event.id]);
  });

  it('leaves out cancelled and free (transparent) events, clips to the span, reports unreadable ones', async () => {
    const { data: cancelled } = await insert(interview('12:00', '12:30'));
    await api.events.delete({ calendarId: 'primary', eventId: cancelled.id!, sendUpdates: 'all' });
    await insert({ ...interview('13:00', '14:00'), transparency: 'transparent' });
    fake.addBusy('dee@example.com', at('23:00'), new Date('2026-03-04T02:00:00Z'));
    fake.unreadable('eve@example.com');

    const busy = await fetchFreeBusy(api, {
      calendarIds: ['cy@example.com', 'dee@example.com', 'eve@example.com'],
      ...DAY,
    });
    expect(busy.get('dee@example.com')!.busy).toEqual([
      { start: at('23:00').toISOString(), end: DAY.to.toISOString(), kind: 'busy' },
    ]);
    expect(busy.get('cy@example.com')!.busy).toEqual([]);
    expect(busy.get('eve@example.com')!.problems).toEqual(['notFound']);
    expect(fake.eventsWith('cy@example.com').map((e) => e.id)).not.toContain(cancelled.id);
  });

  it('makes a Meet link only when asked to, records sendUpdates, refuses a duplicate id with 409', async () => {
    const body = interview('15:00', '15:30');
    const { data: event } = await insert(body);
    expect(event.hangoutLink).toMatch(/^https:\/\/meet\.google\.com\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
    expect(event.conferenceData?.entryPoints?.[0]?.uri).toBe(event.hangoutLink);
    expect(fake.eventCalls.at(-1)).toEqual({
      method: 'insert',
      calendarId: MAILBOX,
      eventId: event.id,
      sendUpdates: 'all',
      conferenceDataVersion: 1,
    });
    expect(googleStatus(await insert(body).catch((err: unknown) => err))).toBe(409);

    expect((await insert(interview('16:00', '16:30', { video: false }))).data.hangoutLink).toBeUndefined();
    // Without conferenceDataVersion=1 Google ignores conferenceData.
    expect((await insert(interview('17:00', '17:30'), 0)).data.hangoutLink).toBeUndefined();
  });

  it('keeps answers of people still invited when a patch changes the attendees', async () => {
    const { data: event } = await insert(interview('18:00', '18:30'));
    fake.respond(event.id!, 'bea@example.com', 'accepted');
    fake.respond(event.id!, 'cy@example.com', 'declined');
    const attendees = [{ email: 'bea@example.com' }, { email: 'dee@example.com' }, { email: 'ada@example.org' }];
    await api.events.patch({
      calendarId: 'primary',
      eventId: event.id!,
      sendUpdates: 'all',
      requestBody: { attendees },
    });
    const { data: after } = await api.events.get({ calendarId: 'primary', eventId: event.id! });
    expect(after.attendees!.map((a) => [a.email, a.responseStatus])).toEqual([
      ['bea@example.com', 'accepted'],
      ['dee@example.com', 'needsAction'],
      ['ada@example.org', 'needsAction'],
    ]);
    expect(fake.eventCalls.at(-1)).toMatchObject({ method: 'patch', eventId: event.id, sendUpdates: 'all' });
  });

  it("lists an attendee's events in a span, marking their own seat, as the service's event reader needs", async () => {
    const busy = await listEventBusy(api, {
      calendarId: 'bea@example.com',
      from: at('09:30'),
      to: at('16:00'),
      zone: 'UTC',
    });
    // 10:00 accepted (busy), 13:00 transparent (free), 15:00 not answered yet (tentative); 12:00 was cancelled.
    expect(busy.map((b) => [b.start, b.kind])).toEqual([
      [at('10:00').toISOString(), 'busy'],
      [at('13:00').toISOString(), 'free'],
      [at('15:00').toISOString(), 'tentative'],
    ]);
    const { data } = await api.events.list({
      calendarId: 'nobody@example.com',
      timeMin: DAY.from.toISOString(),
      timeMax: DAY.to.toISOString(),
    });
    expect(data.items).toEqual([]);
  });
});
