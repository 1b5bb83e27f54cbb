// googleapis's own module for this one API: the package's index loads all of its ~300 APIs
// (measured: 0.5 s and 59 MB of heap more per process than the two Justin uses).
import { calendar, type calendar_v3 } from 'googleapis/build/src/apis/calendar/index.js';
import type { OAuth2Client } from 'google-auth-library';

export type CalendarApi = calendar_v3.Calendar;

/**
 * A Calendar v3 client at a configurable root (a local fake in development). Retries are
 * ours, not gaxios's: jobs and the outbox retry with backoff and honour Retry-After.
 */
export function createCalendarApi(auth: OAuth2Client, rootUrl: string): CalendarApi {
  return calendar({ version: 'v3', auth, rootUrl, retry: false, timeout: 20_000 });
}
