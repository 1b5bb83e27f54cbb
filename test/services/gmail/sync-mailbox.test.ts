import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { createGmailApi } from '../../../src/gmail/gmail-api.js';
import { renewWatch, shouldPoll } from '../../../src/services/gmail/renew-watch.js';
import { syncMailbox } from '../../../src/services/gmail/sync-mailbox.js';
import { INTAKE_CHANNEL_SETTING } from '../../../src/services/intake/ask-team-for-role.js';
import { applicationEmail } from '../../factories/mime.js';
import { useTestBoss } from '../../setup/boss.js';
import { useTestDatabase } from '../../setup/database.js';
import { testGoogleAuth } from '../../setup/fake-calendar.js';
import { GOOGLE, useNock } from '../../setup/google.js';

const db = useTestDatabase();
const q = useTestBoss(db);
useNock();

const ME = '/gmail/v1/users/me';
let box = 0;
/** Each test its own mailbox, so sync states do not mix. */
function deps() {
  const mailbox = `jobs${++box}@example.com`;
  return {
    prisma: db.prisma,
    boss: q.boss,
    gmail: createGmailApi(testGoogleAuth().as(mailbox), `${GOOGLE}/`),
    mailbox,
    now: () => new Date('2026-03-09T12:00:00Z'),
  };
}
const raw = (subject: string) => ({
  id: subject,
  threadId: `t-${subject}`,
  raw: applicationEmail({ subject }).toString('base64url'),
});

describe('syncMailbox', () => {
  it(
    'first sync: reads the historyId first, ' + 'lists recent inbox mail, stores each message once and queues it',
    async () => {
      const d = deps();
      nock(GOOGLE).get(`${ME}/profile`).reply(200, { emailAddress: d.mailbox, historyId: '1000' });
      nock(GOOGLE)
        .get(`${ME}/messages`)
        .query({ q: 'in:inbox newer_than:3d', maxResults: '100' })
        .reply(200, {
          messages: [
            { id: 'm1', threadId: 't1' },
            { id: 'm2', threadId: 't2' },
          ],
        });
      nock(GOOGLE).get(`${ME}/messages/m1`).query({ format: 'raw' }).reply(200, raw('m1'));
      nock(GOOGLE).get(`${ME}/messages/m2`).query({ format: 'raw' }).reply(200, raw('m2'));

      expect(await syncMailbox(d)).toEqual({ listed: 2, stored: 2, fullResync: true, historyId: '1000' });
      expect(
        (await db.prisma.inboundEmail.findMany({ where: { mailbox: d.mailbox } })).map((m) => m.gmailMessageId).sort(),
      ).toEqual(['m1', 'm2']);
      expect(await q.boss.findJobs('intake.process')).toHaveLength(2);

      // Next time: only what history says was added, and nothing fetched twice.
      nock(GOOGLE)
        .get(`${ME}/history`)
        .query((query) => query.startHistoryId === '1000' && query.labelId === 'INBOX')
        .reply(200, {
          historyId: '1010',
          history: [
            { messagesAdded: [{ message: { id: 'm2', threadId: 't2' } }, { message: { id: 'm3', threadId: 't3' } }] },
          ],
        });
      nock(GOOGLE).get(`${ME}/messages/m3`).query({ format: 'raw' }).reply(200, raw('m3'));
      expect(await syncMailbox(d)).toEqual({ listed: 2, stored: 1, fullResync: false, historyId: '1010' });
    },
  );

  it('when Google says the historyId is too old (404), resyncs in full from where it can', async () => {
    const d = deps();
    await db.prisma.gmailSyncState.create({
      data: { mailbox: d.mailbox, historyId: '5', lastSyncAt: new Date('2026-03-07T12:00:00Z') },
    });
    nock(GOOGLE)
      .get(`${ME}/history`)
      .query(true)
      .reply(404, { error: { code: 404, message: 'Requested entity was not found.' } });
    nock(GOOGLE).get(`${ME}/profile`).reply(200, { historyId: '9000' });
    nock(GOOGLE)
      .get(`${ME}/messages`)
      .query({ q: 'in:inbox newer_than:3d', maxResults: '100' })
      .reply(200, { messages: [] });
    expect(await syncMailbox(d)).toMatchObject({ fullResync: true, historyId: '9000', stored: 0 });
    expect((await db.prisma.gmailSyncState.findUniqueOrThrow({ where: { mailbox: d.mailbox } })).historyId).toBe(
      '9000',
    );
  });

  it('keeps its place and the error when Gmail fails otherwise (the job retries)', async () => {
    const d = deps();
    await db.prisma.gmailSyncState.create({ data: { mailbox: d.mailbox, historyId: '77' } });
    nock(GOOGLE)
      .get(`${ME}/history`)
      .query(true)
      .reply(503, { error: { code: 503 } });
    await expect(syncMailbox(d)).rejects.toMatchObject({ code: 'EXTERNAL_RETRYABLE' });
    expect(await db.prisma.gmailSyncState.findUniqueOrThrow({ where: { mailbox: d.mailbox } })).toMatchObject({
      historyId: '77',
      lastError: expect.stringContaining('503'),
    });
  });
});

