import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChannelDirectory } from '../../src/slack/channel-directory.js';
import { UserDirectory } from '../../src/slack/user-directory.js';
import { createSlackClient } from '../../src/slack/web-client.js';
import { silentLog } from '../setup/boss.js';
import { FakeSlackApi } from './slack-api.js';

// The Slack fake driven through the service's own WebClient, so it speaks the wire format
// @slack/web-api really sends (form-encoded, JSON-valued fields).

const fake = new FakeSlackApi();
let client: ReturnType<typeof createSlackClient>;
beforeAll(async () => {
  await fake.start();
  client = createSlackClient({ token: 'xoxb-test', apiUrl: fake.url, log: silentLog });
});
afterAll(() => fake.stop());

describe('FakeSlackApi users', () => {
  it('answers users.info like Slack, with the zone offset now, and user_not_found for a stranger', async () => {
    fake.addUser('U0ANA', { name: 'Ana Alves', email: 'ana@example.com', tz: 'Asia/Kolkata' });
    const { user } = await client.users.info({ user: 'U0ANA' });
    expect(user).toMatchObject({
      id: 'U0ANA',
      team_id: 'T0TEAM',
      name: 'ana',
      real_name: 'Ana Alves',
      deleted: false,
      is_bot: false,
      tz: 'Asia/Kolkata',
      tz_offset: 19_800,
      profile: { email: 'ana@example.com', display_name: 'Ana Alves', real_name: 'Ana Alves' },
    });
    expect(user?.tz_label).toMatch(/India/);
    await expect(client.users.info({ user: 'U0NOBODY' })).rejects.toMatchObject({
      data: { ok: false, error: 'user_not_found' },
    });
    expect(await new UserDirectory(client).lookup('U0ANA')).toMatchObject({ tz: 'Asia/Kolkata', name: 'Ana Alves' });
  });

  it('keeps a deleted or bot flag a test sets', async () => {
    fake.users.set('U0GONE1', { tz: 'UTC', real_name: 'Gone', deleted: true });
    expect((await client.users.info({ user: 'U0GONE1' })).user).toMatchObject({ deleted: true, tz_offset: 0 });
  });
});

describe('FakeSlackApi direct messages', () => {
  it("puts a post to a user id in that user's IM and answers with the IM's id", async () => {
    fake.imChannels = true;
    try {
      const opened = await client.conversations.open({ users: 'U0BEN' });
      expect(opened.channel?.id).toBe('DU0BEN');
      const posted = await client.chat.postMessage({ channel: 'U0BEN', text: 'Hello Ben' });
      expect(posted.channel).toBe('DU0BEN');
      await client.chat.postMessage({ channel: 'DU0BEN', text: 'Again' });
      await client.chat.update({ channel: 'U0BEN', ts: posted.ts!, text: 'Hello Ben!' });
      expect(fake.dmsTo('U0BEN').map((m) => [m.channel, m.text])).toEqual([
        ['DU0BEN', 'Hello Ben!'],
        ['DU0BEN', 'Again'],
      ]);
      // The outbox finds its own post again by reading the conversation it posted to.
      const history = await client.conversations.history({ channel: 'U0BEN' });
      expect(history.messages?.map((m) => m.text)).toEqual(['Again', 'Hello Ben!']);
    } finally {
      fake.imChannels = false;
    }
  });

  it('keeps a DM under the user id while imChannels is off (older tests read it there)', async () => {
    const posted = await client.chat.postMessage({ channel: 'U0CAT', text: 'Hi Cat' });
    expect(posted.channel).toBe('U0CAT');
    expect(fake.dmsTo('U0CAT').map((m) => m.text)).toEqual(['Hi Cat']);
  });
});

