import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { deliverEffect, type DeliverDeps } from '../../src/outbox/deliver-effect.js';
import { createPerformers } from '../../src/outbox/performers/index.js';
import { parseMessage } from '../../src/mail/parse-message.js';
import { closeApplication } from '../../src/services/pipeline/close-application.js';
import { saveWorkspaceSettings } from '../../src/services/settings/workspace-settings.js';
import { sendCandidateEmail } from '../../src/services/email/send-candidate-email.js';
import { AppError } from '../../src/errors.js';
import { BreakerRegistry } from '../../src/resilience/circuit-breaker.js';
import { createApplication } from '../factories/index.js';
import { silentLog, useTestBoss } from '../setup/boss.js';
import { useTestDatabase } from '../setup/database.js';
import { MAILBOX, testGoogleAuth } from '../setup/fake-calendar.js';
import { GOOGLE, useNock } from '../setup/google.js';

const db = useTestDatabase();
const q = useTestBoss(db);
useNock();

const ME = '/gmail/v1/users/me';
const deps = (): DeliverDeps => ({
  prisma: db.prisma,
  boss: q.boss,
  breakers: new BreakerRegistry(),
  log: silentLog,
  performers: createPerformers({
    slack: undefined,
    prisma: db.prisma,
    google: { auth: testGoogleAuth(), rootUrl: `${GOOGLE}/`, mailbox: MAILBOX },
  }),
});

/** An application whose candidate wrote to us first (so our email is a reply in their thread). */
async function threadWithCandidate() {
  const app = await createApplication(db.prisma);
  const candidate = await db.prisma.candidate.findFirstOrThrow({ where: { applications: { some: { id: app.id } } } });
  const thread = await db.prisma.emailThread.create({
    data: {
      applicationId: app.id,
      candidateId: candidate.id,
      gmailThreadId: `gt-${app.id.slice(0, 8)}`,
      subject: 'Application: Engineer',
    },
  });
  await db.prisma.emailMessage.create({
    data: {
      threadId: thread.id,
      rfcMessageId: `first-${app.id}@mail.example.org`,
      references: [],
      direction: 'INBOUND',
      fromAddress: candidate.email,
      toAddresses: [MAILBOX],
      ccAddresses: [],
      subject: 'Application: Engineer',
      sentAt: new Date('2026-03-01T10:00:00Z'),
    },
  });
  return { app, candidate, thread };
}

async function queueEmail(applicationId: string, key: string) {
  return (await db.prisma.$transaction((tx) =>
    sendCandidateEmail({ tx, boss: q.boss, mailbox: MAILBOX }, { applicationId, text: 'Thank you for applying.', key }),
  ))!;
}

