import { autoReplyVerdict, type AutoVerdict } from '../../mail/auto-reply.js';
import { htmlReplyText } from '../../mail/html-reply.js';
import type { Attachment, ParsedEmail } from '../../mail/parse-message.js';
import { visibleReply } from '../../mail/reply-text.js';
import { forwardedOriginal } from './forwarded.js';
import { normaliseEmail } from './normalise-email.js';
import { resolveRole, type OpenRole, type RoleChoice } from './resolve-role.js';

/** What an incoming email is, before anything is looked up or written. */
export type MessageReading = {
  automatic: AutoVerdict;
  /** Sent from the recruiting mailbox itself (our own outgoing mail, seen again). */
  ownMessage: boolean;
  /** The applicant: the original sender of a forward, else From. */
  sender: { address: string; name: string; normalised: string } | undefined;
  forwardedBy: string | undefined;
  subject: string;
  /** The new text: quoted history and signature removed. */
  replyText: string;
  /** Whether it answers an earlier message (a thread to attach it to, if we know it). */
  isReply: boolean;
  role: RoleChoice;
  documents: Attachment[];
};

const DOCUMENT_TYPES = new RegExp(
  '^(application\\/(pdf|msword|vnd\\.openxmlformats-officedocument\\.wordprocessingml\\.document|octet-stream|rtf)' +
    '|text\\/plain)$',
);
const DOCUMENT_NAMES = /\.(pdf|docx?|rtf|txt)$/i;

/** Attachments that may be a CV or cover letter (not inline pictures, not calendar files). */
export function documentAttachments(attachments: Attachment[]): Attachment[] {
  return attachments.filter(
    (a) => !a.inline && (DOCUMENT_TYPES.test(a.contentType) || DOCUMENT_NAMES.test(a.filename)) && a.size > 0,
  );
}

export function describeMessage(
  email: ParsedEmail,
  { mailbox, roles }: { mailbox: string; roles: OpenRole[] },
): MessageReading {
  const forward = forwardedOriginal(email.text);
  const fromAddress = email.from?.address.toLowerCase();
  const ownMessage = !!fromAddress && normaliseEmail(fromAddress) === normaliseEmail(mailbox);
  const original =
    forward ?? (email.from ? { from: email.from, subject: undefined, body: email.text ?? '' } : undefined);
  const senderName = original?.from.name ?? '';
  const text = forward ? forward.body : (email.text ?? (email.html ? undefined : ''));
  const replyText =
    text !== undefined
      ? visibleReply(text, { sender: senderName || original?.from.address })
      : htmlReplyText(email.html ?? '');
  const subject = forward?.subject ?? email.subject;
  return {
    automatic: autoReplyVerdict(email),
    ownMessage,
    sender: original
      ? {
          address: original.from.address,
          name: senderName || nameFromAddress(original.from.address),
          normalised: normaliseEmail(original.from.address),
        }
      : undefined,
    forwardedBy: forward ? email.from?.address : undefined,
    subject,
    replyText,
    isReply: !forward && (!!email.inReplyTo || email.references.length > 0),
    role: resolveRole({
      recipients: [...email.to, ...email.cc].map((a) => a.address).concat(email.deliveredTo),
      subject,
      body: replyText,
      mailbox,
      roles,
    }),
    documents: documentAttachments(email.attachments),
  };
}

/** "ada.lovelace@x.com" → "Ada Lovelace", for senders who give no display name. */
function nameFromAddress(address: string): string {
  return address
    .split('@')[0]!
    .split(/[._-]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}
