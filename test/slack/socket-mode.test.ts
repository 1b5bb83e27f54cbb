import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startJustin, type Justin } from '../../src/compose.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { FakeSlackSocket } from '../fakes/slack-socket.js';
import { silentLog } from '../setup/boss.js';
import { createTestDatabase } from '../setup/database.js';
import { slackAppEnv } from '../setup/slack.js';
import { eventually } from '../setup/workers.js';

// Socket Mode, the way a team tries Justin without a public URL: SLACK_APP_TOKEN set, the
// connection opened through apps.connections.open at the configured API URL, envelopes over
// a WebSocket, each acked on the same socket.
let justin: Justin;
let db: Awaited<ReturnType<typeof createTestDatabase>>;
const api = new FakeSlackApi();
const socket = new FakeSlackSocket();

beforeAll(async () => {
  await api.start();
  await socket.start();
  api.socketModeUrl = socket.url;
  db = await createTestDatabase();
  justin = await startJustin(
    loadConfig(slackAppEnv({ databaseUrl: db.url, slackApiUrl: api.url, SLACK_APP_TOKEN: 'xapp-1-test' })),
    silentLog,
    { listen: false },
  );
});
afterAll(async () => {
  await justin?.stop();
  await socket.stop();
  await api.stop();
  await db?.drop();
});

const command = (text: string, user: string) => ({
  command: '/hire',
  text,
  user_id: user,
  user_name: 'someone',
  team_id: 'T0TEAM',
  team_domain: 'acme',
  channel_id: 'C0ROLE',
  channel_name: 'hiring',
  api_app_id: 'A0JUSTIN',
  response_url: `${api.origin}/respond/${user}`,
  trigger_id: '1.2.abc',
});

describe('Socket Mode', () => {
  it('connects through the configured Slack API URL and answers a slash command in its ack', async () => {
    const ack = await socket.send('slash_commands', command('help', 'U0ADMIN'));
    expect(api.calls.map((c) => c.method)).toContain('apps.connections.open');
    expect(JSON.stringify(ack.payload)).toMatch(/\/candidate/);
  });

  it('acks a retried event on the socket and acts on it once', async () => {
    const event = {
      type: 'event_callback',
      event_id: 'Ev0SOCKET1',
      team_id: 'T0TEAM',
      api_app_id: 'A0JUSTIN',
      event: { type: 'app_home_opened', user: 'U0ADMIN', channel: 'D0HOME', tab: 'home', event_ts: '1.2' },
    };
    const first = await socket.send('events_api', event);
    const retry = await socket.send('events_api', event, { retryAttempt: 1 });
    expect([first.envelope_id, retry.envelope_id]).toHaveLength(2);
    // Events are acked before their listener runs: wait for the effect, then for both deliveries' listeners.
    const homes = () =>
      justin.prisma.outboxEffect.findMany({
        where: { kind: 'slack.home', payload: { path: ['slackUserId'], equals: 'U0ADMIN' } },
      });
    await eventually(async () => (await homes()).length > 0 || undefined);
    await new Promise((r) => setTimeout(r, 300));
    expect(await homes()).toHaveLength(1);
  });
});