describe('gmail.send', () => {
  it(
    'drafts in the candidate’s thread with the thread headers and loop markers, ' + 'then sends the draft once',
    async () => {
      const { app, candidate, thread } = await threadWithCandidate();
      const effectId = await queueEmail(app.id, `t1:${app.id}`);
      let raw = Buffer.alloc(0);
      let threadId: string | undefined;
      nock(GOOGLE)
        .post(`${ME}/drafts`)
        .reply(200, async (request: Request) => {
          const body = (await request.json()) as { message: { raw: string; threadId?: string } };
          raw = Buffer.from(body.message.raw, 'base64url');
          threadId = body.message.threadId;
          return { id: 'draft-1', message: { id: 'msg-1', threadId } };
        });
      nock(GOOGLE)
        .post(`${ME}/drafts/send`, { id: 'draft-1' })
        .reply(200, { id: 'msg-1', threadId: thread.gmailThreadId });

      expect(await deliverEffect(deps(), effectId)).toBe('done');
      const sent = await parseMessage(raw);
      expect(sent).toMatchObject({
        to: [{ address: candidate.displayEmail }],
        subject: 'Re: Application: Engineer',
        inReplyTo: `first-${app.id}@mail.example.org`,
        references: [`first-${app.id}@mail.example.org`],
      });
      expect(sent.headers.get('auto-submitted')).toBe('auto-generated');
      expect(threadId).toBe(thread.gmailThreadId);
      const outbound = await db.prisma.emailMessage.findFirstOrThrow({
        where: { threadId: thread.id, direction: 'OUTBOUND' },
      });
      expect(outbound).toMatchObject({
        gmailMessageId: 'msg-1',
        rfcMessageId: sent.messageId,
        textBody: 'Thank you for applying.',
      });
    },
  );

  it('a retry after the send failed mid-way sends the same draft: no second draft, no second email', async () => {
    const { app } = await threadWithCandidate();
    const effectId = await queueEmail(app.id, `t2:${app.id}`);
    nock(GOOGLE)
      .post(`${ME}/drafts`)
      .once()
      .reply(200, { id: 'draft-2', message: { id: 'm' } });
    nock(GOOGLE).post(`${ME}/drafts/send`).replyWithError('socket hang up');
    expect(await deliverEffect(deps(), effectId)).toBe('retry');
    await db.prisma.outboxEffect.update({ where: { id: effectId }, data: { nextAttemptAt: new Date() } });
    nock(GOOGLE).post(`${ME}/drafts/send`, { id: 'draft-2' }).reply(200, { id: 'msg-2' });
    expect(await deliverEffect(deps(), effectId)).toBe('done');
  });

  it(
    'when the draft was already sent (404 on send), ' + 'finds the sent message by our Message-ID and adopts it',
    async () => {
      const { app } = await threadWithCandidate();
      const effectId = await queueEmail(app.id, `t3:${app.id}`);
      await db.prisma.outboxEffect.update({
        where: { id: effectId },
        data: { result: { draftId: 'draft-3' }, attempts: 1, lastAttemptAt: new Date() },
      });
      const messageId = (
        (await db.prisma.outboxEffect.findUniqueOrThrow({ where: { id: effectId } })).payload as { messageId: string }
      ).messageId;
      nock(GOOGLE)
        .post(`${ME}/drafts/send`)
        .reply(404, { error: { code: 404, message: 'Requested entity was not found.' } });
      nock(GOOGLE)
        .get(`${ME}/messages`)
        .query((query) => query.q === `rfc822msgid:${messageId}`)
        .reply(200, { messages: [{ id: 'msg-3', threadId: 't' }] });
      expect(await deliverEffect(deps(), effectId)).toBe('done');
      expect((await db.prisma.outboxEffect.findUniqueOrThrow({ where: { id: effectId } })).externalId).toBe('msg-3');
    },
  );

  it('after a crash before the draft id was recorded, looks in Sent and Drafts before drafting again', async () => {
    const { app } = await threadWithCandidate();
    const effectId = await queueEmail(app.id, `t4:${app.id}`);
    await db.prisma.outboxEffect.update({ where: { id: effectId }, data: { attempts: 1, lastAttemptAt: new Date() } });
    nock(GOOGLE).get(`${ME}/messages`).query(true).reply(200, {});
    nock(GOOGLE)
      .get(`${ME}/drafts`)
      .query(true)
      .reply(200, { drafts: [{ id: 'draft-4', message: { id: 'm4' } }] });
    nock(GOOGLE).post(`${ME}/drafts/send`, { id: 'draft-4' }).reply(200, { id: 'msg-4' });
    expect(await deliverEffect(deps(), effectId)).toBe('done');
  });

  it('gives up for a person to check when the draft is gone and nothing was sent (never sends blind)', async () => {
    const { app } = await threadWithCandidate();
    const effectId = await queueEmail(app.id, `t5:${app.id}`);
    await db.prisma.outboxEffect.update({
      where: { id: effectId },
      data: { result: { draftId: 'draft-5' }, attempts: 1, lastAttemptAt: new Date() },
    });
    nock(GOOGLE)
      .post(`${ME}/drafts/send`)
      .reply(404, { error: { code: 404 } });
    nock(GOOGLE).get(`${ME}/messages`).query(true).reply(200, {});
    expect(await deliverEffect(deps(), effectId)).toBe('dead');
    expect((await db.prisma.outboxEffect.findUniqueOrThrow({ where: { id: effectId } })).lastError).toMatch(
      /check the Sent folder/,
    );
  });
});

describe('rejecting with an email', () => {
  const reject = (mailbox: string | undefined, applicationId: string, reason: string) =>
    closeApplication(
      { prisma: db.prisma, boss: q.boss, mailbox },
      { applicationId, decision: 'reject', reason, actor: { type: 'USER', id: 'U0ADMIN' }, template: 'standard' },
    );

  it('without a signature set, refuses to invent one and changes nothing', async () => {
    const app = await createApplication(db.prisma);
    const err = await reject(MAILBOX, app.id, 'no').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'INVALID_INPUT', userMessage: expect.stringContaining('/hire settings') });
    expect((await db.prisma.application.findUniqueOrThrow({ where: { id: app.id } })).stage).toBe('NEW');
  });

  it(
    'queues the template to the candidate in the same transaction, signed as the team set it, without the team’s ' +
      'reason',
    async () => {
      await saveWorkspaceSettings(db.prisma, { settings: { signature: 'The Acme hiring team' }, by: 'U0ADMIN' });
      const { app } = await threadWithCandidate();
      await db.prisma.application.update({ where: { id: app.id }, data: { stage: 'SCREENING' } });
      await reject(MAILBOX, app.id, 'weak on SQL (internal)');
      const email = await db.prisma.outboxEffect.findFirstOrThrow({
        where: { applicationId: app.id, kind: 'gmail.send' },
      });
      const payload = email.payload as { text: string; to: string };
      expect(payload.text).toMatch(/^Hi Ada,\n\nThank you for your interest in the Engineer/);
      expect(payload.text).toMatch(/Kind regards,\nThe Acme hiring team$/);
      expect(payload.text).not.toContain('SQL');
    },
  );

  it('without Gmail, refuses to pretend it emailed', async () => {
    const app = await createApplication(db.prisma);
    const err = await reject(undefined, app.id, 'no').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((await db.prisma.application.findUniqueOrThrow({ where: { id: app.id } })).stage).toBe('NEW');
  });
});
