import { describe, expect, it } from 'vitest';
import { findSlots } from '../../../src/domain/scheduling/find-slots.js';
import { everyDay, person, query, sortedStarts } from './builders.js';

// Expected instants are derived by hand from each zone's offsets and transition rules and
// checked with GNU date against the system's tz database (not luxon, which the engine uses).

describe('working hours 09:00–17:00 become the right UTC slots on both sides of each DST change', () => {
  const cases: Array<[zone: string, day: string, first: string, last: string]> = [
    ['America/New_York', '2026-03-06', '2026-03-06T14:00:00Z', '2026-03-06T21:00:00Z'], // EST -5
    ['America/New_York', '2026-03-09', '2026-03-09T13:00:00Z', '2026-03-09T20:00:00Z'], // EDT -4
    ['America/New_York', '2026-10-30', '2026-10-30T13:00:00Z', '2026-10-30T20:00:00Z'],
    ['America/New_York', '2026-11-02', '2026-11-02T14:00:00Z', '2026-11-02T21:00:00Z'],
    ['Europe/London', '2026-03-27', '2026-03-27T09:00:00Z', '2026-03-27T16:00:00Z'], // GMT
    ['Europe/London', '2026-03-30', '2026-03-30T08:00:00Z', '2026-03-30T15:00:00Z'], // BST +1
    ['Europe/London', '2026-10-23', '2026-10-23T08:00:00Z', '2026-10-23T15:00:00Z'],
    ['Europe/London', '2026-10-26', '2026-10-26T09:00:00Z', '2026-10-26T16:00:00Z'],
    ['Europe/Berlin', '2026-03-27', '2026-03-27T08:00:00Z', '2026-03-27T15:00:00Z'], // CET +1
    ['Europe/Berlin', '2026-03-30', '2026-03-30T07:00:00Z', '2026-03-30T14:00:00Z'], // CEST +2
    ['Europe/Berlin', '2026-10-23', '2026-10-23T07:00:00Z', '2026-10-23T14:00:00Z'],
    ['Europe/Berlin', '2026-10-26', '2026-10-26T08:00:00Z', '2026-10-26T15:00:00Z'],
    ['Asia/Kolkata', '2026-03-09', '2026-03-09T03:30:00Z', '2026-03-09T10:30:00Z'], // +5:30, no DST
    ['Asia/Kathmandu', '2026-03-09', '2026-03-09T03:15:00Z', '2026-03-09T10:15:00Z'], // +5:45
    ['Australia/Adelaide', '2026-04-03', '2026-04-02T22:30:00Z', '2026-04-03T05:30:00Z'], // ACDT +10:30
    ['Australia/Adelaide', '2026-04-06', '2026-04-05T23:30:00Z', '2026-04-06T06:30:00Z'], // ACST +9:30
    ['Australia/Adelaide', '2026-10-02', '2026-10-01T23:30:00Z', '2026-10-02T06:30:00Z'],
    ['Australia/Adelaide', '2026-10-05', '2026-10-04T22:30:00Z', '2026-10-05T05:30:00Z'],
    ['America/St_Johns', '2026-03-06', '2026-03-06T12:30:00Z', '2026-03-06T19:30:00Z'], // NST -3:30
    ['America/St_Johns', '2026-03-09', '2026-03-09T11:30:00Z', '2026-03-09T18:30:00Z'], // NDT -2:30
    ['America/St_Johns', '2026-10-30', '2026-10-30T11:30:00Z', '2026-10-30T18:30:00Z'],
    ['America/St_Johns', '2026-11-02', '2026-11-02T12:30:00Z', '2026-11-02T19:30:00Z'],
    ['Pacific/Auckland', '2026-04-03', '2026-04-02T20:00:00Z', '2026-04-03T03:00:00Z'], // NZDT +13
    ['Pacific/Auckland', '2026-04-06', '2026-04-05T21:00:00Z', '2026-04-06T04:00:00Z'], // NZST +12
    ['Pacific/Auckland', '2026-09-25', '2026-09-24T21:00:00Z', '2026-09-25T04:00:00Z'],
    ['Pacific/Auckland', '2026-09-28', '2026-09-27T20:00:00Z', '2026-09-28T03:00:00Z'],
  ];
  it.each(cases)('%s on %s: eight one-hour slots from %s to %s', (zone, day, first, last) => {
    const starts = sortedStarts(
      findSlots(
        query({
          interviewers: [
            person('ana', zone, { weeklyHours: {}, overrides: [{ date: day, hours: [['09:00', '17:00']] }] }),
          ],
          window: wholeLocalDay(day),
          candidate: { zone },
        }),
      ).slots,
    );
    expect(starts.at(0)).toBe(first);
    expect(starts.at(-1)).toBe(last);
    expect(starts).toHaveLength(8);
  });
});