describe('the push watch', () => {
  it('renews and records when it lapses', async () => {
    const d = deps();
    nock(GOOGLE)
      .post(`${ME}/watch`, {
        topicName: 'projects/p/topics/gmail',
        labelIds: ['INBOX'],
        labelFilterBehavior: 'include',
      })
      .reply(200, { historyId: '42', expiration: String(Date.parse('2026-03-16T12:00:00Z')) });
    expect(await renewWatch({ ...d, topic: 'projects/p/topics/gmail' })).toEqual(new Date('2026-03-16T12:00:00Z'));
    expect(await db.prisma.gmailSyncState.findUniqueOrThrow({ where: { mailbox: d.mailbox } })).toMatchObject({
      historyId: '42',
      lastError: null,
    });
  });

  it('a failed renewal is on the status record and posted once a day to the intake channel', async () => {
    const d = deps();
    await db.prisma.setting.upsert({
      where: { key: INTAKE_CHANNEL_SETTING },
      update: { value: 'C0INTAKE' },
      create: { key: INTAKE_CHANNEL_SETTING, value: 'C0INTAKE' },
    });
    nock(GOOGLE)
      .post(`${ME}/watch`)
      .times(2)
      .reply(403, {
        error: { code: 403, errors: [{ reason: 'forbidden' }], message: 'User not authorized to perform this action.' },
      });
    await expect(renewWatch({ ...d, topic: 'projects/p/topics/gmail' })).rejects.toThrow();
    await expect(renewWatch({ ...d, topic: 'projects/p/topics/gmail' })).rejects.toThrow();
    expect((await db.prisma.gmailSyncState.findUniqueOrThrow({ where: { mailbox: d.mailbox } })).lastError).toMatch(
      /^Gmail watch renewal failed/,
    );
    expect(
      await db.prisma.outboxEffect.count({
        where: { idempotencyKey: { startsWith: `gmail-watch-failed:${d.mailbox}` } },
      }),
    ).toBe(1);
  });

  it('polling takes over when push is off, silent or lapsed, at most once a minute', () => {
    const now = new Date('2026-03-09T12:00:00Z');
    const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
    const future = new Date(now.getTime() + 86_400_000);
    expect(shouldPoll(null, { now, pushConfigured: true })).toBe(true);
    expect(
      shouldPoll({ lastPushAt: null, lastSyncAt: ago(5), watchExpiresAt: null }, { now, pushConfigured: false }),
    ).toBe(true);
    expect(
      shouldPoll({ lastPushAt: ago(1), lastSyncAt: ago(5), watchExpiresAt: future }, { now, pushConfigured: true }),
    ).toBe(false);
    expect(
      shouldPoll({ lastPushAt: ago(30), lastSyncAt: ago(5), watchExpiresAt: future }, { now, pushConfigured: true }),
    ).toBe(true);
    expect(
      shouldPoll({ lastPushAt: ago(1), lastSyncAt: ago(5), watchExpiresAt: ago(1) }, { now, pushConfigured: true }),
    ).toBe(true);
    expect(
      shouldPoll(
        { lastPushAt: null, lastSyncAt: new Date(now.getTime() - 10_000), watchExpiresAt: null },
        { now, pushConfigured: false },
      ),
    ).toBe(false);
  });
});
