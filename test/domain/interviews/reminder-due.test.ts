import { describe, expect, it } from 'vitest';
import { dueReminderLead } from '../../../src/domain/interviews/reminder-due.js';

// The interview: Wednesday 3 March 2027, 10:00 UTC.
const start = new Date('2027-03-03T10:00:00Z');
const before = (minutes: number) => new Date(start.getTime() - minutes * 60_000);
const LONG_AGO = new Date('2027-02-01T00:00:00Z');

describe('dueReminderLead', () => {
  it.each([
    // [what, leads, bookedAt, already sent, now, expected]
    ['nothing before the first moment', [1440, 15], LONG_AGO, [], before(1441), null],
    ['the 24-hour reminder at its moment', [1440, 15], LONG_AGO, [], before(1440), 1440],
    ['still due a little later (the schedule runs each minute)', [1440, 15], LONG_AGO, [], before(1400), 1440],
    ['not again once it went', [1440, 15], LONG_AGO, [1440], before(1000), null],
    ['the 15-minute one at its moment', [1440, 15], LONG_AGO, [1440], before(15), 15],
    ['in any order of leads', [15, 60, 1440], LONG_AGO, [1440], before(59), 60],
    ['nothing once it has started', [1440, 15], LONG_AGO, [], start, null],
    ['nothing when the role wants none', [], LONG_AGO, [], before(10), null],
    ['a missed 24-hour one is not sent beside the 15-minute one', [1440, 15], LONG_AGO, [], before(10), 15],
    // Booked two hours ahead: the 24-hour moment came before the booking.
    ['booked 2 h ahead: no 24-hour reminder, sent late', [1440, 15], before(120), [], before(119), null],
    ['booked 2 h ahead: the 1-hour one at its moment', [1440, 60, 15], before(120), [], before(60), 60],
    ['booked 2 h ahead: then the 15-minute one', [1440, 60, 15], before(120), [60], before(15), 15],
    // Booked inside the shortest lead: the shortest still goes, at once.
    ['booked 10 min ahead: the 15-minute one goes now', [1440, 60, 15], before(10), [], before(10), 15],
    [
      'booked 30 min ahead with leads 24 h and 1 h: the 1-hour one goes now',
      [1440, 60],
      before(30),
      [],
      before(29),
      60,
    ],
    [
      'booked 30 min ahead: not the 1-hour one when a 15-minute one will come',
      [60, 15],
      before(30),
      [],
      before(29),
      null,
    ],
    ['a booking older than the column counts as long ago', [1440, 15], null, [], before(1440), 1440],
  ] as const)('%s', (_what, leads, bookedAt, sent, now, expected) => {
    expect(dueReminderLead({ leads, startsAt: start, bookedAt, sent: new Set(sent), now })).toBe(expected);
  });
});