describe('FakeSlackApi messages', () => {
  it('records ephemerals, keeps metadata on update, and finds a thread', async () => {
    const eph = await client.chat.postEphemeral({
      channel: 'C0EPH',
      user: 'U0ANA',
      text: 'only you',
      blocks: [{ type: 'divider' }],
    });
    expect(eph.message_ts).toMatch(/^\d+\.\d{6}$/);
    expect(fake.ephemerals.at(-1)).toEqual({
      channel: 'C0EPH',
      user: 'U0ANA',
      text: 'only you',
      blocks: [{ type: 'divider' }],
    });
    expect(fake.messagesIn('C0EPH')).toEqual([]);

    const parent = await client.chat.postMessage({ channel: 'C0THREAD', text: 'card' });
    await client.chat.postMessage({ channel: 'C0THREAD', text: 'reply', thread_ts: parent.ts! });
    await client.chat.postMessage({ channel: 'C0THREAD', text: 'another card' });
    const metadata = { event_type: 'justin_card', event_payload: { applicationId: 'a1' } };
    await client.chat.update({ channel: 'C0THREAD', ts: parent.ts!, text: 'card v2', metadata });
    expect(fake.messagesIn('C0THREAD', { thread: parent.ts! }).map((m) => m.text)).toEqual(['card v2', 'reply']);
    expect(fake.messagesIn('C0THREAD')).toHaveLength(3);
    expect(fake.find((m) => m.text === 'card v2')?.metadata).toEqual(metadata);
  });
});

describe('FakeSlackApi views', () => {
  const modal = (title: string) => ({
    type: 'modal' as const,
    title: { type: 'plain_text' as const, text: title },
    blocks: [],
  });

  it('records modals; an update replaces one by id or external_id, and refuses a stale hash', async () => {
    const opened = await client.views.open({
      trigger_id: 'trig-1',
      view: { ...modal('Reject'), external_id: 'reject-1' },
    });
    const id = opened.view!.id!;
    expect(fake.views.find((v) => v.id === id)).toMatchObject({
      triggerId: 'trig-1',
      view: { title: { text: 'Reject' } },
    });

    const byExternal = await client.views.update({
      external_id: 'reject-1',
      view: { ...modal('Reject: sure?'), external_id: 'reject-1' },
    });
    expect(byExternal.view).toMatchObject({ id, title: { text: 'Reject: sure?' } });
    await expect(
      client.views.update({ view_id: id, hash: opened.view!.hash!, view: modal('stale') }),
    ).rejects.toMatchObject({
      data: { error: 'hash_conflict' },
    });
    await client.views.update({ view_id: id, hash: byExternal.view!.hash!, view: modal('Reject: done') });
    expect(fake.views.find((v) => v.id === id)!.view).toMatchObject({ title: { text: 'Reject: done' } });

    const pushed = await client.views.push({ trigger_id: 'trig-2', view: modal('Details') });
    expect(fake.views.map((v) => v.id)).toContain(pushed.view!.id);
    fake.closeView(id);
    expect(fake.views.find((v) => v.id === id)!.closed).toBe(true);
    await expect(client.views.update({ view_id: 'V0NONE', view: modal('x') })).rejects.toMatchObject({
      data: { error: 'not_found' },
    });
  });

  it("keeps each user's latest Home tab", async () => {
    await client.views.publish({ user_id: 'U0ANA', view: { type: 'home', blocks: [{ type: 'divider' }] } });
    await client.views.publish({ user_id: 'U0ANA', view: { type: 'home', blocks: [] } });
    expect(fake.homes.get('U0ANA')).toEqual({ type: 'home', blocks: [] });
  });
});

describe('FakeSlackApi channels', () => {
  it('names a registered channel in conversations.info, and lists only public ones', async () => {
    fake.addChannel({ id: 'C0HIRING', name: 'hiring-backend' });
    fake.addChannel({ id: 'G0PRIV', name: 'secret-search', isPrivate: true, member: false });
    const channels = new ChannelDirectory(client);
    expect(await channels.lookup('C0HIRING')).toMatchObject({
      name: 'hiring-backend',
      member: true,
      isPrivate: false,
    });
    expect(await channels.lookup('G0PRIV')).toMatchObject({ name: 'secret-search', member: false, isPrivate: true });
    await expect(channels.ensureCanPost('G0PRIV')).rejects.toMatchObject({ code: 'EXTERNAL_PERMANENT' });
    const listed = await client.conversations.list({ types: 'public_channel' });
    expect(listed.channels?.map((c) => c.name)).toContain('hiring-backend');
    expect(listed.channels?.map((c) => c.name)).not.toContain('secret-search');
  });
});
