import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackChannelPerformer } from '../../../src/outbox/performers/slack-channel.js';
import { createSlackClient } from '../../../src/slack/web-client.js';
import { FakeSlackApi } from '../../fakes/slack-api.js';
import { silentLog } from '../../setup/boss.js';

// The performer against a local fake of the Web API: what it creates, adopts and refuses.
const fake = new FakeSlackApi();
let performer: ReturnType<typeof createSlackChannelPerformer>;
beforeAll(async () => {
  await fake.start();
  performer = createSlackChannelPerformer({
    client: createSlackClient({ token: 'xoxb-test', apiUrl: fake.url, log: silentLog }),
  });
});
afterAll(() => fake.stop());

const payload = (name: string) => ({
  roleId: '00000000-0000-4000-8000-000000000001',
  name,
  invite: ['U0HM', 'U0REC', 'U0HM'],
  requestedBy: 'U0REC',
});
const attempt = (name: string, previousAttemptAt: Date | null = null) => ({
  id: 'e1',
  idempotencyKey: `channel:x:${name}`,
  payload: payload(name),
  attempt: previousAttemptAt ? 2 : 1,
  previousAttemptAt,
  signal: new AbortController().signal,
});

describe('slack.channel performer', () => {
  it('creates the channel and invites each person once', async () => {
    const outcome = await performer.perform(attempt('hiring-sre'));
    const made = fake.channels.get('hiring-sre')!;
    expect(outcome).toEqual({ externalId: made.id, result: { channel: made.id, name: 'hiring-sre' } });
    expect(made.members).toEqual(['U0HM', 'U0REC']);
  });

  it('keeps the channel when Slack refuses an invite, and says so in the result', async () => {
    const outcome = await performer.perform({
      ...attempt('hiring-ml'),
      payload: { ...payload('hiring-ml'), invite: ['U0GONE1'] },
    });
    expect(outcome).toMatchObject({
      externalId: fake.channels.get('hiring-ml')!.id,
      result: { inviteError: 'user_is_restricted' },
    });
  });

  it('adopts the channel an earlier attempt created before its outcome was recorded', async () => {
    fake.channels.set('hiring-data', {
      id: 'C0EARLIER',
      name: 'hiring-data',
      created: Math.floor(Date.now() / 1000),
      members: [],
    });
    const outcome = await performer.perform(attempt('hiring-data', new Date(Date.now() - 5_000)));
    expect(outcome.externalId).toBe('C0EARLIER');
    expect(fake.calls.filter((c) => c.method === 'conversations.create' && c.args.name === 'hiring-data')).toHaveLength(
      1,
    );
  });

  it('refuses a name someone else took long ago, and tells the person who asked', async () => {
    fake.channels.set('general', { id: 'C0GENERAL', name: 'general', created: 1_500_000_000, members: [] });
    await expect(performer.perform(attempt('general', new Date(Date.now() - 5_000)))).rejects.toMatchObject({
      code: 'EXTERNAL_PERMANENT',
      details: { slackError: 'name_taken' },
    });
    await expect(performer.perform(attempt('general'))).rejects.toMatchObject({ code: 'EXTERNAL_PERMANENT' });
    const told = fake.messages.filter((m) => m.channel === 'U0REC');
    expect(told.at(-1)?.text).toMatch(/#general already exists\. Run `\/hire role edit &lt;title&gt;`/);
    expect(fake.channels.get('general')!.members).toEqual([]);
  });
});
