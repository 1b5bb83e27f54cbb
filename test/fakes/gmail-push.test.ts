import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGmailApi } from '../../src/gmail/gmail-api.js';
import { createPushVerifier, decodeNotification } from '../../src/gmail/verify-push.js';
import { MAILBOX, testGoogleAuth } from '../setup/google-auth.js';
import { FakeGoogle } from './google-api.js';
import { readBody } from './local-server.js';

// Gmail push through the fake: Pub/Sub's envelope, signed with the fake's key, checked by the
// service's own verifier against the fake's certificate endpoint.

const AUDIENCE = 'https://justin.example.com/gmail/push';
const SERVICE_ACCOUNT = 'gmail-push@fake-project.iam.gserviceaccount.com';
const fake = new FakeGoogle();
const received: Array<{ verdict: unknown; notification: unknown }> = [];
let endpoint: Server;
let pushUrl: string;

beforeAll(async () => {
  await fake.start();
  const verify = createPushVerifier({
    audience: AUDIENCE,
    serviceAccount: SERVICE_ACCOUNT,
    certsUrl: `${fake.origin}/oauth2/v1/certs`,
  });
  // A stand-in for the service's /gmail/push: verify, decode, answer as the route does.
  endpoint = createServer((req, res) => {
    void (async () => {
      const verdict = await verify(req.headers.authorization);
      const notification = decodeNotification(JSON.parse(await readBody(req)));
      received.push({ verdict, notification });
      res.writeHead(verdict.ok ? 204 : 401).end();
    })();
  });
  await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
  pushUrl = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/gmail/push`;
});
afterAll(async () => {
  await fake.stop();
  await new Promise((resolve) => endpoint.close(resolve));
});

describe('FakeGoogle push', () => {
  it('pushes each delivered mail with a token that verifies, naming the mailbox and its new historyId', async () => {
    fake.configurePush({ url: pushUrl, audience: AUDIENCE, serviceAccount: SERVICE_ACCOUNT });
    const { historyId } = await fake.deliver(
      'From: a@example.org\r\nSubject: Hi\r\nMessage-ID: <p1@example.org>\r\n\r\nHi\r\n',
    );
    expect(fake.pushes.at(-1)).toMatchObject({ status: 204, historyId });
    expect(received.at(-1)).toEqual({ verdict: { ok: true }, notification: { emailAddress: MAILBOX, historyId } });
    // The history the notification points at holds the mail.
    const gmail = createGmailApi(testGoogleAuth().as(MAILBOX), fake.url);
    const history = await gmail.users.history.list({
      userId: 'me',
      startHistoryId: String(Number(historyId) - 1),
      labelId: 'INBOX',
    });
    expect(history.data.history).toHaveLength(1);
  });

  it('is refused by a verifier expecting another audience or service account, and says so in pushes', async () => {
    fake.configurePush({
      url: pushUrl,
      audience: 'https://elsewhere.example.com/push',
      serviceAccount: SERVICE_ACCOUNT,
    });
    await fake.deliver('From: a@example.org\r\nSubject: Hi\r\nMessage-ID: <p2@example.org>\r\n\r\nHi\r\n');
    expect(fake.pushes.at(-1)!.status).toBe(401);
    fake.configurePush({ url: pushUrl, audience: AUDIENCE, serviceAccount: 'someone@else.iam.gserviceaccount.com' });
    await fake.deliver('From: a@example.org\r\nSubject: Hi\r\nMessage-ID: <p3@example.org>\r\n\r\nHi\r\n');
    expect(received.at(-1)!.verdict).toEqual({ ok: false, reason: 'not the push subscription’s service account' });
  });

  it('delivers without a push when none is configured; an unreachable endpoint is status 0', async () => {
    fake.configurePush(undefined);
    const before = fake.pushes.length;
    await fake.deliver('From: a@example.org\r\nSubject: Hi\r\nMessage-ID: <p4@example.org>\r\n\r\nHi\r\n');
    expect(fake.pushes).toHaveLength(before);
    fake.configurePush({ url: 'http://127.0.0.1:1/gmail/push', audience: AUDIENCE, serviceAccount: SERVICE_ACCOUNT });
    await fake.deliver('From: a@example.org\r\nSubject: Hi\r\nMessage-ID: <p5@example.org>\r\n\r\nHi\r\n');
    expect(fake.pushes.at(-1)).toMatchObject({ status: 0, error: expect.any(String) });
  });
});
