import { describe, expect, it } from 'vitest';
import { describeSlotFor, windowsFromLocalRanges } from '../../../src/domain/agent/candidate-times.js';

const now = new Date('2026-03-27T12:00:00Z');

describe('windowsFromLocalRanges', () => {
  it('reads ranges in the candidate’s zone, across the EU spring-forward (29 March 2026)', () => {
    const { windows, refused } = windowsFromLocalRanges(
      [
        { date: '2026-03-28', from: '14:00', to: '18:00' }, // Saturday, still GMT
        { date: '2026-03-30', from: '14:00', to: '18:00' }, // Monday, BST (+1)
        { date: '2026-03-31', from: '09:00', to: '24:00' },
      ],
      'Europe/London',
      now,
    );
    expect(refused).toEqual([]);
    expect(windows).toEqual([
      { start: '2026-03-28T14:00:00.000Z', end: '2026-03-28T18:00:00.000Z' },
      { start: '2026-03-30T13:00:00.000Z', end: '2026-03-30T17:00:00.000Z' },
      { start: '2026-03-31T08:00:00.000Z', end: '2026-03-31T23:00:00.000Z' },
    ]);
  });
  it(
    'refuses, with a reason, what is past, backwards, impossible or too far ahead; ' + 'trims a range already begun',
    () => {
      const { windows, refused } = windowsFromLocalRanges(
        [
          { date: '2026-03-26', from: '09:00', to: '10:00' },
          { date: '2026-03-30', from: '16:00', to: '09:00' },
          { date: '2026-02-30', from: '09:00', to: '10:00' },
          { date: '2027-03-30', from: '09:00', to: '10:00' },
          { date: '2026-03-27', from: '08:00', to: '17:00' },
        ],
        'America/New_York',
        now,
      );
      expect(refused.map((r) => r.why)).toEqual([
        'already past',
        'ends before it starts',
        'not a valid date or time',
        'more than 90 days ahead',
      ]);
      expect(windows).toEqual([{ start: '2026-03-27T12:00:00.000Z', end: '2026-03-27T21:00:00.000Z' }]);
    },
  );
});

describe('describeSlotFor', () => {
  it('spells the zone out, with the offset as the candidate sees it that day', () => {
    expect(describeSlotFor(new Date('2026-03-30T13:00:00Z'), new Date('2026-03-30T14:00:00Z'), 'Europe/London')).toBe(
      'Monday 30 March, 14:00–15:00 (Europe/London, GMT+1)',
    );
    expect(describeSlotFor(new Date('2026-03-30T08:30:00Z'), new Date('2026-03-30T09:30:00Z'), 'Asia/Kolkata')).toBe(
      'Monday 30 March, 14:00–15:00 (Asia/Kolkata, GMT+5:30)',
    );
  });
});
