import { describe, expect, it } from 'vitest';
import type { CalendarBusy } from '../../../src/calendar/free-busy.js';
import { withoutOwnTime } from '../../../src/services/scheduling/own-time.js';

const t = (hhmm: string) => `2027-03-02T${hhmm}:00.000Z`;
const busy = (from: string, to: string, kind: CalendarBusy['busy'][number]['kind'] = 'busy') => ({
  start: t(from),
  end: t(to),
  kind,
});
const hold = (from: string, to: string, userIds?: string[]) => ({
  start: new Date(t(from)),
  end: new Date(t(to)),
  ...(userIds ? { userIds } : {}),
});
const after = (spans: CalendarBusy['busy'], own: ReturnType<typeof hold>[]) =>
  withoutOwnTime(new Map([['bea', { busy: spans, problems: [] }]]), own).get('bea')!.busy;

describe("the interview's own time, out of its way", () => {
  it.each([
    ['its hold, alone', [busy('09:00', '09:30')], [hold('09:00', '09:30')], []],
    [
      'its hold, as a guest who has not answered (tentative)',
      [busy('09:00', '09:30', 'tentative')],
      [hold('09:00', '09:30')],
      [],
    ],
    [
      'two of its holds free/busy merged into one span',
      [busy('09:00', '10:00')],
      [hold('09:00', '09:30'), hold('09:30', '10:00')],
      [],
    ],
    [
      'a span its hold shares with a real meeting stays, whole',
      [busy('09:00', '10:00')],
      [hold('09:00', '09:30')],
      [busy('09:00', '10:00')],
    ],
    [
      'another busy span is untouched',
      [busy('11:00', '12:00'), busy('09:00', '09:30')],
      [hold('09:00', '09:30')],
      [busy('11:00', '12:00')],
    ],
    [
      'time it cannot read stays unknown',
      [busy('09:00', '09:30', 'unknown')],
      [hold('09:00', '09:30')],
      [busy('09:00', '09:30', 'unknown')],
    ],
    [
      'a hold on someone else’s calendar is not hers',
      [busy('09:00', '09:30')],
      [hold('09:00', '09:30', ['carl'])],
      [busy('09:00', '09:30')],
    ],
  ])('%s', (_what, spans, own, left) => {
    expect(after(spans, own)).toEqual(left);
  });
});
