import type { calendar_v3 } from 'googleapis';
import { DateTime } from 'luxon';
import type { BusyKind } from '../domain/scheduling/slot-query.js';

// What an event on an interviewer's calendar means for their availability, where free/busy's
// yes/no is not enough (a per-interviewer policy for tentative, out-of-office and all-day).

export type EventBusy = { start: string; end: string; kind: BusyKind };

/** The busy kind of one event for the calendar's owner, or undefined when it takes no time. */
export function eventBusy(event: calendar_v3.Schema$Event, zone: string): EventBusy | undefined {
  if (event.status === 'cancelled') return undefined;
  if (event.eventType === 'workingLocation' || event.eventType === 'birthday') return undefined;
  const self = event.attendees?.find((a) => a.self);
  if (self?.responseStatus === 'declined') return undefined;
  const span = eventSpan(event, zone);
  if (!span) return undefined;
  if (event.eventType === 'outOfOffice') return { ...span, kind: 'out-of-office' };
  if (event.start?.date) return { ...span, kind: event.transparency === 'transparent' ? 'all-day' : 'busy' };
  if (event.transparency === 'transparent') return { ...span, kind: 'free' };
  // An invitation not yet answered is as uncertain as a "maybe".
  if (self?.responseStatus === 'tentative' || self?.responseStatus === 'needsAction')
    return { ...span, kind: 'tentative' };
  return { ...span, kind: 'busy' };
}

/**
 * The event's span as instants. All-day events carry dates, which mean the owner's local
 * days: midnight to midnight in their zone, not UTC.
 */
function eventSpan(event: calendar_v3.Schema$Event, zone: string): { start: string; end: string } | undefined {
  if (event.start?.dateTime && event.end?.dateTime) return { start: event.start.dateTime, end: event.end.dateTime };
  if (event.start?.date && event.end?.date)
    return { start: localMidnight(event.start.date, zone), end: localMidnight(event.end.date, zone) };
  return undefined;
}

function localMidnight(date: string, zone: string): string {
  return DateTime.fromISO(date, { zone }).toISO()!;
}
