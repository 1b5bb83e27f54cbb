import { describe, expect, it } from 'vitest';
import { autoReplyVerdict } from '../../src/mail/auto-reply.js';
import { parseMessage } from '../../src/mail/parse-message.js';

const crlf = (lines: string[]) => lines.join('\r\n');

describe('parseMessage', () => {
  it('decodes charsets and transfer encodings, and finds nested attachments with their hash', async () => {
    const pdf = Buffer.from('%PDF-1.4 fake but bytes are bytes');
    const raw = crlf([
      'From: =?ISO-8859-1?Q?Ren=E9e_M=FCller?= <Renee.Muller@Example.COM>',
      'To: jobs+backend@example.com',
      'Subject: =?UTF-8?B?QXBwbGljYXRpb24g4oCUIEJhY2tlbmQ=?=',
      'Message-ID: <abc123@mail.example.com>',
      'In-Reply-To: <prev@example.com>',
      'References: <first@example.com> <prev@example.com>',
      'Date: Mon, 9 Mar 2026 10:00:00 +0100',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="outer"',
      '',
      '--outer',
      'Content-Type: multipart/alternative; boundary="inner"',
      '',
      '--inner',
      'Content-Type: text/plain; charset=iso-8859-1',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Gr=FC=DFe, ich bewerbe mich.',
      '--inner',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p>Grüße, ich bewerbe mich.</p>',
      '--inner--',
      '--outer',
      'Content-Type: application/pdf; name="cv.pdf"',
      'Content-Disposition: attachment; filename="cv.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      pdf.toString('base64'),
      '--outer--',
      '',
    ]);
    const parsed = await parseMessage(raw);
    expect(parsed).toMatchObject({
      from: { address: 'Renee.Muller@Example.COM', name: 'Renée Müller' },
      to: [{ address: 'jobs+backend@example.com' }],
      subject: 'Application — Backend',
      messageId: 'abc123@mail.example.com',
      inReplyTo: 'prev@example.com',
      references: ['first@example.com', 'prev@example.com'],
      text: 'Grüße, ich bewerbe mich.',
      problems: [],
    });
    expect(parsed.attachments).toMatchObject([
      { filename: 'cv.pdf', contentType: 'application/pdf', size: pdf.length, inline: false },
    ]);
    expect(parsed.attachments[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names the problem instead of throwing on a message without a sender', async () => {
    const parsed = await parseMessage('Subject: no from\r\n\r\nbody');
    expect(parsed.problems).toContain('no usable From address');
    expect(parsed.text).toBe('body');
  });
});

describe('autoReplyVerdict', () => {
  const message = async (headers: string[], subject = 'Re: Interview') =>
    parseMessage(crlf(['From: Candidate <cand@example.com>', `Subject: ${subject}`, ...headers, '', 'Hello']));
  const cases: Array<[string, string[], string, string | undefined]> = [
    ['RFC 3834 Auto-Submitted', ['Auto-Submitted: auto-replied'], 'Re: Interview', 'auto-reply'],
    ['Auto-Submitted: no is a person', ['Auto-Submitted: no'], 'Re: Interview', undefined],
    ['X-Autoreply', ['X-Autoreply: yes'], 'Re: Interview', 'auto-reply'],
    [
      'Exchange',
      ['X-MS-Exchange-Generated-Message-Source: Mailbox Rules Agent'],
      'Automatic reply: Interview',
      'auto-reply',
    ],
    [
      'Exchange: a weak subject from an inbox rule',
      ['X-MS-Exchange-Inbox-Rules-Loop: ada@example.com'],
      'Away from my desk',
      'auto-reply',
    ],
    // Exchange stamps the same headers on mail an inbox rule forwards or redirects: a person's.
    [
      'an application an Exchange rule forwarded',
      [
        'X-MS-Exchange-Inbox-Rules-Loop: jobs@example.com',
        'X-MS-Exchange-Generated-Message-Source: Mailbox Rules Agent',
      ],
      'FW: Application: Backend engineer',
      undefined,
    ],
    [
      'a reply an Exchange rule redirected',
      ['X-MS-Exchange-Inbox-Rules-Loop: jobs@example.com'],
      'Re: Interview',
      undefined,
    ],
    ['Precedence: bulk', ['Precedence: bulk'], 'Newsletter', 'bulk'],
    ['mailing list', ['List-Id: <jobs.lists.example.com>'], 'Digest', 'list'],
    ['null sender with an out-of-office subject', ['Return-Path: <>'], 'Out of Office: Interview', 'auto-reply'],
    ['an out-of-office subject alone is a person', [], 'Out of office next week, can we do Monday?', undefined],
    ['a plain reply', [], 'Re: Interview', undefined],
    ['an iCloud vacation reply', ['X-Apple-Action: VACATION', 'In-Reply-To: <a@b>'], 'Re: Interview', 'auto-reply'],
    ['X-Autorespond (cPanel)', ['X-Autorespond: Interview'], 'Re: Interview', 'auto-reply'],
    ['Exchange: X-Auto-Response-Suppress: All', ['X-Auto-Response-Suppress: All'], 'Re: Interview', 'auto-reply'],
    ['a null return path alone', ['Return-Path: <>'], 'Re: Interview', 'bounce'],
    ['a relay that wrote the null sender out', ['Return-Path: <MAILER-DAEMON@mx.example>'], 'Hi', 'bounce'],
    ["an Exchange client's automatic-reply subject", [], 'Automatic reply: Interview', 'auto-reply'],
    ["Lotus Notes' AUTO: subject", [], 'AUTO: Jane Doe is out of the office (returning 05/01)', 'auto-reply'],
    ['Latvian Exchange', [], 'Ārpus biroja automātiskā atbilde: Interview', 'auto-reply'],
    ['a candidate who is out of the office', [], 'Re: Interview (I am out of office on Monday)', undefined],
  ];
  it.each(cases)('%s', async (_label, headers, subject, kind) => {
    const verdict = autoReplyVerdict(await message(headers, subject));
    expect(verdict.automatic ? verdict.kind : undefined).toBe(kind);
  });

  it('a bounce from the mailer daemon', async () => {
    const parsed = await parseMessage(
      crlf(['From: Mail Delivery Subsystem <MAILER-DAEMON@example.com>', 'Subject: Undelivered', '', 'x']),
    );
    expect(autoReplyVerdict(parsed)).toMatchObject({ automatic: true, kind: 'bounce' });
  });

  it.each([
    ['post_master@carrier.example', 'Delivery failure'],
    ['Mail.Delivery.System@mx.example', 'Delivery status notification'],
    ['no-reply@carrier.example', 'Undeliverable: Interview'],
  ])('a bounce subject from a server mailbox (%s)', async (from, subject) => {
    const parsed = await parseMessage(crlf([`From: ${from}`, `Subject: ${subject}`, '', 'x']));
    expect(autoReplyVerdict(parsed)).toMatchObject({ automatic: true, kind: 'bounce' });
  });

  it("a person's mail from an address called MAILER-DAEMON is a person's (the name alone is weak)", async () => {
    const parsed = await parseMessage(
      crlf(['From: MAILER-DAEMON@example.com', 'Subject: I like turtles', '', 'I was writing you this long email.']),
    );
    expect(autoReplyVerdict(parsed)).toEqual({ automatic: false });
  });

  it("a bounce's text at the top, without any header saying so (Postfix)", async () => {
    const parsed = await parseMessage(
      crlf([
        'From: someone@mx.example',
        'Subject: hello',
        '',
        'This is the mail system at host mx.example.',
        '',
        "I'm sorry to have to inform you that your message could not be delivered.",
      ]),
    );
    expect(autoReplyVerdict(parsed)).toMatchObject({ kind: 'bounce', reason: expect.stringContaining('Postfix') });
  });
});
