import { OAuth2Client } from 'google-auth-library';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGmailApi } from '../../src/gmail/gmail-api.js';
import { GOOGLE_SCOPES } from '../../src/google/google-auth.js';
import { FakeGoogle } from './google-api.js';

// The "connect Google" flow against the fake: google-auth-library builds the consent URL and
// exchanges the code, as the service's /google/connect and /google/callback routes do.

const CLIENT = { clientId: 'justin.apps.googleusercontent.com', clientSecret: 'shh' };
const REDIRECT = 'https://justin.example.com/google/callback';
const fake = new FakeGoogle();
beforeAll(() => fake.start());
afterAll(() => fake.stop());
beforeEach(() => {
  fake.consent = { as: fake.mailbox, decision: 'allow' };
});

const client = (redirectUri = REDIRECT) =>
  new OAuth2Client({
    ...CLIENT,
    redirectUri,
    endpoints: { oauth2AuthBaseUrl: `${fake.origin}/o/oauth2/v2/auth`, oauth2TokenUrl: `${fake.origin}/token` },
  });

/** Follows the consent URL once, as the browser would, and reads where Google sends it back. */
async function consent(oauth: OAuth2Client, state = 'signed-link'): Promise<URL> {
  const url = oauth.generateAuthUrl({
    access_type: 'offline',
    prompt: 'consent',
    scope: GOOGLE_SCOPES,
    state,
    login_hint: fake.mailbox,
  });
  const res = await fetch(url, { redirect: 'manual' });
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location')!);
}

describe('FakeGoogle OAuth', () => {
  it('redirects back with a one-time code that becomes tokens for the account consent was given as', async () => {
    const oauth = client();
    const back = await consent(oauth);
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
    expect(back.searchParams.get('state')).toBe('signed-link');
    expect(back.searchParams.get('scope')).toBe(GOOGLE_SCOPES.join(' '));
    expect(fake.authRequests.at(-1)).toMatchObject({
      client_id: CLIENT.clientId,
      login_hint: fake.mailbox,
      access_type: 'offline',
    });

    const { tokens } = await oauth.getToken(back.searchParams.get('code')!);
    expect(tokens).toMatchObject({
      access_token: expect.any(String),
      refresh_token: expect.any(String),
      token_type: 'Bearer',
    });
    expect(tokens.expiry_date! - Date.now()).toBeGreaterThan(3_500_000);
    expect(fake.tokenRequests.at(-1)).toMatchObject({
      grantType: 'authorization_code',
      clientId: CLIENT.clientId,
      clientSecret: 'shh',
      status: 200,
    });
    oauth.setCredentials(tokens);
    expect((await createGmailApi(oauth, fake.url).users.getProfile({ userId: 'me' })).data.emailAddress).toBe(
      fake.mailbox,
    );

    await expect(client().getToken(back.searchParams.get('code')!)).rejects.toMatchObject({
      response: { data: { error: 'invalid_grant' } },
    });
  });

  it("lets Gmail's profile say who really signed in, so the wrong account can be refused", async () => {
    fake.consent = { as: 'someone@gmail.com', decision: 'allow' };
    const oauth = client();
    const { tokens } = await oauth.getToken((await consent(oauth)).searchParams.get('code')!);
    oauth.setCredentials(tokens);
    expect((await createGmailApi(oauth, fake.url).users.getProfile({ userId: 'me' })).data.emailAddress).toBe(
      'someone@gmail.com',
    );
  });

  it('sends a refusal back as access_denied with the state', async () => {
    fake.consent = { as: fake.mailbox, decision: 'deny' };
    const back = await consent(client(), 'link-2');
    expect(Object.fromEntries(back.searchParams)).toEqual({ error: 'access_denied', state: 'link-2' });
  });

  it('refuses a code at another redirect_uri, refreshes with the refresh token, and stops after revoke', async () => {
    const first = client();
    const code = (await consent(first)).searchParams.get('code')!;
    await expect(client('https://evil.example.com/cb').getToken(code)).rejects.toMatchObject({
      response: { data: { error: 'redirect_uri_mismatch' } },
    });
    const { tokens } = await first.getToken(code);

    const later = client();
    later.setCredentials({ refresh_token: tokens.refresh_token! });
    const { token } = await later.getAccessToken();
    expect(token).toMatch(/^ya29\./);
    expect(token).not.toBe(tokens.access_token);
    expect((await createGmailApi(later, fake.url).users.getProfile({ userId: 'me' })).data.emailAddress).toBe(
      fake.mailbox,
    );

    fake.revoke(tokens.refresh_token!);
    const revoked = client();
    revoked.setCredentials({ refresh_token: tokens.refresh_token! });
    await expect(revoked.getAccessToken()).rejects.toMatchObject({ response: { data: { error: 'invalid_grant' } } });
  });
});
