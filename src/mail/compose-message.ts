import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { OUTBOUND_LOOP_HEADERS } from './auto-reply.js';

export type OutgoingEmail = {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string | undefined;
  /** Our own Message-ID (without angle brackets), set before the first attempt and kept. */
  messageId: string;
  inReplyTo?: string | undefined;
  references?: string[] | undefined;
};

/**
 * Raw RFC 822 for an outgoing email, built by nodemailer's MailComposer (encoded words,
 * line lengths, multipart/alternative). It carries the thread headers so it lands in the
 * candidate's thread, and RFC 3834 markers so their auto-responders stay quiet.
 */
export async function composeMessage(email: OutgoingEmail): Promise<Buffer> {
  const composer = new MailComposer({
    from: email.from,
    to: email.to,
    subject: email.subject,
    text: email.text,
    ...(email.html ? { html: email.html } : {}),
    messageId: `<${email.messageId}>`,
    ...(email.inReplyTo ? { inReplyTo: `<${email.inReplyTo}>` } : {}),
    ...(email.references?.length ? { references: email.references.map((r) => `<${r}>`) } : {}),
    headers: { ...OUTBOUND_LOOP_HEADERS },
  });
  return composer.compile().build();
}
