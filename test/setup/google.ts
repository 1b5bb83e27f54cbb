import { OAuth2Client } from 'google-auth-library';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { createCalendarApi, type CalendarApi } from '../../src/calendar/calendar-api.js';

export const GOOGLE = 'https://www.googleapis.com';

/** A Calendar client authorised with a fixed access token, so only API calls reach nock. */
export function testCalendarApi(rootUrl = `${GOOGLE}/`): CalendarApi {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: 'ya29.test', expiry_date: Date.now() + 3_600_000 });
  return createCalendarApi(auth, rootUrl);
}

/** nock with no real network (loopback allowed for Postgres) and a check that every mock was used. */
export function useNock(): void {
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect(/127\.0\.0\.1|localhost/);
  });
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    expect(pending).toEqual([]);
  });
  afterAll(() => nock.enableNetConnect());
}
