import { describe, expect, it } from 'vitest';
import { findSlots } from '../../../src/domain/scheduling/find-slots.js';
import { everyDay, iso, person, query, sortedStarts } from './builders.js';

// Mon 9 Mar 2026 in Berlin (CET, +1): 09:00–17:00 local is 08:00–16:00Z.
const MONDAY = { start: '2026-03-09T00:00:00Z', end: '2026-03-10T00:00:00Z' };
const berlin = (extra: Parameters<typeof person>[2] = {}) => person('bea', 'Europe/Berlin', extra);

describe('busy time and the busy policy', () => {
  const busy = (
    kind: 'busy' | 'tentative' | 'free' | 'out-of-office' | 'all-day' | 'unknown',
    start = '2026-03-09T08:00:00Z',
    end = '2026-03-09T12:00:00Z',
  ) => ({ start, end, kind });
  const cases: Array<[label: string, extra: Parameters<typeof person>[2], firstStart: string]> = [
    ['busy blocks', { busy: [busy('busy')] }, '2026-03-09T12:00:00Z'],
    ['free does not block', { busy: [busy('free')] }, '2026-03-09T08:00:00Z'],
    ['tentative blocks by default', { busy: [busy('tentative')] }, '2026-03-09T12:00:00Z'],
    [
      'tentative does not block when the policy says free',
      { busy: [busy('tentative')], policy: { tentative: 'free' } },
      '2026-03-09T08:00:00Z',
    ],
    ['out of office blocks by default', { busy: [busy('out-of-office')] }, '2026-03-09T12:00:00Z'],
    [
      'an all-day event does not block by default',
      { busy: [busy('all-day', '2026-03-09T00:00:00Z', '2026-03-10T00:00:00Z')] },
      '2026-03-09T08:00:00Z',
    ],
    [
      'an all-day event blocks when the policy says busy',
      { busy: [busy('all-day', '2026-03-09T00:00:00Z', '2026-03-09T12:00:00Z')], policy: { allDay: 'busy' } },
      '2026-03-09T12:00:00Z',
    ],
    ['a calendar that could not be read is never free', { busy: [busy('unknown')] }, '2026-03-09T12:00:00Z'],
    [
      'an interview booked with us blocks even if the calendar has not caught up',
      { booked: [{ start: '2026-03-09T08:00:00Z', end: '2026-03-09T12:00:00Z' }] },
      '2026-03-09T12:00:00Z',
    ],
  ];
  it.each(cases)('%s', (_label, extra, firstStart) => {
    const result = findSlots(query({ interviewers: [berlin(extra)], window: MONDAY }));
    expect(sortedStarts(result.slots)[0]).toBe(firstStart);
  });
});

describe('notice, buffers, window and the candidate', () => {
  it('keeps the minimum notice from now', () => {
    const result = findSlots(
      query({ interviewers: [berlin()], window: MONDAY, now: '2026-03-08T10:00:00Z', minNoticeMinutes: 26 * 60 }),
    );
    expect(sortedStarts(result.slots)[0]).toBe('2026-03-09T12:00:00Z');
  });

  it('keeps buffers around busy time, but not around the working day', () => {
    const result = findSlots(
      query({
        interviewers: [berlin({ busy: [{ start: '2026-03-09T11:00:00Z', end: '2026-03-09T11:30:00Z' }] })],
        window: MONDAY,
        gridMinutes: 30,
        bufferBeforeMinutes: 15,
        bufferAfterMinutes: 15,
      }),
    );
    const starts = sortedStarts(result.slots);
    expect(starts).toContain('2026-03-09T08:00:00Z'); // the day's first hour needs no buffer before it
    expect(starts).not.toContain('2026-03-09T10:00:00Z'); // ends 11:00, the busy block starts 11:00
    expect(starts).not.toContain('2026-03-09T11:30:00Z'); // starts right as it ends
    expect(starts).toContain('2026-03-09T09:30:00Z');
    expect(starts).toContain('2026-03-09T12:00:00Z');
  });

  it('fits only inside the times the candidate gave', () => {
    const result = findSlots(
      query({
        interviewers: [berlin()],
        window: MONDAY,
        candidate: {
          zone: 'America/New_York',
          windows: [{ start: '2026-03-09T09:00:00-04:00', end: '2026-03-09T11:30:00-04:00' }],
        },
      }),
    );
    // 09:00–11:30 EDT = 13:00–15:30Z; Berlin works until 16:00Z: one-hour slots at 13:00 and 14:00Z.
    expect(sortedStarts(result.slots)).toEqual(['2026-03-09T13:00:00Z', '2026-03-09T14:00:00Z']);
  });

  it('never ends a slot after the search window', () => {
    const result = findSlots(
      query({ interviewers: [berlin()], window: { start: '2026-03-09T00:00:00Z', end: '2026-03-09T10:30:00Z' } }),
    );
    expect(sortedStarts(result.slots)).toEqual(['2026-03-09T08:00:00Z', '2026-03-09T09:00:00Z']);
  });
});

