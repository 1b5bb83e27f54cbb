import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractText, sniffKind } from '../../../src/documents/extract-text.js';
import { describeMessage, documentAttachments } from '../../../src/domain/intake/describe-message.js';
import { forwardedOriginal } from '../../../src/domain/intake/forwarded.js';
import { normaliseEmail, plusTag } from '../../../src/domain/intake/normalise-email.js';
import { resolveRole } from '../../../src/domain/intake/resolve-role.js';
import { wholeAddress } from '../../../src/domain/intake/whole-address.js';
import { parseMessage } from '../../../src/mail/parse-message.js';
import { appleMailForward, applicationEmail } from '../../factories/mime.js';
import { scannedPdf } from '../../factories/pdf.js';
import { CORPUS, HAS_CORPUS } from '../../setup/corpus.js';

describe('normaliseEmail', () => {
  it.each([
    ['Ada.Lovelace@Example.org', 'ada.lovelace@example.org'],
    ['ada+jobs@example.org', 'ada@example.org'],
    ['A.Da.Love@GoogleMail.com', 'adalove@gmail.com'],
    [' ada@example.org ', 'ada@example.org'],
  ])('%s → %s', (input, normal) => expect(normaliseEmail(input)).toBe(normal));

  it('reads the +tag of the recruiting mailbox only', () => {
    expect(plusTag('Jobs+Backend@example.com', 'jobs@example.com')).toBe('backend');
    expect(plusTag('jobs+backend@other.com', 'jobs@example.com')).toBeUndefined();
    expect(plusTag('jobs@example.com', 'jobs@example.com')).toBeUndefined();
  });
});

describe('resolveRole', () => {
  const roles = [
    { id: 'be', title: 'Backend Engineer', intakeTag: 'backend' },
    { id: 'sbe', title: 'Senior Backend Engineer', intakeTag: null },
    { id: 'pm', title: 'Product Manager', intakeTag: 'pm' },
  ];
  const ask = (over: Partial<Parameters<typeof resolveRole>[0]>) =>
    resolveRole({
      recipients: ['jobs@example.com'],
      subject: '',
      body: '',
      mailbox: 'jobs@example.com',
      roles,
      ...over,
    });
  it.each([
    [
      'the +tag it was sent to',
      { recipients: ['jobs+pm@example.com'], subject: 'Backend Engineer' },
      { roleId: 'pm', how: 'plus-address' },
    ],
    ['a title in the subject', { subject: 'Application: Product Manager' }, { roleId: 'pm', how: 'subject' }],
    [
      'the longest title that matches',
      { subject: 'Re: Senior Backend Engineer role' },
      { roleId: 'sbe', how: 'subject' },
    ],
    ['a title in the body', { body: 'I would love to join as your product manager.' }, { roleId: 'pm', how: 'body' }],
    [
      'two different titles',
      { subject: 'Backend Engineer or Product Manager' },
      { roleId: undefined, why: 'ambiguous' },
    ],
    ['nothing named among several roles', { subject: 'Hello' }, { roleId: undefined, why: 'no-match' }],
  ])('by %s', (_label, over, expected) => expect(ask(over)).toMatchObject(expected));
  it('the only open role, when nothing is named', () =>
    expect(
      resolveRole({ recipients: [], subject: 'Hi', body: '', mailbox: 'jobs@example.com', roles: [roles[0]!] }),
    ).toEqual({ roleId: 'be', how: 'only-open-role' }));
});

