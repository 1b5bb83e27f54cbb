import { describe, expect, it } from 'vitest';
import { nextBusinessMorning } from '../../../src/domain/interviews/business-morning.js';

const at = (iso: string) => new Date(iso);

describe('the next business morning, in the person’s own zone', () => {
  it('is the start of their next working day, skipping the weekend', () => {
    // Friday 5 March 2027, 17:00 in Berlin (UTC+1): Monday 09:00 Berlin.
    expect(nextBusinessMorning(at('2027-03-05T16:00:00Z'), 'Europe/Berlin', null)).toEqual(at('2027-03-08T08:00:00Z'));
  });

  it('moves with the clocks: across the change to summer time it is still 09:00 there', () => {
    // Friday 26 March 2027 in Berlin; clocks go forward on Sunday 28 March: Monday 09:00 is 07:00 UTC.
    expect(nextBusinessMorning(at('2027-03-26T12:00:00Z'), 'Europe/Berlin', null)).toEqual(at('2027-03-29T07:00:00Z'));
    // New York changed two weeks earlier (14 March 2027): 09:00 there is 13:00 UTC after, 14:00 before.
    expect(nextBusinessMorning(at('2027-03-11T20:00:00Z'), 'America/New_York', null)).toEqual(
      at('2027-03-12T14:00:00Z'),
    );
    expect(nextBusinessMorning(at('2027-03-12T20:00:00Z'), 'America/New_York', null)).toEqual(
      at('2027-03-15T13:00:00Z'),
    );
  });

  it('uses their own hours and days off: a later start, a Saturday worker, a day off', () => {
    const hours = {
      weekly: { tue: [['10:30', '18:00']], sat: [['08:00', '12:00']] },
      overrides: [{ date: '2027-03-09', hours: [] }],
    };
    // Monday 8 March: Tuesday 9 is a day off, so Saturday 13 at 08:00 (Lisbon, UTC+0).
    expect(nextBusinessMorning(at('2027-03-08T12:00:00Z'), 'Europe/Lisbon', hours)).toEqual(at('2027-03-13T08:00:00Z'));
    // Monday 15 March: Tuesday 16 at 10:30.
    expect(nextBusinessMorning(at('2027-03-15T12:00:00Z'), 'Europe/Lisbon', hours)).toEqual(at('2027-03-16T10:30:00Z'));
  });

  it('never fails: no working day at all, or a zone nobody knows, falls back to 09:00 on a weekday', () => {
    expect(nextBusinessMorning(at('2027-03-05T16:00:00Z'), 'UTC', { weekly: {}, overrides: [] })).toEqual(
      at('2027-03-08T09:00:00Z'),
    );
    expect(nextBusinessMorning(at('2027-03-05T16:00:00Z'), 'Mars/Olympus', null)).toEqual(at('2027-03-08T09:00:00Z'));
  });
});
