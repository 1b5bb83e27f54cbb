import { randomBytes } from 'node:crypto';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { open, seal, signLink } from '../../src/google/token-crypto.js';
import { loadMailboxTokens } from '../../src/services/google/mailbox-credential.js';
import { useJustin } from '../setup/app.js';
import { commandBody, signedHeaders, slackAppEnv } from '../setup/slack.js';

// Connecting the recruiting mailbox: a signed link from Slack, Google's consent screen, the
// callback exchanging the code (nock on Google's token and Gmail endpoints), tokens stored encrypted.
const KEY = randomBytes(32);
const app = useJustin((databaseUrl) =>
  slackAppEnv({
    databaseUrl,
    ROLE: 'web',
    GMAIL_MAILBOX: 'jobs@example.com',
    GOOGLE_CLIENT_ID: 'justin.apps.googleusercontent.com',
    GOOGLE_CLIENT_SECRET: 'secret',
    ENCRYPTION_KEY: KEY.toString('base64'),
    PUBLIC_URL: 'https://justin.example.com',
  }),
);

async function connectLink(): Promise<string> {
  const body = commandBody('/hire', 'connect google', { user: 'U0ADMIN' });
  const text = (
    await app.justin.server.inject({
      method: 'POST',
      url: '/slack/events',
      payload: body,
      headers: signedHeaders(body),
    })
  ).json().text as string;
  return new URL(/https:\/\/\S+/.exec(text)![0]).searchParams.get('link')!;
}
const callback = (code: string, state: string) =>
  app.justin.server.inject({ method: 'GET', url: `/google/callback?code=${code}&state=${encodeURIComponent(state)}` });
function google({ refresh = 'refresh-1', email = 'jobs@example.com' } = {}) {
  nock('https://oauth2.googleapis.com')
    .post(
      '/token',
      (b: Record<string, string>) =>
        b.code === 'the-code' && b.redirect_uri === 'https://justin.example.com/google/callback',
    )
    .reply(200, {
      access_token: 'ya29.new',
      refresh_token: refresh,
      expires_in: 3600,
      scope: 'https://www.googleapis.com/auth/gmail.readonly',
      token_type: 'Bearer',
    });
  nock('https://www.googleapis.com')
    .get('/gmail/v1/users/me/profile')
    .reply(200, { emailAddress: email, historyId: '1' });
}

describe('connecting the mailbox with OAuth', () => {
  it('sends an admin with a valid link to Google’s consent screen for the mailbox', async () => {
    const link = await connectLink();
    const response = await app.justin.server.inject({
      method: 'GET',
      url: `/google/connect?link=${encodeURIComponent(link)}`,
    });
    expect(response.statusCode).toBe(302);
    const target = new URL(response.headers.location as string);
    expect(target.host).toBe('accounts.google.com');
    expect(target.searchParams.get('login_hint')).toBe('jobs@example.com');
    expect(target.searchParams.get('access_type')).toBe('offline');
    expect(target.searchParams.get('scope')).toContain('gmail.send');
  });

  it('refuses an expired or forged link', async () => {
    const expired = signLink(KEY, { by: 'U0ADMIN', now: Date.now() - 3_600_000 });
    expect(
      (await app.justin.server.inject({ method: 'GET', url: `/google/connect?link=${encodeURIComponent(expired)}` }))
        .statusCode,
    ).toBe(403);
    const forged = signLink(randomBytes(32), { by: 'U0ADMIN' });
    expect((await callback('the-code', forged)).statusCode).toBe(403);
  });

  it('keeps nothing when the admin signs in as another account', async () => {
    google({ email: 'someone@example.com' });
    const response = await callback('the-code', await connectLink());
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('You signed in as someone@example.com');
    expect(await app.justin.prisma.googleCredential.count()).toBe(0);
  });

  it('stores the tokens encrypted and starts using them', async () => {
    google();
    const response = await callback('the-code', await connectLink());
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Connected');
    const row = await app.justin.prisma.googleCredential.findUniqueOrThrow({ where: { subject: 'jobs@example.com' } });
    expect(Buffer.from(row.encryptedTokens).toString('latin1')).not.toContain('refresh-1');
    expect(await loadMailboxTokens(app.justin.prisma, { key: KEY, mailbox: 'jobs@example.com' })).toMatchObject({
      refresh_token: 'refresh-1',
    });
    expect(await app.justin.prisma.auditEntry.count({ where: { action: 'google.connect', actorId: 'U0ADMIN' } })).toBe(
      1,
    );
    expect(nock.pendingMocks()).toEqual([]);
  });
});

describe('token sealing', () => {
  it('round-trips, and refuses a tampered blob', () => {
    const sealed = seal(KEY, { refresh_token: 'r' });
    expect(open(KEY, sealed)).toEqual({ refresh_token: 'r' });
    sealed[sealed.length - 1]! ^= 1;
    expect(() => open(KEY, sealed)).toThrow();
  });
});
