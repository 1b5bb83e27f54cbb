import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChannelDirectory } from '../../src/slack/channel-directory.js';
import { createSlackClient } from '../../src/slack/web-client.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { silentLog } from '../setup/boss.js';

const fake = new FakeSlackApi();
let client: ReturnType<typeof createSlackClient>;
beforeAll(async () => {
  await fake.start();
  client = createSlackClient({ token: 'xoxb-test', apiUrl: fake.url, log: silentLog });
});
afterAll(() => fake.stop());
const calls = (method: string, channel: string) =>
  fake.calls.filter((c) => c.method === method && c.args.channel === channel).length;

describe('ChannelDirectory', () => {
  it('asks Slack about a channel once until the entry expires', async () => {
    let now = 0;
    const channels = new ChannelDirectory(client, { ttlMs: 60_000, now: () => now });
    for (let i = 0; i < 3; i++)
      expect(await channels.lookup('C0CACHE')).toMatchObject({ member: true, isPrivate: false });
    expect(calls('conversations.info', 'C0CACHE')).toBe(1);
    now = 60_001;
    await channels.lookup('C0CACHE');
    expect(calls('conversations.info', 'C0CACHE')).toBe(2);
  });

  it('joins a public channel it is not in, once, and refuses a private one with what to do', async () => {
    const channels = new ChannelDirectory(client);
    fake.outside.set('C0PUBLIC', { isPrivate: false });
    fake.outside.set('G0SECRET', { isPrivate: true });
    await channels.ensureCanPost('C0PUBLIC');
    await channels.ensureCanPost('C0PUBLIC');
    expect(calls('conversations.join', 'C0PUBLIC')).toBe(1);
    expect(calls('conversations.info', 'C0PUBLIC')).toBe(1);
    await expect(channels.ensureCanPost('G0SECRET')).rejects.toMatchObject({
      code: 'EXTERNAL_PERMANENT',
      userMessage: 'Invite Justin to #g0secret (/invite @Justin), then retry.',
    });
    expect(calls('conversations.join', 'G0SECRET')).toBe(0);
  });
});