describe('forwarded applications', () => {
  const forward = async (text: string, subject = 'Fwd: Backend Engineer') =>
    forwardedOriginal(await parseMessage(applicationEmail({ from: 'Rita <rita@acme.example>', subject, text })));
  const gmail = (from: string) =>
    'FYI, strong profile.\n\n---------- Forwarded message ---------\n' +
    `From: ${from}\nDate: Mon, Mar 9, 2026 at 9:00 AM\nSubject: Backend Engineer\nTo: <recruiter@example.com>\n\n` +
    'Hi, I am applying for the backend role.';

  it('finds the original sender of a Gmail forward', async () => {
    expect(await forward(gmail('Grace Hopper <grace@navy.example>'))).toMatchObject({
      from: { address: 'grace@navy.example', name: 'Grace Hopper' },
      subject: 'Backend Engineer',
      body: 'Hi, I am applying for the backend role.',
      how: 'inline-text',
    });
  });

  it('keeps a bare address whole (it once became name "s", address "omeone@example.com")', async () => {
    expect((await forward(gmail('someone@example.com')))?.from).toEqual({ address: 'someone@example.com', name: '' });
  });

  it('reads the address mailparser writes for a link in an HTML-only forward', async () => {
    expect((await forward(gmail('Grace Hopper <grace@navy.example [grace@navy.example]>')))?.from).toEqual({
      address: 'grace@navy.example',
      name: 'Grace Hopper',
    });
  });

  it('takes no address from a From line that has none, and still knows it is a forward', async () => {
    const original = await forward(gmail('Grace Hopper <grace at navy>'));
    expect(original).toBeDefined();
    expect(original?.from).toBeUndefined();
  });

  it("reads Apple Mail's quoted form", async () => {
    const email = await parseMessage(appleMailForward({ pdf: Buffer.from('%PDF-1.4\n') }));
    expect(forwardedOriginal(email)?.from).toEqual({ address: 'grace@navy.example', name: 'Grace Hopper' });
  });

  const withAttachedMessage = (subject: string, text: string, from = 'Rita <rita@acme.example>') =>
    Buffer.from(
      [
        `From: ${from}`,
        'To: jobs@example.com',
        `Subject: ${subject}`,
        'Message-ID: <outer@acme.example>',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="b1"',
        '',
        '--b1',
        'Content-Type: text/plain; charset=utf-8',
        '',
        text,
        '--b1',
        'Content-Type: message/rfc822',
        'Content-Disposition: attachment; filename="application.eml"',
        '',
        'From: Grace Hopper <grace@navy.example>',
        'To: rita@acme.example',
        'Subject: Application: Backend Engineer',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Hello, I am applying.',
        '--b1--',
        '',
      ].join('\r\n'),
    );

  it('reads a message forwarded as an attachment (Outlook, Gmail)', async () => {
    const original = forwardedOriginal(await parseMessage(withAttachedMessage('FW: Application', 'See attached.')));
    expect(original).toMatchObject({
      from: { address: 'grace@navy.example', name: 'Grace Hopper' },
      subject: 'Application: Backend Engineer',
      how: 'attached-message',
    });
  });

  it('a long letter with an old mail attached is not a forward: its writer is the applicant', async () => {
    const letter = `Dear team, ${'I would love to join you and here is why. '.repeat(8)}`;
    expect(forwardedOriginal(await parseMessage(withAttachedMessage('Application', letter)))).toBeUndefined();
  });

  it("an applicant's short note over an attached mail is no forward: its writer is the applicant", async () => {
    const note = "Please find attached my referee's email in support of my application.";
    const from = 'Ada Lovelace <ada@lovelace.example>';
    const email = await parseMessage(withAttachedMessage('Application', note, from));
    expect(forwardedOriginal(email)).toBeUndefined();
    expect(forwardedOriginal(email, { addresses: ['rita@acme.example'], domains: ['acme.example'] })).toBeUndefined();
    const reading = describeMessage(email, { mailbox: 'jobs@acme.example', roles: [], team: ['rita@acme.example'] });
    expect(reading).toMatchObject({ sender: { address: 'ada@lovelace.example' }, forwardedBy: undefined });
  });

  it('a short note from one of the team with a mail attached whole is a forward, whatever the subject', async () => {
    const email = await parseMessage(withAttachedMessage('Application', 'See attached.'));
    const original = { from: { address: 'grace@navy.example' }, how: 'attached-message' };
    expect(forwardedOriginal(email, { addresses: ['Rita@Acme.example'], domains: [] })).toMatchObject(original);
    expect(forwardedOriginal(email, { addresses: [], domains: ['acme.example'] })).toMatchObject(original);
    // Read by describeMessage: a User's address, or the recruiting mailbox's own domain.
    const byTeam = describeMessage(email, { mailbox: 'jobs@example.com', roles: [], team: ['rita@acme.example'] });
    expect(byTeam).toMatchObject({ sender: { address: 'grace@navy.example' }, forwardedBy: 'rita@acme.example' });
    const byDomain = describeMessage(email, { mailbox: 'jobs@acme.example', roles: [] });
    expect(byDomain).toMatchObject({ sender: { address: 'grace@navy.example' }, forwardedBy: 'rita@acme.example' });
  });

  it('a recruiting mailbox at a public provider does not make everyone there the team', async () => {
    const email = await parseMessage(withAttachedMessage('Application', 'See attached.', 'Ada <ada@gmail.com>'));
    const reading = describeMessage(email, { mailbox: 'acme.jobs@gmail.com', roles: [] });
    expect(reading).toMatchObject({ sender: { address: 'ada@gmail.com' }, forwardedBy: undefined });
  });

  it.each([
    ['someone@example.com', 'someone@example.com'],
    ['<someone@example.com>', 'someone@example.com'],
    ['mailto:a.b+c@mail.example.co.uk', 'a.b+c@mail.example.co.uk'],
    ['s omeone@example.com', undefined],
    ['someone@example', undefined],
    ['Ada <ada@example.com', undefined],
    ['ada@example.com [ada@example.com', undefined],
    ['', undefined],
  ])('wholeAddress(%j) is %j', (input, address) => expect(wholeAddress(input)).toBe(address));
});

