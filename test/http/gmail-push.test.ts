import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { useJustin } from '../setup/app.js';
import { fakeGoogleSigner } from '../setup/google-tokens.js';

// Pub/Sub push into the real server: the OIDC token is checked against (fake) Google
// certificates fetched over HTTP through google-auth-library, intercepted by nock.
const signer = fakeGoogleSigner();
const AUDIENCE = 'https://justin.example.com/gmail/push';
const PUSHER = 'gmail-push@proj.iam.gserviceaccount.com';
const app = useJustin(
  (databaseUrl) => ({
    DATABASE_URL: databaseUrl,
    PORT: '0',
    ROLE: 'web',
    GMAIL_MAILBOX: 'jobs@example.com',
    GOOGLE_SERVICE_ACCOUNT_JSON: JSON.stringify({
      type: 'service_account',
      client_email: 'sa@proj.iam.gserviceaccount.com',
      private_key: 'unused',
    }),
    PUBLIC_URL: 'https://justin.example.com',
    GMAIL_PUBSUB_TOPIC: 'projects/proj/topics/gmail',
    GMAIL_PUSH_SERVICE_ACCOUNT: PUSHER,
    GOOGLE_CERTS_URL: 'https://certs.fake-google.test/oauth2/v1/certs',
  }),
  {
    before: () =>
      void nock('https://certs.fake-google.test')
        .persist()
        .get('/oauth2/v1/certs')
        .reply(200, signer.certs, { 'Cache-Control': 'public, max-age=3600' }),
  },
);

const body = (emailAddress = 'jobs@example.com', historyId = '12345') => ({
  message: {
    data: Buffer.from(JSON.stringify({ emailAddress, historyId })).toString('base64'),
    messageId: '1',
    publishTime: new Date().toISOString(),
  },
  subscription: 'projects/proj/subscriptions/gmail-push',
});
const push = (authorization: string | undefined, payload: object = body()) =>
  app.justin.server.inject({
    method: 'POST',
    url: '/gmail/push',
    payload,
    headers: authorization ? { authorization } : {},
  });
const validToken = () => signer.token({ aud: AUDIENCE, email: PUSHER, email_verified: true });
const syncJobs = () => app.justin.boss.findJobs('gmail.sync');

describe('POST /gmail/push', () => {
  it.each([
    ['no token', undefined],
    [
      'a token signed by someone else',
      `Bearer ${signer.token({ aud: AUDIENCE, email: PUSHER, email_verified: true }, { key: signer.otherKey })}`,
    ],
    [
      'a token for another audience',
      `Bearer ${signer.token({ aud: 'https://evil.example/push', email: PUSHER, email_verified: true })}`,
    ],
    [
      'a token from another account',
      `Bearer ${signer.token({ aud: AUDIENCE, email: 'someone@proj.iam.gserviceaccount.com', email_verified: true })}`,
    ],
    [
      'an expired token',
      `Bearer ${signer.token({
        aud: AUDIENCE,
        email: PUSHER,
        email_verified: true,
        iat: 1_600_000_000,
        exp: 1_600_003_600,
      })}`,
    ],
    [
      'a token not issued by Google',
      `Bearer ${signer.token({ aud: AUDIENCE, email: PUSHER, email_verified: true, iss: 'https://evil.example' })}`,
    ],
  ])('refuses %s with 401 and queues nothing', async (_label, authorization) => {
    const response = await push(authorization);
    expect(response.statusCode).toBe(401);
    expect(await syncJobs()).toHaveLength(0);
  });

  it('accepts a valid push at once and queues one sync, however many notifications arrive', async () => {
    const responses = await Promise.all([1, 2, 3].map(() => push(`Bearer ${validToken()}`)));
    expect(responses.map((r) => r.statusCode)).toEqual([204, 204, 204]);
    const jobs = await syncJobs();
    expect(jobs.filter((j) => j.state === 'created' || j.state === 'active').length).toBeLessThanOrEqual(1);
    expect(jobs.length).toBeGreaterThanOrEqual(1);
    expect(
      (await app.justin.prisma.gmailSyncState.findUniqueOrThrow({ where: { mailbox: 'jobs@example.com' } })).lastPushAt,
    ).not.toBeNull();
  });

  it('acknowledges a body it cannot read (Pub/Sub would resend it forever) without queuing', async () => {
    const before = (await syncJobs()).length;
    expect((await push(`Bearer ${validToken()}`, { message: { data: 'not base64 json' } })).statusCode).toBe(204);
    expect((await syncJobs()).length).toBe(before);
  });
});
