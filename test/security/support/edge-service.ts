import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { afterAll, beforeAll } from 'vitest';
import { startJustin, type Justin } from '../../../src/compose.js';
import { loadConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/logger.js';
import { FakeSlackApi } from '../../fakes/slack-api.js';
import { createTestDatabase } from '../../setup/database.js';
import { fakeGoogleSigner } from '../../setup/google-tokens.js';
import { SIGNING_SECRET } from '../../setup/slack.js';

export const AUDIENCE = 'https://justin.example.com/gmail/push';
export const PUSHER = 'gmail-push@proj.iam.gserviceaccount.com';
export const ENCRYPTION_KEY = randomBytes(32);

export type EdgeService = {
  readonly justin: Justin;
  readonly slack: FakeSlackApi;
  /** Every log line the service wrote, parsed. */
  readonly logs: Array<Record<string, unknown>>;
  readonly signer: ReturnType<typeof fakeGoogleSigner>;
  /** The listening address (when started with listen: true). */
  readonly origin: string;
};

/**
 * The service as compose.ts builds it, with every route of the edge on: Slack (its API a
 * local fake), Gmail push (Google's certificates through nock) and the OAuth connect routes.
 * Its logs are kept for the test to read.
 */
export function useEdgeService({
  env = {},
  listen = false,
}: {
  env?: Record<string, string>;
  listen?: boolean;
} = {}): EdgeService {
  const slack = new FakeSlackApi();
  const signer = fakeGoogleSigner();
  const logs: Array<Record<string, unknown>> = [];
  let justin: Justin | undefined;
  let db: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  let origin = '';
  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect(/127\.0\.0\.1|localhost/);
    nock('https://certs.fake-google.test')
      .persist()
      .get('/oauth2/v1/certs')
      .reply(200, signer.certs, { 'Cache-Control': 'public, max-age=3600' });
    await slack.start();
    db = await createTestDatabase();
    const config = loadConfig({
      DATABASE_URL: db.url,
      HOST: '127.0.0.1',
      PORT: '0',
      ROLE: 'web',
      SLACK_BOT_TOKEN: 'xoxb-edge',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_ADMINS: 'U0ADMIN',
      SLACK_API_URL: slack.url,
      GMAIL_MAILBOX: 'jobs@example.com',
      GOOGLE_CLIENT_ID: 'justin.apps.googleusercontent.com',
      GOOGLE_CLIENT_SECRET: 'secret',
      ENCRYPTION_KEY: ENCRYPTION_KEY.toString('base64'),
      PUBLIC_URL: 'https://justin.example.com',
      GMAIL_PUSH_SERVICE_ACCOUNT: PUSHER,
      GOOGLE_CERTS_URL: 'https://certs.fake-google.test/oauth2/v1/certs',
      ...env,
    });
    const log = createLogger({
      level: 'info',
      destination: { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) },
    });
    justin = await startJustin(config, log, { listen });
    if (listen) origin = `http://127.0.0.1:${(justin.server.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await justin?.stop();
    await db?.drop();
    await slack.stop();
    nock.cleanAll();
    nock.enableNetConnect();
  });
  return {
    get justin() {
      return justin!;
    },
    slack,
    logs,
    signer,
    get origin() {
      return origin;
    },
  };
}
