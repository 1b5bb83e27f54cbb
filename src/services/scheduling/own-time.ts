import type { CalendarBusy } from '../../calendar/free-busy.js';
import type { FreshBusy } from './availability.js';

/** An interval the calendars show busy because of the interview itself (its booking, its holds). */
export type OwnTime = {
  start: Date;
  end: Date;
  /** Whose calendars it is on; everyone's when absent. */
  userIds?: readonly string[];
};

type Busy = CalendarBusy['busy'][number];

/**
 * Calendars without the busy time the interview itself makes: free/busy cannot say which event
 * made a time busy, and a booking being moved, or a time held for this very candidate, must not
 * stand in its own way. A busy span goes only when the interview's own times cover all of it:
 * free/busy merges overlapping events, so a span reaching past them holds someone else's meeting
 * too and stays busy, whole. (A meeting that only touches ours is caught by the buffers anyway.)
 */
export function withoutOwnTime(calendars: FreshBusy, own: readonly OwnTime[]): FreshBusy {
  if (own.length === 0) return calendars;
  return new Map(
    [...calendars].map(([userId, c]) => {
      const mine = own.filter((o) => !o.userIds || o.userIds.includes(userId));
      return [userId, { ...c, busy: c.busy.filter((b) => !(ours(b) && coveredBy(b, mine))) }];
    }),
  );
}

/** Kinds our own events can show as: busy, or tentative (a guest who has not answered the hold). */
const ours = (b: Busy) => b.kind === 'busy' || b.kind === 'tentative';

/** Whether the intervals, together, cover the whole span. */
function coveredBy(b: Busy, intervals: readonly OwnTime[]): boolean {
  let reached = Date.parse(b.start);
  const end = Date.parse(b.end);
  for (const o of [...intervals].sort((x, y) => x.start.getTime() - y.start.getTime())) {
    if (o.start.getTime() > reached) break;
    reached = Math.max(reached, o.end.getTime());
    if (reached >= end) return true;
  }
  return reached >= end;
}
