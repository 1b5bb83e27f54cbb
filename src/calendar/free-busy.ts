import type { BusyInterval } from '../domain/scheduling/slot-query.js';
import { callGoogle } from '../google/map-google-error.js';
import type { CalendarApi } from './calendar-api.js';

// freebusy.query takes at most 50 calendars and, in practice, 90 days per call, so a wide
// question is split into a grid of calls. A calendar Google cannot read comes back inside a
// 200 as `errors` (notFound, internalError …): that time is unknown, never free, and the
// problem is kept so the team hears about it before anything is proposed.

export const MAX_CALENDARS_PER_CALL = 50;
export const MAX_SPAN_MS = 90 * 24 * 60 * 60_000;

export type CalendarBusy = {
  /** Busy time as the engine takes it; 'unknown' where the calendar could not be read. */
  busy: Array<Omit<BusyInterval, 'start' | 'end'> & { start: string; end: string }>;
  /** Google's reasons for each unreadable span, e.g. "notFound". */
  problems: string[];
};

export async function fetchFreeBusy(
  api: CalendarApi,
  { calendarIds, from, to }: { calendarIds: string[]; from: Date; to: Date },
): Promise<Map<string, CalendarBusy>> {
  const unique = [...new Set(calendarIds)];
  const result = new Map<string, CalendarBusy>(unique.map((id) => [id, { busy: [], problems: [] }]));
  const calls: Array<Promise<void>> = [];
  for (let i = 0; i < unique.length; i += MAX_CALENDARS_PER_CALL) {
    const ids = unique.slice(i, i + MAX_CALENDARS_PER_CALL);
    for (let start = from.getTime(); start < to.getTime(); start += MAX_SPAN_MS) {
      const span = {
        timeMin: new Date(start).toISOString(),
        timeMax: new Date(Math.min(start + MAX_SPAN_MS, to.getTime())).toISOString(),
      };
      calls.push(queryOnce(api, ids, span, result));
    }
  }
  await Promise.all(calls);
  return result;
}

async function queryOnce(
  api: CalendarApi,
  ids: string[],
  span: { timeMin: string; timeMax: string },
  into: Map<string, CalendarBusy>,
): Promise<void> {
  const response = await callGoogle('freebusy.query', () =>
    api.freebusy.query({ requestBody: { ...span, items: ids.map((id) => ({ id })) } }),
  );
  const calendars = response.data.calendars ?? {};
  for (const id of ids) {
    const entry = into.get(id)!;
    const answer = calendars[id];
    const errors = answer?.errors ?? (answer ? [] : [{ reason: 'missingFromResponse' }]);
    if (errors.length > 0) {
      entry.busy.push({ start: span.timeMin, end: span.timeMax, kind: 'unknown' });
      entry.problems.push(...errors.map((e) => e.reason ?? 'unknown'));
      continue;
    }
    for (const period of answer!.busy ?? []) {
      if (period.start && period.end) entry.busy.push({ start: period.start, end: period.end, kind: 'busy' });
    }
  }
}
