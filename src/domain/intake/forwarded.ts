import EmailForwardParser from 'email-forward-parser';
import { htmlToText } from '../../mail/html-reply.js';
import type { Address, ParsedEmail } from '../../mail/parse-message.js';
import { normaliseEmail } from './normalise-email.js';
import { wholeAddress } from './whole-address.js';

// A recruiter forwards an application from their own mailbox: the candidate is the original
// sender, not the recruiter. Forwarding is not standardised; each client writes its own block
// ("---------- Forwarded message ---------", Apple's "Begin forwarded message:" quoted with ">",
// Outlook's header table, in the client's language). crisp-oss's email-forward-parser knows
// dozens of clients and languages and is used on a million mails a day; we give it the text,
// and, when the text has no forward, the HTML as text, then the message attached whole.

export type ForwardedOriginal = {
  /** The original sender; undefined when the forward names one without a readable address. */
  from: Address | undefined;
  subject: string | undefined;
  body: string;
  /** Where the original was found (shown by the dry run). */
  how: 'inline-text' | 'inline-html' | 'attached-message';
  /** The original's own attachments (a forward-as-attachment carries the CV inside). */
  attachedMessage: ParsedEmail | undefined;
};

/** A subject that says "forwarded" in one of the common clients' languages (Fwd:, FW:, WG:, TR:, RV:, VS: …). */
export const FORWARD_SUBJECT =
  /^\s*(\[?(fwd?|fw|wg|tr|rv|vs|vb|enc|i|pd|rif|doorst|továbbítás|ilt|пересл|пер|転送)\]?\s*:)/iu;

const parser = new EmailForwardParser();

/** Far longer than any forward's header block; the library's patterns are not all linear. */
const MAX_FORWARD_CHARS = 64_000;
/** A forwarder's note above a message attached whole is short. */
const MAX_NOTE_WORDS = 40;
/** HTML is longer than its text; converting a megabyte of it for a forward header is not worth it. */
const MAX_FORWARD_HTML = 256_000;

/**
 * mailparser writes an HTML link as `name <a@b.example [a@b.example]>` (and Outlook writes
 * `Name [mailto:a@b.example]`); the parser reads the bracket as part of a name. Drop a bracket
 * that only repeats the address beside it.
 */
function tidyLinkedAddresses(text: string): string {
  return text
    .replace(/([^\s<>[\]]+@[^\s<>[\]]+) \[(?:mailto:)?\1\]/gi, '$1')
    .replace(/([^\s<>[\]:]+) \[mailto:([^\s\]]+@[^\s\]]+)\]/gi, '$1 <$2>');
}

/**
 * Outlook writes "TR:", "WG:", "RV:"; the parser knows them in capitals only, and people and
 * other clients write "Tr:" or "Wg:". The subject is tried as written, then with its prefix in capitals.
 */
function readForward(body: string, subject: string) {
  const first = parser.read(body, subject);
  const shouted = subject.replace(/^(\s*)([\p{L}]{1,8})(\s*:)/u, (_m, a, p: string, c) => a + p.toUpperCase() + c);
  return first.forwarded || shouted === subject ? first : parser.read(body, shouted);
}

function fromText(text: string, subject: string, how: 'inline-text' | 'inline-html'): ForwardedOriginal | undefined {
  const result = readForward(tidyLinkedAddresses(text.replace(/\r\n?/g, '\n').slice(0, MAX_FORWARD_CHARS)), subject);
  if (!result.forwarded) return undefined;
  const { from } = result.email;
  // Never guessed: an address that does not parse whole is no address (a bare name, a
  // "someone@example.com" cut into a name and a rest).
  const address = wholeAddress(from.address) ?? wholeAddress(from.name);
  const name = from.name && !wholeAddress(from.name) ? cleanName(from.name) : '';
  return {
    from: address ? { address, name } : undefined,
    subject: result.email.subject?.trim() || undefined,
    body: (result.email.body ?? '').trim(),
    how,
    attachedMessage: undefined,
  };
}

function cleanName(name: string): string {
  return name
    .replace(/^["'\s]+|["'\s]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Who may forward a message attached whole without a forwarding subject: the team (people
 * Justin knows) and anyone on the recruiting mailbox's domain. Domains lower-case, without "@".
 */
export type Forwarders = { addresses: readonly string[]; domains: readonly string[] };

export const NO_FORWARDERS: Forwarders = { addresses: [], domains: [] };

function isForwarder(address: string | undefined, { addresses, domains }: Forwarders): boolean {
  const whole = address ? wholeAddress(address) : undefined;
  if (!whole) return false;
  const normal = normaliseEmail(whole);
  return addresses.some((a) => normaliseEmail(a) === normal) || domains.includes(normal.slice(normal.indexOf('@') + 1));
}

/**
 * The original of a forwarded message, if it is one: from its text, its HTML (an HTML-only
 * forward), or a message attached whole with a readable sender. Undefined for anything else.
 */
export function forwardedOriginal(
  email: Pick<ParsedEmail, 'text' | 'html' | 'subject' | 'attachedMessages'> & Partial<Pick<ParsedEmail, 'from'>>,
  forwarders: Forwarders = NO_FORWARDERS,
): ForwardedOriginal | undefined {
  const inText = email.text ? fromText(email.text, email.subject, 'inline-text') : undefined;
  if (inText?.from) return inText;
  const inHtml = email.html
    ? fromText(htmlToText(email.html.slice(0, MAX_FORWARD_HTML)), email.subject, 'inline-html')
    : undefined;
  if (inHtml?.from) return inHtml;
  // A message attached whole is a forward when the mail says so (Outlook's and Gmail's "forward
  // as attachment" write "FW:"/"Fwd:"), or when one of the team sends it with no more than a
  // note. An applicant who attaches a referee's mail or an old exchange under a short note is
  // still the applicant: a short note alone does not make a forward.
  const note = (email.text ?? '').split(/\s+/).filter(Boolean).length;
  const attached =
    FORWARD_SUBJECT.test(email.subject) || (note <= MAX_NOTE_WORDS && isForwarder(email.from?.address, forwarders))
      ? email.attachedMessages.find((m) => m.from && wholeAddress(m.from.address))
      : undefined;
  if (attached?.from)
    return {
      from: { address: wholeAddress(attached.from.address)!, name: attached.from.name },
      subject: attached.subject || undefined,
      body: attached.text ?? (attached.html ? htmlToText(attached.html) : ''),
      how: 'attached-message',
      attachedMessage: attached,
    };
  // A forward whose sender cannot be read is still a forward: the forwarder is not the applicant.
  return inText ?? inHtml;
}
