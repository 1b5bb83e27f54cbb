import type { calendar_v3 } from 'googleapis';
import { callGoogle } from '../google/map-google-error.js';
import type { CalendarApi } from './calendar-api.js';
import { eventBusy, type EventBusy } from './event-busy.js';

/**
 * An interviewer's events between two instants, as busy kinds (recurring events expanded).
 * Needs read access to their events: domain-wide delegation, or a calendar shared with
 * details. Used only for people whose policy distinguishes kinds; free/busy serves the rest.
 */
export async function listEventBusy(
  api: CalendarApi,
  { calendarId, from, to, zone }: { calendarId: string; from: Date; to: Date; zone: string },
): Promise<EventBusy[]> {
  const busy: EventBusy[] = [];
  let pageToken: string | undefined;
  do {
    const page: calendar_v3.Schema$Events = (
      await callGoogle('events.list', () =>
        api.events.list({
          calendarId,
          timeMin: from.toISOString(),
          timeMax: to.toISOString(),
          singleEvents: true,
          maxResults: 2500,
          ...(pageToken ? { pageToken } : {}),
        }),
      )
    ).data;
    for (const event of page.items ?? []) {
      const entry = eventBusy(event, zone);
      if (entry) busy.push(entry);
    }
    pageToken = page.nextPageToken ?? undefined;
  } while (pageToken);
  return busy;
}
