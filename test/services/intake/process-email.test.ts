import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../src/services/intake/extract-document.js';
import { INTAKE_CHANNEL_SETTING } from '../../../src/services/intake/ask-team-for-role.js';
import { processEmail } from '../../../src/services/intake/process-email.js';
import { receiveEmail, receiveEmails } from '../../../src/services/intake/receive-email.js';
import { applicationEmail } from '../../factories/mime.js';
import { scannedPdf, textPdf } from '../../factories/pdf.js';
import { useTestBoss } from '../../setup/boss.js';
import { useTestDatabase } from '../../setup/database.js';

const db = useTestDatabase();
const q = useTestBoss(db);
const MAILBOX = 'jobs@example.com';
const deps = () => ({ prisma: db.prisma, boss: q.boss, mailbox: MAILBOX });
const gmailId = () => randomBytes(8).toString('hex');

async function role(title: string, intakeTag: string | null = null) {
  return db.prisma.role.create({
    data: { title: `${title} ${randomBytes(2).toString('hex')}`, intakeTag, slackChannelId: 'C0ROLE' },
  });
}

/** Receives raw mail as Gmail would hand it over, and processes it as the job would. */
async function deliver(raw: Buffer, gmailThreadId?: string) {
  const gmailMessageId = gmailId();
  expect(await receiveEmail(deps(), { mailbox: MAILBOX, gmailMessageId, gmailThreadId, raw })).toBe(true);
  const inbound = await db.prisma.inboundEmail.findUniqueOrThrow({ where: { gmailMessageId } });
  return { inbound, outcome: await processEmail(deps(), { inboundId: inbound.id }) };
}

