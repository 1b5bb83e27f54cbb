import { describe, expect, it } from 'vitest';
import { explainTime } from '../../../src/domain/scheduling/explain-time.js';
import { findSlots } from '../../../src/domain/scheduling/find-slots.js';
import { person, query } from './builders.js';

const MONDAY = { start: '2026-03-09T00:00:00Z', end: '2026-03-10T00:00:00Z' };
const at = (isoTime: string) => Date.parse(isoTime);

describe('explainTime', () => {
  const panel = [
    person('bea', 'Europe/Berlin', {
      busy: [{ start: '2026-03-09T13:00:00Z', end: '2026-03-09T14:00:00Z', kind: 'out-of-office' }],
    }),
    person('nate', 'America/New_York', {
      dailyCap: 1,
      booked: [{ start: '2026-03-09T14:00:00Z', end: '2026-03-09T15:00:00Z' }],
    }),
  ];

  it('gives every reason against a time, each in the zone of the person it concerns', () => {
    const explanation = explainTime(query({ interviewers: panel, window: MONDAY }), at('2026-03-09T13:00:00Z'));
    expect(explanation.possible).toBe(false);
    expect(explanation.reasons).toEqual([
      'Bea is out of office 14:00–15:00 Europe/Berlin',
      'Nate already has 1 interview on Mon 9 Mar America/New_York (daily cap 1)',
    ]);
  });

  it('names working hours, notice, buffers and unreadable calendars', () => {
    const q = query({
      interviewers: [
        person('bea', 'Europe/Berlin', {
          busy: [
            { start: '2026-03-09T10:00:00Z', end: '2026-03-09T10:10:00Z' },
            { start: '2026-03-09T12:00:00Z', end: '2026-03-09T13:00:00Z', kind: 'unknown' },
          ],
        }),
      ],
      window: MONDAY,
      now: '2026-03-08T09:00:00Z',
      minNoticeMinutes: 24 * 60,
      bufferBeforeMinutes: 15,
      candidate: { zone: 'Asia/Kolkata' },
    });
    expect(explainTime(q, at('2026-03-09T06:00:00Z')).reasons).toEqual([
      'less than 24 h notice (earliest Mon 9 Mar 14:30 Asia/Kolkata)',
      "outside Bea's working hours (Mon 07:00 Europe/Berlin)",
    ]);
    expect(explainTime(q, at('2026-03-09T10:15:00Z')).reasons).toEqual([
      'within 15 min of Bea being busy 11:00–11:10 Europe/Berlin',
    ]);
    expect(explainTime(q, at('2026-03-09T12:00:00Z')).reasons).toEqual([
      "Bea's calendar could not be read, so their time there is unknown",
    ]);
    expect(explainTime(q, at('2026-03-09T14:00:00Z'))).toMatchObject({
      possible: true,
      interviewerIds: ['bea'],
      reasons: [],
    });
  });

  it('agrees with the search on every grid time', () => {
    const q = query({ interviewers: panel, window: MONDAY, maxSlots: 20 });
    const found = new Set(findSlots(q).slots.map((s) => s.start));
    for (let t = at(MONDAY.start); t < at(MONDAY.end); t += 3_600_000) {
      expect(explainTime(q, t).possible).toBe(found.has(t));
    }
  });
});

describe('no slots', () => {
  it('says what blocked the times and which single change would free some', () => {
    const q = query({
      interviewers: [
        person('bea', 'Europe/Berlin'),
        person('nate', 'America/New_York', {
          busy: [{ start: '2026-03-09T00:00:00Z', end: '2026-03-10T00:00:00Z', kind: 'tentative' }],
        }),
      ],
      window: MONDAY,
    });
    const result = findSlots(q);
    expect(result.slots).toEqual([]);
    expect(result.noSlots!.checked).toBe(24);
    // Each time counts its most basic reason per person: Nate is outside his hours before he is busy.
    expect(result.noSlots!.blockers).toContainEqual({ reason: 'Nate is tentatively busy', times: 8 });
    expect(result.noSlots!.blockers).toContainEqual({ reason: "outside Bea's working hours", times: 16 });
    expect(result.noSlots!.unblock).toEqual([
      'search one more week: 15 possible times, the first Tue 10 Mar 13:00 UTC',
      'hold the panel without Nate: 8 possible times, the first Mon 9 Mar 08:00 UTC',
      "count Nate's tentative events as free: 3 possible times, the first Mon 9 Mar 13:00 UTC",
    ]);
  });

  it('says so when no single change helps', () => {
    const q = query({ interviewers: [person('bea', 'Europe/Berlin', { weeklyHours: {} })], window: MONDAY });
    expect(findSlots(q).noSlots!.unblock).toEqual([
      'no single change finds a time: widen the search window and add interviewers to the pool',
    ]);
  });
});
