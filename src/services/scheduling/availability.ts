import { createCalendarApi } from '../../calendar/calendar-api.js';
import { fetchFreeBusy, type CalendarBusy } from '../../calendar/free-busy.js';
import { listEventBusy } from '../../calendar/list-events.js';
import { ZBusyPolicy } from '../../domain/scheduling/slot-query.js';
import { AppError } from '../../errors.js';
import type { GoogleAuth } from '../../google/google-auth.js';
import type { Person } from './load-interview-plan.js';

/** Fresh busy time per user id, straight from the calendars; never cached. */
export type FreshBusy = Map<string, CalendarBusy>;

export type AvailabilitySource = {
  busyFor(people: readonly Person[], from: Date, to: Date): Promise<FreshBusy>;
};

/** Whether someone's policy needs event details (kinds) that free/busy cannot give. */
function needsEventKinds(person: Person): boolean {
  const policy = ZBusyPolicy.safeParse(person.busyPolicy ?? undefined);
  if (!policy.success) return false;
  return policy.data.tentative === 'free' || policy.data.outOfOffice === 'free' || policy.data.allDay === 'busy';
}

/**
 * Availability from Google Calendar: free/busy through the recruiting mailbox for most
 * people; each person's own events (as them, with domain-wide delegation) for those whose
 * policy treats tentative, out-of-office or all-day events differently. A person without a
 * calendar, or whose events cannot be read, is unknown for the span, never free.
 */
export function createCalendarAvailability({
  auth,
  rootUrl,
  mailbox,
}: {
  auth: GoogleAuth;
  rootUrl: string;
  mailbox: string;
}): AvailabilitySource {
  return {
    async busyFor(people, from, to) {
      const result: FreshBusy = new Map();
      const unknown = (problem: string): CalendarBusy => ({
        busy: [{ start: from.toISOString(), end: to.toISOString(), kind: 'unknown' }],
        problems: [problem],
      });
      const viaEvents = people.filter((p) => p.calendarId && auth.impersonates && needsEventKinds(p));
      const viaFreeBusy = people.filter((p) => p.calendarId && !viaEvents.includes(p));
      for (const p of people) if (!p.calendarId) result.set(p.userId, unknown('noCalendar'));

      const freeBusy = viaFreeBusy.length
        ? await fetchFreeBusy(createCalendarApi(auth.as(mailbox), rootUrl), {
            calendarIds: viaFreeBusy.map((p) => p.calendarId!),
            from,
            to,
          })
        : new Map<string, CalendarBusy>();
      for (const p of viaFreeBusy) result.set(p.userId, freeBusy.get(p.calendarId!)!);

      await Promise.all(
        viaEvents.map(async (p) => {
          try {
            const busy = await listEventBusy(createCalendarApi(auth.as(p.calendarId!), rootUrl), {
              calendarId: 'primary',
              from,
              to,
              zone: p.zone,
            });
            result.set(p.userId, { busy, problems: [] });
          } catch (err) {
            if (err instanceof AppError && err.code === 'EXTERNAL_PERMANENT')
              result.set(p.userId, unknown(err.message));
            else throw err;
          }
        }),
      );
      return result;
    },
  };
}
