import { autoReplyVerdict, type AutoVerdict } from '../../mail/auto-reply.js';
import { htmlReplyText } from '../../mail/html-reply.js';
import type { Attachment, ParsedEmail } from '../../mail/parse-message.js';
import { visibleReply } from '../../mail/reply-text.js';
import { sniffKind } from '../../documents/extract-text.js';
import { FORWARD_SUBJECT, type Forwarders, forwardedOriginal, type ForwardedOriginal } from './forwarded.js';
import { normaliseEmail } from './normalise-email.js';
import { resolveRole, type OpenRole, type RoleChoice } from './resolve-role.js';

/** What an incoming email is, before anything is looked up or written. */
export type MessageReading = {
  automatic: AutoVerdict;
  /** Sent from the recruiting mailbox itself (our own outgoing mail, seen again). */
  ownMessage: boolean;
  /** The applicant: the original sender of a forward, else From; none when a forward's sender is unreadable. */
  sender: { address: string; name: string; normalised: string } | undefined;
  forwardedBy: string | undefined;
  /** Where a forward's original was found (its text, its HTML, a message attached whole). */
  forwardFound: ForwardedOriginal['how'] | undefined;
  subject: string;
  /** The new text: quoted history and signature removed. */
  replyText: string;
  /** Whether it answers an earlier message (a thread to attach it to, if we know it). */
  isReply: boolean;
  role: RoleChoice;
  documents: Attachment[];
};

// A document is known by its bytes (PDF, Word), whatever the part's Content-Disposition (Apple
// Mail attaches a PDF "inline"), name (a part may have none) or claimed type. A file that claims
// to be a document by its name or type and is not one is kept too, so the card can say it could
// not be read. A text file counts only when attached under a name: text parts are the body.
const DOCUMENT_TYPES = new RegExp(
  '^application\\/(pdf|msword|vnd\\.openxmlformats-officedocument\\.wordprocessingml\\.document|rtf|x-pdf)$',
);
const DOCUMENT_NAMES = /\.(pdf|docx?|rtf)$/i;

/** Attachments that may be a CV or cover letter (not pictures, not calendar files), from any depth of forward. */
export function documentAttachments(attachments: Attachment[]): Attachment[] {
  return attachments.filter((a) => {
    if (a.size === 0) return false;
    const kind = sniffKind(a.content, a.contentType);
    if (kind === 'pdf' || kind === 'docx' || kind === 'doc') return true;
    if (kind === 'text') return !a.inline && /\.txt$/i.test(a.filename);
    return !a.inline && (DOCUMENT_TYPES.test(a.contentType) || DOCUMENT_NAMES.test(a.filename));
  });
}

/**
 * Mail providers anyone can sign up at: a recruiting mailbox there (jobs.acme@gmail.com) says
 * nothing about who else on that domain is on the team.
 */
const PUBLIC_MAIL_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'gmx.de',
  'web.de',
]);

/** The team's addresses, and the recruiting mailbox's domain unless anyone can have an address there. */
function teamForwarders(mailbox: string, team: readonly string[]): Forwarders {
  const domain = normaliseEmail(mailbox).split('@')[1];
  return { addresses: team, domains: domain && !PUBLIC_MAIL_DOMAINS.has(domain) ? [domain] : [] };
}

/**
 * `team` is the addresses of the people Justin knows (the Users): a message attached whole under
 * a short note counts as a forward only when one of them, or someone on the mailbox's domain, sent it.
 */
export function describeMessage(
  email: ParsedEmail,
  { mailbox, roles, team = [] }: { mailbox: string; roles: OpenRole[]; team?: readonly string[] },
): MessageReading {
  const fromAddress = email.from?.address.toLowerCase();
  const ownMessage = !!fromAddress && normaliseEmail(fromAddress) === normaliseEmail(mailbox);
  const forward = realForward(email, mailbox, teamForwarders(mailbox, team));
  const originalFrom = forward ? forward.from : email.from;
  const senderName = originalFrom?.name ?? '';
  const text = forward ? forward.body : (email.text ?? (email.html ? undefined : ''));
  const replyText =
    text !== undefined
      ? visibleReply(text, { sender: senderName || originalFrom?.address })
      : htmlReplyText(email.html ?? '');
  const subject = forward?.subject ?? email.subject;
  return {
    automatic: autoReplyVerdict(email),
    ownMessage,
    sender: originalFrom
      ? {
          address: originalFrom.address,
          name: senderName || nameFromAddress(originalFrom.address),
          normalised: normaliseEmail(originalFrom.address),
        }
      : undefined,
    forwardedBy: forward ? email.from?.address : undefined,
    forwardFound: forward?.how,
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
    documents: documentAttachments([...email.attachments, ...(forward?.attachedMessage?.attachments ?? [])]),
  };
}

/**
 * The forwarded original, when the message is a forward: a reply that quotes us under Outlook's
 * "-----Original Message-----" looks like one to the parser, so a forward inside a thread needs
 * a forwarding subject, and an original from the recruiting mailbox itself is our own mail quoted.
 */
function realForward(email: ParsedEmail, mailbox: string, forwarders: Forwarders): ForwardedOriginal | undefined {
  const forward = forwardedOriginal(email, forwarders);
  if (!forward) return undefined;
  const inThread = !!email.inReplyTo || email.references.length > 0;
  if (inThread && !FORWARD_SUBJECT.test(email.subject)) return undefined;
  if (forward.from && normaliseEmail(forward.from.address) === normaliseEmail(mailbox)) return undefined;
  return forward;
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
