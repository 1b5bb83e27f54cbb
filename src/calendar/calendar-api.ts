import { google, type calendar_v3 } from 'googleapis';
import type { OAuth2Client } from 'google-auth-library';

export type CalendarApi = calendar_v3.Calendar;

/**
 * A Calendar v3 client at a configurable root (a local fake in development). Retries are
 * ours, not gaxios's: jobs and the outbox retry with backoff and honour Retry-After.
 */
export function createCalendarApi(auth: OAuth2Client, rootUrl: string): CalendarApi {
  return google.calendar({ version: 'v3', auth, rootUrl, retry: false, timeout: 20_000 });
}
