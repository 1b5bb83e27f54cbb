import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGmailApi, type GmailApi } from '../../src/gmail/gmail-api.js';
import { googleStatus } from '../../src/google/map-google-error.js';
import { composeMessage } from '../../src/mail/compose-message.js';
import { MAILBOX, testGoogleAuth } from '../setup/google-auth.js';
import { FakeGoogle } from './google-api.js';

// The Gmail part of the Google fake, through googleapis as the service calls it.

const fake = new FakeGoogle();
let gmail: GmailApi;
beforeAll(async () => {
  await fake.start();
  gmail = createGmailApi(testGoogleAuth().as(MAILBOX), fake.url);
});
afterAll(() => fake.stop());

let seq = 0;
function inbound({
  from = 'ada@example.org',
  subject = 'Hello',
  inReplyTo,
}: {
  from?: string;
  subject?: string;
  inReplyTo?: string;
} = {}) {
  const id = `in-${++seq}@mail.example.org`;
  const thread = inReplyTo ? [`In-Reply-To: <${inReplyTo}>`, `References: <${inReplyTo}>`] : [];
  const raw = [
    `From: ${from}`,
    `To: ${MAILBOX}`,
    `Subject: ${subject}`,
    `Message-ID: <${id}>`,
    ...thread,
    '',
    'Body',
    '',
  ].join('\r\n');
  return { id, raw };
}

async function send(messageId: string, extra: { threadId?: string } = {}) {
  const raw = await composeMessage({
    from: MAILBOX,
    to: 'ada@example.org',
    subject: 'Times',
    text: 'Which suits you?',
    messageId,
  });
  const requestBody = { message: { raw: raw.toString('base64url'), ...extra } };
  const draft = (await gmail.users.drafts.create({ userId: 'me', requestBody })).data;
  return (await gmail.users.drafts.send({ userId: 'me', requestBody: { id: draft.id! } })).data;
}

const profileHistory = async () => Number((await gmail.users.getProfile({ userId: 'me' })).data.historyId);

describe('FakeGoogle Gmail', () => {
  it('threads a reply into the thread of the mail it answers; history shows only the inbox', async () => {
    const before = await profileHistory();
    const offer = await send('offer-1@justin.example.com');
    expect(offer.labelIds).toEqual(['SENT']);
    const reply = inbound({ inReplyTo: 'offer-1@justin.example.com' });
    const landed = await fake.deliver(reply.raw);
    expect(landed.threadId).toBe(offer.threadId);
    expect(fake.threadOf(reply.id)).toBe(offer.threadId);
    expect(fake.thread(offer.threadId!).map((m) => m.labelIds[0])).toEqual(['SENT', 'INBOX']);
    const stranger = await fake.deliver(inbound({ subject: 'New application' }).raw);
    expect(stranger.threadId).not.toBe(offer.threadId);

    const page = (
      await gmail.users.history.list({
        userId: 'me',
        startHistoryId: String(before),
        labelId: 'INBOX',
        historyTypes: ['messageAdded'],
      })
    ).data;
    const added = page.history!.flatMap((h) => h.messagesAdded!.map((a) => a.message!.id));
    expect(added).toEqual([landed.id, stranger.id]);
    expect(page.historyId).toBe(stranger.historyId);
    expect(await profileHistory()).toBe(Number(stranger.historyId));
    const since = (await gmail.users.history.list({ userId: 'me', startHistoryId: landed.historyId, labelId: 'INBOX' }))
      .data;
    expect(since.history!.map((h) => h.messagesAdded![0]!.message!.id)).toEqual([stranger.id]);
  });

  it('answers the raw message by id, 404 for an unknown id, and finds inbox mail by Message-ID', async () => {
    const mail = inbound();
    const { id, threadId } = await fake.deliver(mail.raw);
    const got = (await gmail.users.messages.get({ userId: 'me', id, format: 'raw' })).data;
    expect(got).toMatchObject({ id, threadId, labelIds: ['INBOX', 'UNREAD'] });
    expect(Buffer.from(got.raw!, 'base64url').toString()).toBe(mail.raw);
    expect(Number(got.internalDate)).toBeGreaterThan(0);
    const missing = await gmail.users.messages
      .get({ userId: 'me', id: 'nope', format: 'raw' })
      .catch((err: unknown) => err);
    expect(googleStatus(missing)).toBe(404);
    const found = (await gmail.users.messages.list({ userId: 'me', q: `rfc822msgid:${mail.id}`, maxResults: 1 })).data;
    expect(found.messages).toEqual([{ id, threadId }]);
  });

  it('lists the inbox newest first, a page at a time, and refuses history it has forgotten with 404', async () => {
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await fake.deliver(inbound().raw)).id);
    const first = (await gmail.users.messages.list({ userId: 'me', q: 'in:inbox newer_than:3d', maxResults: 2 })).data;
    expect(first.messages!.map((m) => m.id)).toEqual([ids[2], ids[1]]);
    const second = (
      await gmail.users.messages.list({ userId: 'me', q: 'in:inbox', maxResults: 2, pageToken: first.nextPageToken! })
    ).data;
    expect(second.messages![0]!.id).toBe(ids[0]);
    expect(second.messages!.map((m) => m.id)).not.toContain(fake.sent[0]!.id);

    const old = String(fake.historyId - 2);
    fake.forgetHistoryBefore(fake.historyId);
    const gone = await gmail.users.history
      .list({ userId: 'me', startHistoryId: old, labelId: 'INBOX' })
      .catch((err: unknown) => err);
    expect(googleStatus(gone)).toBe(404);
  });

  it('keeps a draft in the thread it names, and records cc, html, references and date of what it sends', async () => {
    const { threadId } = await fake.deliver(inbound().raw);
    const raw = await new MailComposer({
      from: MAILBOX,
      to: 'ada@example.org',
      cc: ['bea@example.com', 'Cy <cy@example.com>'],
      subject: 'Re: Hello',
      text: 'plain',
      html: '<p>rich</p>',
      messageId: '<answer-1@justin.example.com>',
      references: ['<in-1@mail.example.org>'],
      date: new Date('2026-03-02T10:00:00Z'),
    })
      .compile()
      .build();
    const draft = (
      await gmail.users.drafts.create({
        userId: 'me',
        requestBody: { message: { raw: raw.toString('base64url'), threadId } },
      })
    ).data;
    expect(draft.message?.threadId).toBe(threadId);
    const sent = (await gmail.users.drafts.send({ userId: 'me', requestBody: { id: draft.id! } })).data;
    expect(sent.threadId).toBe(threadId);
    expect(fake.sent.at(-1)).toMatchObject({
      cc: ['bea@example.com', 'cy@example.com'],
      html: '<p>rich</p>',
      references: ['in-1@mail.example.org'],
      date: new Date('2026-03-02T10:00:00Z'),
      messageId: 'answer-1@justin.example.com',
    });
    expect(fake.threadOf(sent.id!)).toBe(threadId);
  });

  it('starts a watch for a week from now and records it', async () => {
    const answer = (
      await gmail.users.watch({
        userId: 'me',
        requestBody: { topicName: 'projects/p/topics/gmail', labelIds: ['INBOX'] },
      })
    ).data;
    expect(answer.historyId).toBe(String(fake.historyId));
    expect(Number(answer.expiration) - Date.now()).toBeGreaterThan(7 * 86_400_000 - 60_000);
    expect(fake.watches.at(-1)).toMatchObject({ topicName: 'projects/p/topics/gmail', labelIds: ['INBOX'] });
  });
});
