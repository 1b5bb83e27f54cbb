import { createGoogleAuth } from '../../src/google/google-auth.js';

export const MAILBOX = 'jobs@example.com';

/**
 * Google auth for the mailbox with a valid access token: API calls only, no token refresh.
 * Kept apart from the nock helpers: importing nock intercepts every socket in the process
 * (Postgres included), which benches and the replay CLI must not pay for.
 */
export function testGoogleAuth() {
  return createGoogleAuth({
    serviceAccountJson: undefined,
    oauth: { clientId: 'x.apps.googleusercontent.com', clientSecret: 's' },
    oauthTokens: { refresh_token: 'r', access_token: 'ya29.t', expiry_date: Date.now() + 3_600_000 },
  });
}
