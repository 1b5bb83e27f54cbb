/** A real multipart message as a mail client would send it, with optional attachments. */
export function applicationEmail({
  from = 'Ada Lovelace <ada.lovelace@example.org>',
  to = 'jobs@example.com',
  subject = 'Application',
  text = 'Hello, please find my CV attached.',
  headers = [] as string[],
  attachments = [] as Array<{ filename: string; contentType: string; content: Buffer }>,
  messageId = `<${Math.random().toString(36).slice(2)}@mail.example.org>`,
} = {}): Buffer {
  const lines = [
    `From: ${from}`,
    `To: ${to}`,
    `Subject: ${subject}`,
    `Message-ID: ${messageId}`,
    'Date: Mon, 9 Mar 2026 10:00:00 +0100',
    'MIME-Version: 1.0',
    ...headers,
  ];
  if (attachments.length === 0)
    return Buffer.from([...lines, 'Content-Type: text/plain; charset=utf-8', '', text, ''].join('\r\n'));
  const parts = [
    ['--b1', 'Content-Type: text/plain; charset=utf-8', '', text].join('\r\n'),
    ...attachments.map((a) =>
      [
        '--b1',
        `Content-Type: ${a.contentType}; name="${a.filename}"`,
        `Content-Disposition: attachment; filename="${a.filename}"`,
        'Content-Transfer-Encoding: base64',
        '',
        a.content.toString('base64').replace(/.{76}/g, '$&\r\n'),
      ].join('\r\n'),
    ),
  ];
  return Buffer.from(
    [...lines, 'Content-Type: multipart/mixed; boundary="b1"', '', ...parts, '--b1--', ''].join('\r\n'),
  );
}

/**
 * A forward as Apple Mail (Mac OS X Mail) writes it: multipart/alternative of a text part and a
 * multipart/mixed of HTML, the PDF with `Content-Disposition: inline`, and the HTML's tail; the
 * original's headers quoted under "Begin forwarded message:".
 */
export function appleMailForward({
  forwarder = 'Rita Recruiter <rita@acme.example>',
  to = 'jobs@example.com',
  original = { from: 'Grace Hopper <grace@navy.example>', subject: 'Application: Backend Engineer' },
  note = 'Strong profile, have a look.',
  body = 'Hello, I am applying for the backend role. My CV is attached.',
  pdf,
  pdfName = 'CV Grace Hopper.pdf',
  messageId = `<${Math.random().toString(36).slice(2)}@acme.example>`,
}: {
  forwarder?: string;
  to?: string;
  original?: { from: string; subject: string };
  note?: string;
  body?: string;
  pdf: Buffer;
  pdfName?: string;
  messageId?: string;
}): Buffer {
  const outer = 'Apple-Mail=_63BC5EA0-839C-4ABD-8AD2-DFA40A3F20B9';
  const inner = 'Apple-Mail=_74370FD7-8241-4662-BF70-BA8FABF2E17E';
  const quoted = [
    `> From: ${original.from}`,
    `> Subject: ${original.subject}`,
    '> Date: 9 March 2026 at 09:00:00 CET',
    `> To: ${forwarder}`,
    '> ',
    `> ${body}`,
  ];
  const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const html = [
    `<html><body><div>${escapeHtml(note)}</div><div><br><div>Begin forwarded message:</div><br>`,
    `<blockquote type="cite"><div><b>From: </b>${escapeHtml(original.from)}</div>`,
    `<div><b>Subject: </b>${escapeHtml(original.subject)}</div><div><b>Date: </b>9 March 2026 at 09:00:00 CET</div>`,
    `<div><b>To: </b>${escapeHtml(forwarder)}</div><br><div>${escapeHtml(body)}</div></blockquote></div></body></html>`,
  ].join('\r\n');
  return Buffer.from(
    [
      `From: ${forwarder}`,
      `To: ${to}`,
      `Subject: Fwd: ${original.subject}`,
      `Message-Id: ${messageId}`,
      'Date: Mon, 9 Mar 2026 10:00:00 +0100',
      `Content-Type: multipart/alternative; boundary="${outer}"`,
      'Mime-Version: 1.0 (Mac OS X Mail 16.0 \\(3731.500.231\\))',
      'X-Mailer: Apple Mail (2.3731.500.231)',
      '',
      `--${outer}`,
      'Content-Transfer-Encoding: 7bit',
      'Content-Type: text/plain;',
      '\tcharset=us-ascii',
      '',
      note,
      '',
      'Begin forwarded message:',
      '',
      ...quoted,
      '',
      `--${outer}`,
      'Content-Type: multipart/mixed;',
      `\tboundary="${inner}"`,
      '',
      '',
      `--${inner}`,
      'Content-Transfer-Encoding: 7bit',
      'Content-Type: text/html;',
      '\tcharset=us-ascii',
      '',
      html,
      `--${inner}`,
      'Content-Disposition: inline;',
      `\tfilename="${pdfName}"`,
      'Content-Type: application/pdf;',
      `\tx-unix-mode=0644;\r\n\tname="${pdfName}"`,
      'Content-Transfer-Encoding: base64',
      '',
      pdf.toString('base64').replace(/.{76}/g, '$&\r\n'),
      `--${inner}`,
      'Content-Transfer-Encoding: 7bit',
      'Content-Type: text/html;',
      '\tcharset=us-ascii',
      '',
      '<html><body><div><br></div></body></html>',
      `--${inner}--`,
      '',
      `--${outer}--`,
      '',
    ].join('\r\n'),
  );
}
