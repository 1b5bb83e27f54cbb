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