describe('intake', () => {
  it('turns an application into a candidate, an application, its thread, its stored CV and a card', async () => {
    const backend = await role('Backend Engineer', `be${randomBytes(2).toString('hex')}`);
    const pdf = scannedPdf();
    const { outcome } = await deliver(
      applicationEmail({
        to: `jobs+${backend.intakeTag}@example.com`,
        attachments: [{ filename: 'Ada CV.pdf', contentType: 'application/pdf', content: pdf }],
      }),
      'thread-ada',
    );
    expect(outcome).toMatchObject({
      kind: 'new-application',
      how: 'plus-address',
      documents: { stored: 1, reused: 0 },
    });
    if (outcome.kind !== 'new-application') return;
    const app = await db.prisma.application.findUniqueOrThrow({
      where: { id: outcome.applicationId },
      include: { candidate: true, documents: true, threads: { include: { messages: true } }, events: true },
    });
    expect(app).toMatchObject({
      roleId: backend.id,
      stage: 'NEW',
      source: 'EMAIL',
      candidate: { email: 'ada.lovelace@example.org', name: 'Ada Lovelace' },
    });
    // A small CV is read in the processing job itself: the scan is kept and flagged, and the
    // card (posted after this transaction) shows the problem with a Retry button.
    expect(app.documents).toMatchObject([
      {
        filename: 'Ada CV.pdf',
        kind: 'CV',
        textStatus: 'IMAGE_ONLY',
        sizeBytes: pdf.length,
        error: expect.stringMatching(/1 page\(s\) with almost no text: an image scan/),
      },
    ]);
    expect(app.threads[0]).toMatchObject({
      gmailThreadId: 'thread-ada',
      messages: [{ direction: 'INBOUND', strippedText: 'Hello, please find my CV attached.' }],
    });
    expect(app.events.map((e) => e.type).sort()).toEqual(['application.received', 'document.unreadable']);
    expect(await db.prisma.outboxEffect.count({ where: { applicationId: app.id, kind: 'slack.card' } })).toBe(1);
    expect(
      await q.boss.findJobs('intake.extract-document', { data: { documentId: app.documents[0]!.id } }),
    ).toHaveLength(0);
    expect(await q.boss.findJobs('intake.understand', { data: { applicationId: app.id } })).toHaveLength(1);

    // Retry reading (the card's button) goes through the document job, which tells the card's thread.
    await db.prisma.application.update({
      where: { id: app.id },
      data: { slackChannelId: 'C0ROLE', slackMessageTs: '1.000100' },
    });
    await db.prisma.document.update({ where: { id: app.documents[0]!.id }, data: { textStatus: 'PENDING' } });
    expect(await extractDocument(deps(), { documentId: app.documents[0]!.id })).toBe('IMAGE_ONLY');
    const note = await db.prisma.outboxEffect.findFirstOrThrow({
      where: { applicationId: app.id, kind: 'slack.post' },
    });
    expect((note.payload as { text: string }).text).toMatch(
      /Ada CV\.pdf: 1 page\(s\) with almost no text: an image scan\. The file is kept/,
    );
  });

  it(
    'stores a message once when the mailbox holds two ' + 'copies of it (the same Message-ID under two Gmail ids)',
    async () => {
      const r = await role('SRE');
      const raw = applicationEmail({
        from: 'Ada Lovelace <ada@example.net>',
        subject: r.title,
        messageId: '<copy@mail.example.org>',
      });
      const first = await deliver(raw);
      const copy = await deliver(raw);
      expect(first.outcome).toMatchObject({ kind: 'new-application' });
      expect(copy.outcome).toMatchObject({ kind: 'existing-application' });
      const stored = await db.prisma.emailMessage.findMany({ where: { rfcMessageId: 'copy@mail.example.org' } });
      expect(stored).toHaveLength(1);
      expect(await db.prisma.candidate.count({ where: { email: 'ada@example.net' } })).toBe(1);
    },
  );

  it(
    'is one candidate per person: a second application to another role is a new application; a resent CV is stored ' +
      'once',
    async () => {
      const [a, b] = [await role('Data Engineer'), await role('Platform Engineer')];
      const cv = { filename: 'cv.pdf', contentType: 'application/pdf', content: scannedPdf(2) };
      const from = `Grace Hopper <Grace.Hopper+jobs@Example.net>`;
      const first = await deliver(applicationEmail({ from, subject: a.title, attachments: [cv] }));
      const second = await deliver(
        applicationEmail({ from: 'grace.hopper@example.net', subject: b.title, attachments: [cv] }),
      );
      const again = await deliver(applicationEmail({ from, subject: a.title, attachments: [cv] }));
      expect(first.outcome).toMatchObject({ kind: 'new-application' });
      expect(second.outcome).toMatchObject({ kind: 'new-application', documents: { stored: 0, reused: 1 } });
      expect(again.outcome).toMatchObject({ kind: 'existing-application', documents: { stored: 0, reused: 1 } });
      const candidate = await db.prisma.candidate.findUniqueOrThrow({
        where: { email: 'grace.hopper@example.net' },
        include: { applications: true, documents: true },
      });
      expect(candidate.applications).toHaveLength(2);
      expect(candidate.documents).toHaveLength(1);
      // The second role's application gets its own profile from the CV already read.
      if (second.outcome.kind !== 'new-application') throw new Error(second.outcome.kind);
      expect(
        await q.boss.findJobs('intake.understand', { data: { applicationId: second.outcome.applicationId } }),
      ).toHaveLength(1);
    },
  );

  it(
    'a new, unreadable CV sent to an application already ' + 'in Slack refreshes its card and tells its thread',
    async () => {
      const r = await role('Site Reliability Engineer');
      const from = 'Katherine Johnson <katherine@example.net>';
      const first = await deliver(applicationEmail({ from, subject: r.title }));
      if (first.outcome.kind !== 'new-application') throw new Error(first.outcome.kind);
      const applicationId = first.outcome.applicationId;
      await db.prisma.application.update({
        where: { id: applicationId },
        data: { slackChannelId: 'C0ROLE', slackMessageTs: '1.000200' },
      });

      const again = await deliver(
        applicationEmail({
          from,
          subject: r.title,
          attachments: [{ filename: 'resume-scan.pdf', contentType: 'application/pdf', content: scannedPdf(3) }],
        }),
      );
      expect(again.outcome).toMatchObject({ kind: 'existing-application', documents: { stored: 1, reused: 0 } });
      const effects = await db.prisma.outboxEffect.findMany({
        where: { applicationId },
        orderBy: { createdAt: 'asc' },
      });
      expect(effects.filter((e) => e.kind === 'slack.card')).toHaveLength(2);
      const note = effects.find((e) => e.kind === 'slack.post');
      expect(note?.payload).toMatchObject({
        channel: 'C0ROLE',
        thread_ts: '1.000200',
        text: expect.stringMatching(
          /resume-scan\.pdf: 3 page\(s\) with almost no text.*a text PDF \(this one is a scan\)/,
        ),
      });
      expect(await q.boss.findJobs('intake.understand', { data: { applicationId } })).not.toHaveLength(0);
    },
  );

  it('attaches a reply to its thread and hands it to whatever waits on the application', async () => {
    const r = await role('Security Engineer');
    const first = await deliver(
      applicationEmail({ subject: r.title, messageId: '<first@mail.example.org>', from: 'Linus <linus@example.org>' }),
      'thread-linus',
    );
    if (first.outcome.kind !== 'new-application') throw new Error(first.outcome.kind);
    const reply = await deliver(
      applicationEmail({
        from: 'Linus <linus@example.org>',
        subject: `Re: ${r.title}`,
        headers: ['In-Reply-To: <first@mail.example.org>'],
        text: 'Tuesday works.\n\nOn Mon, 9 Mar 2026 at 10:00, Justin <jobs@example.com> wrote:\n> Which day suits you?',
      }),
    );
    expect(reply.outcome).toMatchObject({
      kind: 'reply',
      applicationId: first.outcome.applicationId,
      routedTo: 'agent',
    });
    const messages = await db.prisma.emailMessage.findMany({
      where: { thread: { applicationId: first.outcome.applicationId } },
      orderBy: { sentAt: 'asc' },
    });
    expect(messages.map((m) => m.strippedText)).toContain('Tuesday works.');
    expect(await q.boss.findJobs('agent.turn', { data: { applicationId: first.outcome.applicationId } })).toHaveLength(
      1,
    );
  });

  it('never treats an auto-reply as an answer, and ignores our own mail', async () => {
    const r = await role('QA Engineer');
    const first = await deliver(applicationEmail({ subject: r.title, from: 'Ken <ken@example.org>' }), 'thread-ken');
    if (first.outcome.kind !== 'new-application') throw new Error(first.outcome.kind);
    const ooo = await deliver(
      applicationEmail({
        from: 'Ken <ken@example.org>',
        subject: 'Automatic reply: Interview',
        headers: ['Auto-Submitted: auto-replied'],
      }),
      'thread-ken',
    );
    expect(ooo.outcome).toMatchObject({ kind: 'ignored', reason: 'auto-reply: Auto-Submitted: auto-replied' });
    expect(await q.boss.findJobs('agent.turn', { data: { applicationId: first.outcome.applicationId } })).toHaveLength(
      0,
    );
    expect((await deliver(applicationEmail({ from: `Justin <${MAILBOX}>` }))).outcome).toMatchObject({
      kind: 'ignored',
      reason: 'sent by the recruiting mailbox',
    });
  });

  it('an iCloud vacation reply in the thread is kept as automatic mail, never routed as the answer', async () => {
    const r = await role('Data Engineer');
    const first = await deliver(
      applicationEmail({ subject: r.title, messageId: '<first@grace.example>', from: 'Grace <grace@example.org>' }),
    );
    if (first.outcome.kind !== 'new-application') throw new Error(first.outcome.kind);
    const away = await deliver(
      applicationEmail({
        from: 'Grace <grace@example.org>',
        subject: `Re: ${r.title}`,
        headers: ['In-Reply-To: <first@grace.example>', 'X-Apple-Action: VACATION'],
        text: 'I am away until Monday. Option 1 works.',
      }),
    );
    expect(away.outcome).toMatchObject({
      kind: 'ignored',
      reason: expect.stringMatching(/^auto-reply: X-Apple-Action/),
    });
    const stored = await db.prisma.emailMessage.findMany({
      where: { thread: { applicationId: first.outcome.applicationId } },
      select: { isAutoReply: true },
    });
    expect(stored.map((m) => m.isAutoReply).sort()).toEqual([false, true]);
    expect(await q.boss.findJobs('agent.turn', { data: { applicationId: first.outcome.applicationId } })).toEqual([]);
  });

  it('a forward whose original sender has no readable address is flagged to the team, not filed', async () => {
    const r = await role('Site Reliability Engineer');
    await db.prisma.setting.upsert({
      where: { key: INTAKE_CHANNEL_SETTING },
      update: { value: 'C0INTAKE' },
      create: { key: INTAKE_CHANNEL_SETTING, value: 'C0INTAKE' },
    });
    const forward = await deliver(
      applicationEmail({
        from: 'Rita <rita@acme.example>',
        subject: `Fwd: ${r.title}`,
        text:
          'Have a look.\n\n---------- Forwarded message ---------\nFrom: Grace Hopper <grace at navy>\n' +
          `Date: Mon, Mar 9, 2026 at 9:00 AM\nSubject: ${r.title}\nTo: <rita@acme.example>\n\nMy application.`,
      }),
    );
    expect(forward.outcome).toMatchObject({ kind: 'failed', reason: expect.stringMatching(/no readable address/) });
    expect(await db.prisma.candidate.findUnique({ where: { email: 'rita@acme.example' } })).toBeNull();
    const told = await db.prisma.outboxEffect.findFirstOrThrow({
      where: { idempotencyKey: `forward-unreadable:${forward.inbound.id}` },
    });
    expect(told.payload).toMatchObject({ channel: 'C0INTAKE' });
    expect(JSON.stringify(told.payload)).toContain('does not show the applicant’s email address');
  });

  /** A mail with a short note, a CV and another person's mail attached whole (message/rfc822). */
  const withAttachedMail = ({ from, to, cv }: { from: string; to: string; cv: Buffer }) =>
    Buffer.from(
      [
        `From: ${from}`,
        `To: ${to}`,
        'Subject: Application',
        `Message-ID: <${randomBytes(6).toString('hex')}@mail.example.org>`,
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="b1"',
        '',
        '--b1',
        'Content-Type: text/plain; charset=utf-8',
        '',
        "Hello, my CV is attached, with my referee's email in support.",
        '--b1',
        'Content-Type: application/pdf; name="cv.pdf"',
        'Content-Disposition: attachment; filename="cv.pdf"',
        'Content-Transfer-Encoding: base64',
        '',
        cv.toString('base64').replace(/.{76}/g, '$&\r\n'),
        '--b1',
        'Content-Type: message/rfc822',
        'Content-Disposition: attachment; filename="reference.eml"',
        '',
        'From: Prof. Charles Babbage <babbage@university.example>',
        `To: ${from}`,
        'Subject: Reference',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'I am glad to recommend Ada for any engineering role.',
        '--b1--',
        '',
      ].join('\r\n'),
    );

  it("an applicant's short note with a referee's mail attached is filed under the applicant, CV read", async () => {
    const backend = await role('Backend Engineer', `be${randomBytes(2).toString('hex')}`);
    await db.prisma.user.create({
      data: {
        slackTeamId: 'T0',
        slackUserId: `U${randomBytes(4).toString('hex')}`,
        name: 'Rita',
        email: 'rita@acme.example',
      },
    });
    const cv = textPdf(['Ada Lovelace', 'Analytical engines, 1843 to date']);
    const { outcome } = await deliver(
      withAttachedMail({
        from: 'Ada Lovelace <ada.lovelace@example.org>',
        to: `jobs+${backend.intakeTag}@example.com`,
        cv,
      }),
    );
    expect(outcome).toMatchObject({ kind: 'new-application', documents: { stored: 1 } });
    if (outcome.kind !== 'new-application') return;
    const app = await db.prisma.application.findUniqueOrThrow({
      where: { id: outcome.applicationId },
      include: { candidate: true, documents: true },
    });
    expect(app.candidate).toMatchObject({ email: 'ada.lovelace@example.org', name: 'Ada Lovelace' });
    expect(app.documents).toMatchObject([{ filename: 'cv.pdf', kind: 'CV', textStatus: 'EXTRACTED' }]);
    expect(app.documents[0]!.extractedText).toMatch(/Analytical engines/);
    expect(await db.prisma.candidate.findUnique({ where: { email: 'babbage@university.example' } })).toBeNull();

    // The same shape from one of the team is a forward: the attached mail's sender is the applicant.
    const forwarded = await deliver(
      withAttachedMail({ from: 'Rita <rita@acme.example>', to: `jobs+${backend.intakeTag}@example.com`, cv }),
    );
    expect(forwarded.outcome).toMatchObject({ kind: 'new-application' });
    if (forwarded.outcome.kind !== 'new-application') return;
    const filed = await db.prisma.candidate.findUniqueOrThrow({ where: { id: forwarded.outcome.candidateId } });
    expect(filed.email).toBe('babbage@university.example');
  });

  it('a message is processed once, however often Gmail tells us about it or workers pick it up', async () => {
    const sre = await role('Site Reliability Engineer');
    const gmailMessageId = gmailId();
    const raw = applicationEmail({ subject: sre.title, from: 'Barbara <barbara@example.org>' });
    const received = await Promise.all(
      [1, 2, 3].map(() => receiveEmail(deps(), { mailbox: MAILBOX, gmailMessageId, raw })),
    );
    expect(received.filter(Boolean)).toHaveLength(1);
    const inbound = await db.prisma.inboundEmail.findUniqueOrThrow({ where: { gmailMessageId } });
    const outcomes = await Promise.all([1, 2, 3].map(() => processEmail(deps(), { inboundId: inbound.id })));
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['already-processed', 'already-processed', 'new-application']);
    expect(await db.prisma.application.count({ where: { candidate: { email: 'barbara@example.org' } } })).toBe(1);
  });

  it("stores a sync's batch in one go: known and repeated ids are skipped, each new message queued once", async () => {
    const known = gmailId();
    await receiveEmail(deps(), { mailbox: MAILBOX, gmailMessageId: known, raw: applicationEmail({}) });
    const [a, b] = [gmailId(), gmailId()];
    const raw = applicationEmail({ from: 'Frances <frances@example.org>' });
    const stored = await receiveEmails(deps(), MAILBOX, [
      { gmailMessageId: known, raw },
      { gmailMessageId: a, gmailThreadId: 'thread-a', raw },
      { gmailMessageId: b, raw },
      { gmailMessageId: a, raw },
    ]);
    expect(stored.sort()).toEqual([a, b].sort());
    const rows = await db.prisma.inboundEmail.findMany({ where: { gmailMessageId: { in: [a, b] } } });
    expect(rows.map((r) => [r.gmailMessageId, r.gmailThreadId]).sort()).toEqual(
      [
        [a, 'thread-a'],
        [b, null],
      ].sort(),
    );
    for (const row of rows)
      expect(await q.boss.findJobs('intake.process', { data: { inboundId: row.id } })).toHaveLength(1);
    expect(await receiveEmails(deps(), MAILBOX, [])).toEqual([]);
  });

  it('asks the team which role when the mail does not say, and files it when someone chooses', async () => {
    await role('Analyst');
    await role('Designer');
    await db.prisma.setting.upsert({
      where: { key: INTAKE_CHANNEL_SETTING },
      update: { value: 'C0INTAKE' },
      create: { key: INTAKE_CHANNEL_SETTING, value: 'C0INTAKE' },
    });
    const { inbound, outcome } = await deliver(
      applicationEmail({ subject: 'Hello there', from: 'Mary <mary@example.org>' }),
    );
    expect(outcome).toMatchObject({ kind: 'needs-role', reason: 'no-match' });
    const ask = await db.prisma.outboxEffect.findFirstOrThrow({
      where: { idempotencyKey: `choose-role:${inbound.id}` },
    });
    expect(ask.payload).toMatchObject({ channel: 'C0INTAKE' });
    const designer = await db.prisma.role.findFirstOrThrow({ where: { title: { startsWith: 'Designer' } } });
    expect(
      await processEmail(deps(), { inboundId: inbound.id, roleId: designer.id, actorId: 'U0ADMIN' }),
    ).toMatchObject({ kind: 'new-application', how: 'chosen by the team' });
    expect(
      await processEmail(deps(), { inboundId: inbound.id, roleId: designer.id, actorId: 'U0OTHER' }),
    ).toMatchObject({ kind: 'already-processed' });
  });
});
