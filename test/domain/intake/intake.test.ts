import { describe, expect, it } from 'vitest';
import { describeMessage } from '../../../src/domain/intake/describe-message.js';
import { forwardedOriginal } from '../../../src/domain/intake/forwarded.js';
import { normaliseEmail, plusTag } from '../../../src/domain/intake/normalise-email.js';
import { resolveRole } from '../../../src/domain/intake/resolve-role.js';
import { parseMessage } from '../../../src/mail/parse-message.js';
import { applicationEmail } from '../../factories/mime.js';
import { scannedPdf } from '../../factories/pdf.js';

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
  it('finds the original sender of a Gmail forward', () => {
    const text =
      'FYI, strong profile.\n\n---------- Forwarded message ---------\nFrom: Grace Hopper <grace@navy.example>\n' +
      'Date: Mon, Mar 9, 2026 at 9:00 AM\nSubject: Backend Engineer\nTo: <recruiter@example.com>\n\nHi, I am ' +
      'applying for the backend role.';
    expect(forwardedOriginal(text)).toEqual({
      from: { address: 'grace@navy.example', name: 'Grace Hopper' },
      subject: 'Backend Engineer',
      body: 'Hi, I am applying for the backend role.',
    });
  });
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

  it('knows our own mail when it comes back', async () => {
    const email = await parseMessage(applicationEmail({ from: 'Justin <jobs@example.com>' }));
    expect(describeMessage(email, { mailbox: 'jobs@example.com', roles: [] }).ownMessage).toBe(true);
  });
});