describe('daily and weekly caps count in the interviewer’s own calendar', () => {
  it('a daily cap counts the interviewer’s local day, not UTC’s', () => {
    // Auckland (NZDT +13): 20:00Z on Sunday 8 Mar is 09:00 on Monday 9 Mar there.
    const kiri = person('kiri', 'Pacific/Auckland', {
      dailyCap: 1,
      booked: [{ start: '2026-03-08T20:00:00Z', end: '2026-03-08T21:00:00Z' }],
    });
    const result = findSlots(
      query({ interviewers: [kiri], window: { start: '2026-03-08T00:00:00Z', end: '2026-03-10T12:00:00Z' } }),
    );
    // Monday (local) is full; Tuesday 10 Mar 09:00 NZDT = 20:00Z on the 9th is the first slot.
    expect(sortedStarts(result.slots)[0]).toBe('2026-03-09T20:00:00Z');
  });

  it('a weekly cap counts the ISO week in the interviewer’s zone', () => {
    const booked = ['2026-03-09T08:00:00Z', '2026-03-10T08:00:00Z'].map((start) => ({
      start,
      end: iso(Date.parse(start) + 3_600_000),
    }));
    const result = findSlots(
      query({
        interviewers: [berlin({ weeklyCap: 2, booked })],
        window: { start: '2026-03-09T00:00:00Z', end: '2026-03-17T00:00:00Z' },
      }),
    );
    expect(sortedStarts(result.slots)[0]).toBe('2026-03-16T08:00:00Z');
  });
});

describe('pools', () => {
  const window = MONDAY;
  it('picks the member with the fewest interviews, then the one whose last interview is longest ago', () => {
    const past = (day: string) => ({ start: `2026-03-0${day}T09:00:00Z`, end: `2026-03-0${day}T10:00:00Z` });
    const pool = [
      berlin({ id: 'ada', name: 'Ada', booked: [past('2'), past('3')] }),
      berlin({ id: 'ben', name: 'Ben', booked: [past('5')] }),
      berlin({ id: 'cy', name: 'Cy', booked: [past('4')] }),
    ];
    const result = findSlots(
      query({
        interviewers: pool,
        stage: { durationMinutes: 60, mode: 'pool', needed: 2 },
        window,
        now: '2026-03-06T00:00:00Z',
      }),
    );
    for (const slot of result.slots) expect(slot.interviewerIds).toEqual(['cy', 'ben']);
  });

  it('a busy member does not block the slot while enough others are free', () => {
    const pool = [
      berlin({ id: 'ada', name: 'Ada', busy: [{ start: '2026-03-09T08:00:00Z', end: '2026-03-09T16:00:00Z' }] }),
      berlin({ id: 'ben', name: 'Ben' }),
    ];
    const result = findSlots(
      query({ interviewers: pool, stage: { durationMinutes: 60, mode: 'pool', needed: 1 }, window }),
    );
    expect(result.slots).toHaveLength(8);
    expect(new Set(result.slots.flatMap((s) => s.interviewerIds))).toEqual(new Set(['ben']));
  });
});

describe('ranking', () => {
  it('prefers times inside everyone’s core hours', () => {
    // Berlin 08:00–20:00 local (07–19Z); the candidate in New York, on EDT since 8 Mar (-4).
    // 13:00Z is 14:00 in Berlin and 09:00 in New York: the first time in both core days.
    const interviewer = berlin({ weeklyHours: everyDay(['08:00', '20:00']) });
    const result = findSlots(
      query({ interviewers: [interviewer], window: MONDAY, candidate: { zone: 'America/New_York' }, maxSlots: 1 }),
    );
    expect(result.slots.map((s) => iso(s.start))).toEqual(['2026-03-09T13:00:00Z']);
    expect(result.slots[0]!.why).toBe("candidate Mon 9 Mar 09:00 America/New_York · within everyone's core hours");
  });

  it('says who a time is early or late for, in their own zone', () => {
    const interviewer = berlin({ weeklyHours: everyDay(['08:00', '09:00']) });
    const result = findSlots(
      query({ interviewers: [interviewer], window: MONDAY, candidate: { zone: 'Asia/Kolkata' } }),
    );
    expect(result.slots[0]!.why).toBe('candidate Mon 9 Mar 12:30 Asia/Kolkata · early for Bea (08:00 Europe/Berlin)');
  });

  it('spreads the offer over days before offering two times on one day', () => {
    const result = findSlots(
      query({
        interviewers: [berlin()],
        window: { start: '2026-03-09T00:00:00Z', end: '2026-03-12T00:00:00Z' },
        maxSlots: 3,
      }),
    );
    const days = result.slots.map((s) => iso(s.start).slice(0, 10));
    expect(new Set(days)).toEqual(new Set(['2026-03-09', '2026-03-10', '2026-03-11']));
  });

  it('is deterministic', () => {
    const q = query({
      interviewers: [berlin()],
      window: { start: '2026-03-09T00:00:00Z', end: '2026-03-14T00:00:00Z' },
      maxSlots: 5,
    });
    expect(findSlots(q)).toEqual(findSlots(q));
  });
});
