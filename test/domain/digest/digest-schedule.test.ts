import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DIGEST_SCHEDULE,
  latestDigestMoment,
  ZDigestSchedule,
  type DigestSchedule,
} from '../../../src/domain/digest/digest-schedule.js';

const berlin: DigestSchedule = { weekday: 1, time: '09:00', zone: 'Europe/Berlin' };
const newYork: DigestSchedule = { weekday: 1, time: '09:00', zone: 'America/New_York' };

// Expected instants worked out from the offsets: Berlin is UTC+1 until Sunday 28 March 2027
// 02:00 (then UTC+2) and UTC+2 until Sunday 31 October 2027 03:00; New York is UTC−5 until
// Sunday 14 March 2027 02:00, then UTC−4.
describe('latestDigestMoment', () => {
  it.each([
    // Berlin, Monday 09:00, across the spring change (28 March 2027).
    [
      'Berlin, a minute before the week’s moment: last week’s',
      berlin,
      '2027-03-22T07:59:00Z',
      '2027-03-15T08:00:00Z',
      '2027-W11',
    ],
    ['Berlin, at 09:00 CET', berlin, '2027-03-22T08:00:00Z', '2027-03-22T08:00:00Z', '2027-W12'],
    ['Berlin, Sunday after, DST began at 02:00', berlin, '2027-03-28T12:00:00Z', '2027-03-22T08:00:00Z', '2027-W12'],
    [
      'Berlin, Monday 08:59 CEST: still last week’s',
      berlin,
      '2027-03-29T06:59:00Z',
      '2027-03-22T08:00:00Z',
      '2027-W12',
    ],
    ['Berlin, Monday 09:00 CEST is 07:00 UTC', berlin, '2027-03-29T07:00:00Z', '2027-03-29T07:00:00Z', '2027-W13'],
    ['Berlin, 09:15 CEST', berlin, '2027-03-29T07:15:00Z', '2027-03-29T07:00:00Z', '2027-W13'],
    // And back across the autumn change (31 October 2027).
    ['Berlin, Monday 09:00 CET again', berlin, '2027-11-01T08:00:00Z', '2027-11-01T08:00:00Z', '2027-W44'],
    [
      'Berlin, 07:30 UTC on 1 November is 08:30 CET',
      berlin,
      '2027-11-01T07:30:00Z',
      '2027-10-25T07:00:00Z',
      '2027-W43',
    ],
    // New York, Monday 09:00, across 14 March 2027.
    ['New York, 09:00 EST', newYork, '2027-03-08T14:00:00Z', '2027-03-08T14:00:00Z', '2027-W10'],
    [
      'New York, 13:30 UTC on 15 March is 09:30 EDT',
      newYork,
      '2027-03-15T13:30:00Z',
      '2027-03-15T13:00:00Z',
      '2027-W11',
    ],
    [
      'New York, 12:59 UTC on 15 March is 08:59 EDT',
      newYork,
      '2027-03-15T12:59:00Z',
      '2027-03-08T14:00:00Z',
      '2027-W10',
    ],
    // Late on a Sunday in New York is already Monday in UTC: the zone decides the week.
    ['New York, Sunday 23:00 EDT', newYork, '2027-03-22T03:00:00Z', '2027-03-15T13:00:00Z', '2027-W11'],
    // A year's turn: ISO week 53 of 2026 runs to Sunday 3 January 2027.
    ['UTC, Friday 1 January 2027', DEFAULT_DIGEST_SCHEDULE, '2027-01-01T12:00:00Z', '2026-12-28T09:00:00Z', '2026-W53'],
    ['UTC, Monday 4 January 2027', DEFAULT_DIGEST_SCHEDULE, '2027-01-04T09:00:00Z', '2027-01-04T09:00:00Z', '2027-W01'],
    // Another weekday and time: Friday 17:30 in Kolkata (UTC+5:30, no DST).
    [
      'Kolkata, Friday 17:30',
      { weekday: 5, time: '17:30', zone: 'Asia/Kolkata' },
      '2027-03-12T12:00:00Z',
      '2027-03-12T12:00:00Z',
      '2027-W10',
    ],
  ] as const)('%s', (_name, schedule, now, at, week) => {
    expect(latestDigestMoment(schedule, new Date(now))).toEqual({ at: new Date(at), week });
  });

  it('moves a time in the spring-forward gap on by the gap (Sunday 02:30 Berlin is 03:30 CEST)', () => {
    const sunday: DigestSchedule = { weekday: 7, time: '02:30', zone: 'Europe/Berlin' };
    expect(latestDigestMoment(sunday, new Date('2027-03-28T02:00:00Z'))).toEqual({
      at: new Date('2027-03-28T01:30:00Z'),
      week: '2027-W12',
    });
  });

  it('gives one moment for the repeated fall-back hour, however often it is asked during it', () => {
    const sunday: DigestSchedule = { weekday: 7, time: '02:30', zone: 'Europe/Berlin' };
    const asked = ['2027-10-31T00:45:00Z', '2027-10-31T01:15:00Z', '2027-10-31T01:45:00Z', '2027-10-31T09:00:00Z'];
    const moments = asked.map((now) => latestDigestMoment(sunday, new Date(now)));
    const thisWeek = moments.filter((m) => m.week === '2027-W43');
    expect(new Set(thisWeek.map((m) => m.at.toISOString())).size).toBe(1);
    expect(['2027-10-31T00:30:00.000Z', '2027-10-31T01:30:00.000Z']).toContain(thisWeek[0]!.at.toISOString());
  });

  it('each week of a year gives exactly one moment, 7 days (± an hour at a change) after the last', () => {
    for (const schedule of [berlin, newYork]) {
      const weeks = new Map<string, number>();
      for (let t = Date.parse('2027-01-01T00:00:00Z'); t < Date.parse('2028-01-01T00:00:00Z'); t += 15 * 60_000) {
        const { at, week } = latestDigestMoment(schedule, new Date(t));
        expect(at.getTime()).toBeLessThanOrEqual(t);
        weeks.set(week, at.getTime());
      }
      const instants = [...weeks.values()];
      for (let i = 1; i < instants.length; i++) {
        expect(Math.abs(instants[i]! - instants[i - 1]! - 7 * 86_400_000)).toBeLessThanOrEqual(3_600_000);
      }
      expect(weeks.size).toBe(53);
    }
  }, 20_000);
});

describe('ZDigestSchedule', () => {
  it.each([
    [{ weekday: 1, time: '09:00', zone: 'Europe/Berlin' }, true],
    [{ weekday: 7, time: '23:45', zone: 'UTC' }, true],
    [{ weekday: 0, time: '09:00', zone: 'UTC' }, false],
    [{ weekday: 1, time: '9:00', zone: 'UTC' }, false],
    [{ weekday: 1, time: '24:00', zone: 'UTC' }, false],
    [{ weekday: 1, time: '09:00', zone: 'CET' }, false],
    [{ weekday: 1, time: '09:00', zone: 'Europe/Atlantis' }, false],
  ])('%j is %s', (value, ok) => {
    expect(ZDigestSchedule.safeParse(value).success).toBe(ok);
  });
});
