import { describe, expect, it } from 'vitest';
import type { calendar_v3 } from 'googleapis';
import { eventBusy } from '../../src/calendar/event-busy.js';

const timed = { start: { dateTime: '2026-03-09T10:00:00+01:00' }, end: { dateTime: '2026-03-09T11:00:00+01:00' } };
const me = (responseStatus: string) => ({ attendees: [{ email: 'bea@example.com', self: true, responseStatus }] });

describe('eventBusy', () => {
  const cases: Array<[label: string, event: calendar_v3.Schema$Event, kind: string | undefined]> = [
    ['an ordinary event', { ...timed }, 'busy'],
    ['an event shown as free', { ...timed, transparency: 'transparent' }, 'free'],
    ['an invitation I accepted', { ...timed, ...me('accepted') }, 'busy'],
    ['an invitation I answered maybe', { ...timed, ...me('tentative') }, 'tentative'],
    ['an invitation I have not answered', { ...timed, ...me('needsAction') }, 'tentative'],
    ['an invitation I declined', { ...timed, ...me('declined') }, undefined],
    ['a cancelled event', { ...timed, status: 'cancelled' }, undefined],
    ['out of office', { ...timed, eventType: 'outOfOffice' }, 'out-of-office'],
    ['a working location', { ...timed, eventType: 'workingLocation' }, undefined],
    ['focus time', { ...timed, eventType: 'focusTime' }, 'busy'],
    [
      'an all-day event shown as free',
      { start: { date: '2026-03-09' }, end: { date: '2026-03-10' }, transparency: 'transparent' },
      'all-day',
    ],
    ['an all-day event shown as busy', { start: { date: '2026-03-09' }, end: { date: '2026-03-10' } }, 'busy'],
  ];
  it.each(cases)('%s', (_label, event, kind) => {
    expect(eventBusy(event, 'Europe/Berlin')?.kind).toBe(kind);
  });

  it('places an all-day event on the owner’s local day, across a DST change', () => {
    // 29 Mar 2026 in Berlin starts at 00:00 CET (+01:00) and ends at 00:00 CEST (+02:00) on the 30th.
    expect(eventBusy({ start: { date: '2026-03-29' }, end: { date: '2026-03-30' } }, 'Europe/Berlin')).toMatchObject({
      start: '2026-03-29T00:00:00.000+01:00',
      end: '2026-03-30T00:00:00.000+02:00',
    });
  });
});