// From the day's first local midnight on Earth (UTC+14) to its last (UTC-12), with hours on
// that date only: whatever the zone, its local day lies inside the window.
function wholeLocalDay(day: string): { start: string; end: string } {
  return { start: `${day}T00:00:00+14:00`, end: `${day}T23:59:00-12:00` };
}

describe(
  'hours that span the change itself (Sunday 00:00–06:00 ' + 'local) are as long as the clock says, not six hours',
  () => {
    const cases: Array<[zone: string, day: string, expected: string[]]> = [
      // 00:00 EST = 05:00Z; 02:00–03:00 does not exist; 06:00 EDT = 10:00Z: five hours.
      ['America/New_York', '2026-03-08', ['05', '06', '07', '08', '09'].map((h) => `2026-03-08T${h}:00:00Z`)],
      // 00:00 EDT = 04:00Z; 01:00–02:00 happens twice; 06:00 EST = 11:00Z: seven hours.
      [
        'America/New_York',
        '2026-11-01',
        ['04', '05', '06', '07', '08', '09', '10'].map((h) => `2026-11-01T${h}:00:00Z`),
      ],
      // 00:00 GMT = 00:00Z; 06:00 BST = 05:00Z: five hours.
      ['Europe/London', '2026-03-29', ['00', '01', '02', '03', '04'].map((h) => `2026-03-29T${h}:00:00Z`)],
      // 00:00 CEST = 22:00Z the day before; 06:00 CET = 05:00Z: seven hours.
      [
        'Europe/Berlin',
        '2026-10-25',
        ['2026-10-24T22', '2026-10-24T23', ...['00', '01', '02', '03', '04'].map((h) => `2026-10-25T${h}`)].map(
          (h) => `${h}:00:00Z`,
        ),
      ],
      // 00:00 ACDT (+10:30) = 13:30Z on the 4th; 06:00 ACST (+9:30) = 20:30Z: seven hours.
      [
        'Australia/Adelaide',
        '2026-04-05',
        ['13', '14', '15', '16', '17', '18', '19'].map((h) => `2026-04-04T${h}:30:00Z`),
      ],
      // 00:00 NZST (+12) = 12:00Z on the 26th; 06:00 NZDT (+13) = 17:00Z: five hours.
      ['Pacific/Auckland', '2026-09-27', ['12', '13', '14', '15', '16'].map((h) => `2026-09-26T${h}:00:00Z`)],
      // 00:00 NST (-3:30) = 03:30Z; 06:00 NDT (-2:30) = 08:30Z: five hours.
      ['America/St_Johns', '2026-03-08', ['03', '04', '05', '06', '07'].map((h) => `2026-03-08T${h}:30:00Z`)],
    ];
    it.each(cases)('%s on %s', (zone, day, expected) => {
      const interviewer = person('ana', zone, {
        weeklyHours: {},
        overrides: [{ date: day, hours: [['00:00', '06:00']] }],
      });
      const result = findSlots(query({ interviewers: [interviewer], window: wholeLocalDay(day), candidate: { zone } }));
      expect(sortedStarts(result.slots)).toEqual(expected);
    });
  },
);

