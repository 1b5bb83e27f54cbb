import nock from 'nock';
import { createCalendarAvailability } from '../../src/services/scheduling/availability.js';
import { GOOGLE } from './google.js';
import { MAILBOX, testGoogleAuth } from './google-auth.js';

export { MAILBOX, testGoogleAuth };

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
