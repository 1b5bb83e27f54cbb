import { createCalendarApi } from '../../calendar/calendar-api.js';
import { fetchFreeBusy } from '../../calendar/free-busy.js';
import type { GoogleDeps } from '../../outbox/performers/index.js';

/** Reads the mailbox's own free/busy for the next hour: proves auth, scopes and API access. */
export async function probeCalendar(google: GoogleDeps): Promise<string> {
  const now = new Date();
  const api = createCalendarApi(google.auth.as(google.mailbox), google.rootUrl);
  const answer = await fetchFreeBusy(api, { calendarIds: [google.mailbox], from: now, to: new Date(now.getTime() + 3_600_000) });
  const problems = answer.get(google.mailbox)?.problems ?? [];
  if (problems.length) throw new Error(`Calendar answered for ${google.mailbox} with: ${problems.join(', ')}`);
  return `Calendar readable as ${google.mailbox}`;
}
