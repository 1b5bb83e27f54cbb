import { simpleParser, type AddressObject } from 'mailparser';
import type { FakeReply } from './local-server.js';

export type SentMail = {
  id: string;
  threadId: string;
  raw: string;
  to: string;
  subject: string;
  text: string;
  messageId: string;
  inReplyTo: string | undefined;
  cc: string[];
  html: string | undefined;
  references: string[];
  date: Date | undefined;
};

/** One message in the mailbox, received (INBOX) or sent (SENT). */
export type GmailMessage = {
  id: string;
  threadId: string;
  labelIds: string[];
  historyId: number;
  internalDate: number;
  raw: Buffer;
  /** The RFC 5322 Message-ID, without angle brackets. */
  messageId: string | undefined;
};

export const NOT_FOUND: FakeReply = {
  status: 404,
  body: {
    error: {
      code: 404,
      message: 'Requested entity was not found.',
      errors: [{ message: 'Requested entity was not found.', domain: 'global', reason: 'notFound' }],
      status: 'NOT_FOUND',
    },
  },
};

const bare = (id: string) => id.trim().replace(/^<|>$/g, '');
const idsIn = (header: string | string[] | undefined) =>
  (Array.isArray(header) ? header : (header ?? '').split(/\s+/)).map(bare).filter(Boolean);
const addresses = (field: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((f) => f.value.map((v) => v.address ?? ''));

/**
 * The store behind the Gmail fake: one mailbox's messages with labels and threads, and its
 * history (every added message bumps the mailbox's historyId and leaves a messagesAdded
 * record), threaded the way Gmail threads inbound mail: by the Message-IDs a new mail's
 * In-Reply-To and References name.
 */
export class GmailStore {
  readonly messages = new Map<string, GmailMessage>();
  readonly drafts = new Map<string, { id: string; raw: string; threadId: string | undefined }>();
  readonly sent: SentMail[] = [];
  /** performance.now() when each mail was sent (drafts.send answered), for latency figures. */
  readonly sentAt: number[] = [];
  historyId = 1000;
  /** History records with ids below this are gone: a sync from before them gets 404. */
  forgottenBefore = 0;

  constructor(
    private readonly nextId: (kind: string) => string,
    private readonly now: () => number,
  ) {}

  /** An inbound mail lands in INBOX, in the thread it answers (or `threadId`, or a new one). */
  async deliver(raw: Buffer, { threadId }: { threadId?: string } = {}): Promise<GmailMessage> {
    const mail = await simpleParser(raw);
    const answered = [...idsIn(mail.references), ...idsIn(mail.inReplyTo)].reverse();
    const thread = threadId ?? answered.map((id) => this.threadOf(id)).find(Boolean) ?? this.nextId('t');
    return this.add({ id: this.nextId('i'), threadId: thread, labelIds: ['INBOX', 'UNREAD'], raw, mail });
  }

  /** drafts.send: the draft goes, its message lands in SENT (and `sent`) in the draft's thread. */
  async sendDraft(draftId: string): Promise<FakeReply> {
    const draft = this.drafts.get(draftId);
    if (!draft) return { status: 404, body: { error: { code: 404, message: 'draft not found' } } };
    this.drafts.delete(draftId);
    const raw = Buffer.from(draft.raw, 'base64url');
    const mail = await simpleParser(raw);
    const stored = this.add({
      id: this.nextId('s'),
      threadId: draft.threadId ?? this.nextId('t'),
      labelIds: ['SENT'],
      raw,
      mail,
    });
    this.sent.push({
      id: stored.id,
      threadId: stored.threadId,
      raw: draft.raw,
      to: addresses(mail.to)[0] ?? '',
      subject: mail.subject ?? '',
      text: mail.text ?? '',
      messageId: stored.messageId ?? '',
      inReplyTo: mail.inReplyTo ? bare(mail.inReplyTo) : undefined,
      cc: addresses(mail.cc),
      html: mail.html || undefined,
      references: idsIn(mail.references),
      date: mail.date,
    });
    this.sentAt.push(performance.now());
    return { status: 200, body: { id: stored.id, threadId: stored.threadId, labelIds: stored.labelIds } };
  }

  /** The thread of a message, by Gmail id or by RFC Message-ID (brackets optional). */
  threadOf(id: string): string | undefined {
    const wanted = bare(id);
    const found = this.messages.get(wanted) ?? [...this.messages.values()].findLast((m) => m.messageId === wanted);
    return found?.threadId;
  }

  /** Messages of a thread, oldest first. */
  thread(threadId: string): GmailMessage[] {
    return [...this.messages.values()].filter((m) => m.threadId === threadId);
  }

  /** History since `start` (exclusive), optionally only messages with a label; undefined when forgotten. */
  historySince(start: number, labelId?: string): GmailMessage[] | undefined {
    if (start < this.forgottenBefore) return undefined;
    return [...this.messages.values()].filter((m) => m.historyId > start && (!labelId || m.labelIds.includes(labelId)));
  }

  private add(input: { id: string; threadId: string; labelIds: string[]; raw: Buffer; mail: { messageId?: string } }) {
    const message: GmailMessage = {
      id: input.id,
      threadId: input.threadId,
      labelIds: input.labelIds,
      historyId: ++this.historyId,
      internalDate: this.now(),
      raw: input.raw,
      messageId: input.mail.messageId ? bare(input.mail.messageId) : undefined,
    };
    this.messages.set(message.id, message);
    return message;
  }
}