describe('describeMessage', () => {
  it('reads an application: sender, role, reply text and the CV among the attachments', async () => {
    const email = await parseMessage(
      applicationEmail({
        to: 'jobs+backend@example.com',
        attachments: [
          { filename: 'cv.pdf', contentType: 'application/pdf', content: scannedPdf() },
          { filename: 'invite.ics', contentType: 'text/calendar', content: Buffer.from('BEGIN:VCALENDAR') },
        ],
      }),
    );
    const reading = describeMessage(email, {
      mailbox: 'jobs@example.com',
      roles: [{ id: 'be', title: 'Backend Engineer', intakeTag: 'backend' }],
    });
    expect(reading).toMatchObject({
      automatic: { automatic: false },
      ownMessage: false,
      sender: { address: 'ada.lovelace@example.org', name: 'Ada Lovelace', normalised: 'ada.lovelace@example.org' },
      replyText: 'Hello, please find my CV attached.',
      isReply: false,
      role: { roleId: 'be', how: 'plus-address' },
    });
    expect(reading.documents.map((d) => d.filename)).toEqual(['cv.pdf']);
  });

  it('an Outlook reply quoting us under "-----Original Message-----" is a reply, not a forward', async () => {
    const email = await parseMessage(
      applicationEmail({
        subject: 'RE: Your interview',
        headers: ['In-Reply-To: <ours@example.com>'],
        text:
          'Tuesday works.\n\n-----Original Message-----\nFrom: Justin <jobs@example.com>\n' +
          'Sent: Monday, March 9, 2026 10:00 AM\nTo: Ada Lovelace <ada.lovelace@example.org>\n' +
          'Subject: Your interview\n\nWhich day suits you?',
      }),
    );
    const reading = describeMessage(email, { mailbox: 'jobs@example.com', roles: [] });
    expect(reading).toMatchObject({
      sender: { address: 'ada.lovelace@example.org' },
      forwardedBy: undefined,
      isReply: true,
      replyText: 'Tuesday works.',
    });
  });

  it('knows our own mail when it comes back', async () => {
    const email = await parseMessage(applicationEmail({ from: 'Justin <jobs@example.com>' }));
    expect(describeMessage(email, { mailbox: 'jobs@example.com', roles: [] }).ownMessage).toBe(true);
  });
});

describe.skipIf(!HAS_CORPUS)('documents whatever their disposition', () => {
  const cv = () => readFileSync(path.join(CORPUS, 'resumes/resume-matcher/fictional-candidates/harvey_dent_mle.pdf'));

  it('reads the CV of an Apple Mail forward, attached inline, and names the original applicant', async () => {
    const email = await parseMessage(appleMailForward({ pdf: cv() }));
    expect(email.attachments).toMatchObject([{ filename: 'CV Grace Hopper.pdf', inline: true }]);
    const reading = describeMessage(email, { mailbox: 'jobs@example.com', roles: [] });
    expect(reading.sender).toMatchObject({ address: 'grace@navy.example', name: 'Grace Hopper' });
    expect(reading.forwardedBy).toBe('rita@acme.example');
    expect(reading.documents.map((d) => d.filename)).toEqual(['CV Grace Hopper.pdf']);
    const text = await extractText(reading.documents[0]!);
    expect(text).toMatchObject({ status: 'EXTRACTED' });
    expect('text' in text && text.text).toMatch(/Harvey/);
  });

  it("reads Apple Mail's real inline PDFs, and not its inline pictures", async () => {
    const apple = await parseMessage(
      readFileSync(path.join(CORPUS, 'email-automatic/alaveteli/apple-mail-with-attachments.eml')),
    );
    expect(documentAttachments(apple.attachments).map((d) => d.filename)).toEqual([
      '2013-040 Decision.pdf',
      'FOI Review Rights.pdf',
    ]);
    const picture = await parseMessage(readFileSync(path.join(CORPUS, 'email-automatic/enmime/html-only-inline.raw')));
    expect(documentAttachments(picture.attachments)).toEqual([]);
  });

  it('finds a PDF with no name and no disposition by its bytes', async () => {
    const blank = await parseMessage(
      readFileSync(path.join(CORPUS, 'email-automatic/enmime/mime-blank-media-name.raw')),
    );
    // `Content-Type: application/pdf name=""` (no semicolon) is no readable type: the bytes say PDF.
    const found = documentAttachments(blank.attachments);
    expect(found.map((d) => sniffKind(d.content, d.contentType))).toEqual(['pdf']);
  });
});
