import nock from 'nock';
import { createGoogleAuth } from '../../src/google/google-auth.js';
import { createCalendarAvailability } from '../../src/services/scheduling/availability.js';
import { GOOGLE } from './google.js';

export const MAILBOX = 'jobs@example.com';

/** Google auth for the mailbox with a valid access token: API calls only, no token refresh. */
export function testGoogleAuth() {
  return createGoogleAuth({
    serviceAccountJson: undefined,
    oauth: { clientId: 'x.apps.googleusercontent.com', clientSecret: 's' },
    oauthTokens: { refresh_token: 'r', access_token: 'ya29.t', expiry_date: Date.now() + 3_600_000 },
  });
}

/**
 * Google Calendar's freeBusy endpoint answered from a table the test can change, through
 * nock: the real googleapis client and our real availability code make the calls.
 */
export function fakeFreeBusy() {
  const busy = new Map<string, Array<{ start: string; end: string }>>();
  let calls = 0;
  nock(GOOGLE)
    .persist()
    .post('/calendar/v3/freeBusy')
    .reply(200, async (request: Request) => {
      calls++;
      const body = (await request.json()) as { items: Array<{ id: string }> };
      return { calendars: Object.fromEntries(body.items.map(({ id }) => [id, { busy: busy.get(id) ?? [] }])) };
    });
  const auth = testGoogleAuth();
  return {
    busy,
    calls: () => calls,
    availability: createCalendarAvailability({ auth, rootUrl: `${GOOGLE}/`, mailbox: MAILBOX }),
    auth,
  };
}