describe('clock edge cases', () => {
  it('hours past midnight (22:00–02:00 in Kolkata) run into the next day', () => {
    const interviewer = person('ana', 'Asia/Kolkata', { weeklyHours: { mon: [['22:00', '02:00']] } });
    // Mon 9 Mar 22:00 IST = 16:30Z; Tue 02:00 IST = 20:30Z.
    const result = findSlots(
      query({ interviewers: [interviewer], window: { start: '2026-03-09T00:00:00Z', end: '2026-03-10T23:00:00Z' } }),
    );
    expect(sortedStarts(result.slots)).toEqual(['16:30', '17:30', '18:30', '19:30'].map((t) => `2026-03-09T${t}:00Z`));
  });

  it('a working day that starts inside the spring-forward gap starts when the clock resumes', () => {
    // 02:30 does not exist in New York on 8 Mar 2026; the day starts at 03:30 EDT = 07:30Z.
    const interviewer = person('ana', 'America/New_York', {
      weeklyHours: {},
      overrides: [{ date: '2026-03-08', hours: [['02:30', '04:00']] }],
    });
    const result = findSlots(
      query({
        interviewers: [interviewer],
        stage: { durationMinutes: 30, mode: 'panel' },
        gridMinutes: 30,
        window: { start: '2026-03-08T00:00:00Z', end: '2026-03-09T00:00:00Z' },
      }),
    );
    expect(sortedStarts(result.slots)).toEqual(['2026-03-08T07:30:00Z']);
  });

  it('a working day that starts in the repeated fall-back hour starts at its first occurrence', () => {
    // 01:30 happens twice in New York on 1 Nov 2026: 05:30Z (EDT) and 06:30Z (EST). 03:00 EST = 08:00Z.
    const interviewer = person('ana', 'America/New_York', {
      weeklyHours: {},
      overrides: [{ date: '2026-11-01', hours: [['01:30', '03:00']] }],
    });
    const result = findSlots(
      query({
        interviewers: [interviewer],
        stage: { durationMinutes: 30, mode: 'panel' },
        gridMinutes: 30,
        window: { start: '2026-11-01T00:00:00Z', end: '2026-11-02T00:00:00Z' },
      }),
    );
    expect(sortedStarts(result.slots)).toEqual(
      ['05:30', '06:00', '06:30', '07:00', '07:30'].map((t) => `2026-11-01T${t}:00Z`),
    );
  });

  it('a 30-minute grid in Kathmandu falls on :00 and :30 Kathmandu time (:15 and :45 UTC)', () => {
    const interviewer = person('ana', 'Asia/Kathmandu', { weeklyHours: { mon: [['09:00', '10:30']] } });
    const result = findSlots(
      query({
        interviewers: [interviewer],
        stage: { durationMinutes: 30, mode: 'panel' },
        gridMinutes: 30,
        window: { start: '2026-03-09T00:00:00Z', end: '2026-03-10T00:00:00Z' },
      }),
    );
    expect(sortedStarts(result.slots)).toEqual(['03:15', '03:45', '04:15'].map((t) => `2026-03-09T${t}:00Z`));
  });

  it('a day off in the overrides removes that day, whatever the weekly hours say', () => {
    const interviewer = person('ana', 'Europe/Berlin', { overrides: [{ date: '2026-03-09', hours: [] }] });
    const result = findSlots(
      query({ interviewers: [interviewer], window: { start: '2026-03-09T00:00:00Z', end: '2026-03-11T00:00:00Z' } }),
    );
    expect(result.slots.every((s) => s.start >= Date.parse('2026-03-10T00:00:00Z'))).toBe(true);
    expect(result.slots).toHaveLength(8);
  });
});

describe('panels spanning three continents (London 08–18, New York 08–18, Kolkata 09–19)', () => {
  const panel = [
    person('lena', 'Europe/London', { weeklyHours: everyDay(['08:00', '18:00']) }),
    person('nate', 'America/New_York', { weeklyHours: everyDay(['08:00', '18:00']) }),
    person('priya', 'Asia/Kolkata', { weeklyHours: everyDay(['09:00', '19:00']) }),
  ];
  const cases: Array<[label: string, day: string, expected: string[]]> = [
    // London 08–18Z, New York 13–23Z, Kolkata 03:30–13:30Z: only 13:00–13:30Z is shared.
    ['both sides on winter time', '2026-03-02', ['13:00']],
    // New York moved to EDT (12–22Z) on 8 Mar; London still GMT: 12:00–13:30Z.
    ['between the US and EU changes', '2026-03-09', ['12:00', '12:30', '13:00']],
    // London on BST (07–17Z) from 29 Mar: the overlap is still New York's start to Kolkata's end.
    ['both on summer time', '2026-03-30', ['12:00', '12:30', '13:00']],
    // New York back on EST from 1 Nov while London went back on 25 Oct.
    ['both back on winter time', '2026-11-02', ['13:00']],
  ];
  it.each(cases)('%s (%s)', (_label, day, expected) => {
    const result = findSlots(
      query({
        interviewers: panel,
        stage: { durationMinutes: 30, mode: 'panel' },
        gridMinutes: 30,
        gridZone: 'Europe/London',
        window: { start: `${day}T00:00:00Z`, end: `${day}T23:59:00Z` },
      }),
    );
    expect(sortedStarts(result.slots)).toEqual(expected.map((t) => `${day}T${t}:00Z`));
    expect(result.slots.every((s) => s.interviewerIds.length === 3)).toBe(true);
  });
});
