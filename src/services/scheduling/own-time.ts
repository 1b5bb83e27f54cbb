import type { CalendarBusy } from '../../calendar/free-busy.js';
import type { FreshBusy } from './availability.js';

/** An interval the calendars show busy because of the interview itself (its booking, its holds). */
export type OwnTime = {
  start: Date;
  end: Date /** Whose calendars it is on; everyone's when absent. */;
  userIds?: readonly string[];
};

/**
 * Calendars with the interview's own time cut out of their busy entries: free/busy cannot say
 * which event made a time busy, and a booking being moved, or a time held for this very
 * candidate, must not stand in its own way.
 */
export function withoutOwnTime(calendars: FreshBusy, own: readonly OwnTime[]): FreshBusy {
  if (own.length === 0) return calendars;
  return new Map(
    [...calendars].map(([userId, c]) => {
      const mine = own.filter((o) => !o.userIds || o.userIds.includes(userId));
      return [userId, { ...c, busy: mine.reduce((busy, o) => busy.flatMap((b) => cut(b, o)), c.busy) }];
    }),
  );
}

function cut(b: CalendarBusy['busy'][number], own: OwnTime): Array<CalendarBusy['busy'][number]> {
  const [from, to] = [own.start.getTime(), own.end.getTime()];
  const [s, e] = [Date.parse(b.start), Date.parse(b.end)];
  if (b.kind !== 'busy' || e <= from || s >= to) return [b];
  return [
    ...(s < from ? [{ ...b, end: own.start.toISOString() }] : []),
    ...(e > to ? [{ ...b, start: own.end.toISOString() }] : []),
  ];
}
