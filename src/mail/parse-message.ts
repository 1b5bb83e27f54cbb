import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { createHash } from 'node:crypto';

// Raw RFC 822 in, plain data out. mailparser (nodemailer's) handles charsets, transfer
// encodings, nested multiparts and broken headers; we keep what intake needs and never
// throw: a message mailparser cannot read comes back with its problem named, and the raw
// bytes stay stored by the caller.

export type Address = { address: string; name: string };
export type Attachment = {
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  content: Buffer;
  inline: boolean;
  contentId: string | undefined;
};

export type ParsedEmail = {
  messageId: string | undefined;
  inReplyTo: string | undefined;
  references: string[];
  from: Address | undefined;
  replyTo: Address[];
  to: Address[];
  cc: Address[];
  deliveredTo: string[];
  subject: string;
  date: Date | undefined;
  text: string | undefined;
  html: string | undefined;
  contentType: string | undefined;
  attachments: Attachment[];
  /** Lower-cased header names, each header's first value as a string. */
  headers: Map<string, string>;
  /** Messages attached whole (message/rfc822: "forward as attachment", a bounce's returned mail), parsed. */
  attachedMessages: ParsedEmail[];
  problems: string[];
};

/** A message inside a message inside …: deeper than this is not read (a loop of bounces, a hostile nesting). */
const MAX_NESTING = 3;

const stripAngles = (id: string): string => id.trim().replace(/^<|>$/g, '');

export async function parseMessage(raw: Buffer | string, depth = 0): Promise<ParsedEmail> {
  let mail: ParsedMail;
  try {
    mail = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true });
  } catch (err) {
    return empty([`not readable as MIME: ${(err as Error).message}`]);
  }
  const problems: string[] = [];
  const from = addresses(mail.from)[0];
  if (!from) problems.push('no usable From address');
  if (mail.date && Number.isNaN(mail.date.getTime())) problems.push('unreadable Date header');
  // Raw header lines, unfolded and not decoded: mailparser restructures some (List-*,
  // Return-Path) into objects, and the auto-reply check wants what the sender wrote.
  const headers = new Map<string, string>();
  for (const { key, line } of mail.headerLines) {
    if (!headers.has(key))
      headers.set(
        key,
        line
          .slice(line.indexOf(':') + 1)
          .replace(/\r?\n[ \t]+/g, ' ')
          .trim(),
      );
  }
  const attachedMessages: ParsedEmail[] = [];
  if (depth < MAX_NESTING)
    for (const a of mail.attachments)
      if (contentTypeOf(a.contentType) === 'message/rfc822' && a.content.length > 0)
        attachedMessages.push(await parseMessage(a.content, depth + 1));
  return {
    messageId: mail.messageId ? stripAngles(mail.messageId) : undefined,
    inReplyTo: mail.inReplyTo ? stripAngles(mail.inReplyTo) : undefined,
    references: (Array.isArray(mail.references) ? mail.references : mail.references ? mail.references.split(/\s+/) : [])
      .filter(Boolean)
      .map(stripAngles),
    from,
    replyTo: addresses(mail.replyTo),
    to: addresses(mail.to),
    cc: addresses(mail.cc),
    deliveredTo: mail.headerLines
      .filter((l) => l.key === 'delivered-to')
      .map((l) =>
        l.line
          .replace(/^delivered-to:\s*/i, '')
          .trim()
          .toLowerCase(),
      ),
    subject: (mail.subject ?? '').trim(),
    date: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date : undefined,
    text: mail.text || undefined,
    html: typeof mail.html === 'string' ? mail.html : undefined,
    contentType: headerString(mail.headers.get('content-type')) || headers.get('content-type'),
    attachments: mail.attachments.map((a) => ({
      // Broken messages give mailparser odd values here (a header object, undefined).
      filename:
        typeof a.filename === 'string' && a.filename.trim()
          ? a.filename.trim()
          : defaultName(contentTypeOf(a.contentType)),
      contentType: contentTypeOf(a.contentType),
      size: a.size ?? a.content.length,
      sha256: createHash('sha256').update(a.content).digest('hex'),
      content: a.content,
      inline: a.contentDisposition === 'inline' || (!!a.cid && a.related === true),
      contentId: a.cid ?? undefined,
    })),
    headers,
    attachedMessages,
    problems,
  };
}

function addresses(field: AddressObject | AddressObject[] | undefined): Address[] {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list
    .flatMap((f) => f.value)
    .flatMap((v) => (v.group ? v.group : [v]))
    .filter((v) => v.address && v.address.includes('@'))
    .map((v) => ({ address: v.address!.trim(), name: (v.name ?? '').trim() }));
}

function headerString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object' && 'value' in value) {
    const v = value as { value: unknown; params?: Record<string, string> };
    if (typeof v.value === 'string')
      return [v.value, ...Object.entries(v.params ?? {}).map(([k, p]) => `${k}="${p}"`)].join('; ');
    if (Array.isArray(v.value)) return (v as { text?: string }).text ?? '';
  }
  return Array.isArray(value) ? value.map(headerString).join(', ') : String(value ?? '');
}

function contentTypeOf(value: unknown): string {
  const text =
    typeof value === 'string'
      ? value
      : typeof (value as { value?: unknown })?.value === 'string'
        ? (value as { value: string }).value
        : '';
  return /^[\w.+-]+\/[\w.+-]+$/.test(text.trim()) ? text.trim().toLowerCase() : 'application/octet-stream';
}

function defaultName(contentType: string): string {
  return contentType === 'message/rfc822' ? 'forwarded.eml' : `attachment.${contentType.split('/')[1] ?? 'bin'}`;
}

function empty(problems: string[]): ParsedEmail {
  return {
    messageId: undefined,
    inReplyTo: undefined,
    references: [],
    from: undefined,
    replyTo: [],
    to: [],
    cc: [],
    deliveredTo: [],
    subject: '',
    date: undefined,
    text: undefined,
    html: undefined,
    contentType: undefined,
    attachments: [],
    headers: new Map(),
    attachedMessages: [],
    problems,
  };
}
