import type { IncomingMessage } from 'node:http';
import { LocalFake, readBody } from './local-server.js';
import { randomBytes } from 'node:crypto';
import { simpleParser } from 'mailparser';

export type SentMail = { id: string; threadId: string; raw: string; to: string; subject: string; text: string; messageId: string; inReplyTo: string | undefined };
export type FakeEvent = { id: string; start: { dateTime: string }; end: { dateTime: string }; attendees?: Array<{ email: string; responseStatus?: string }>; status?: string; hangoutLink?: string; [k: string]: unknown };

type Hook = (method: string, path: string) => 'respond' | { status: number; headers?: Record<string, string>; body?: unknown };

/**
 * A local stand-in for the parts of Google Calendar and Gmail that Justin calls, on one port
 * (point the Google root URL at `url`): freeBusy from a table the test sets, events that
 * persist (insert refuses a duplicate id with 409, as Google does), and Gmail drafts that are
 * sent by id and then found by `rfc822msgid:`.
 */
export class FakeGoogle extends LocalFake {
  readonly busy = new Map<string, Array<{ start: string; end: string }>>();
  readonly events = new Map<string, FakeEvent>();
  readonly drafts = new Map<string, { id: string; raw: string; threadId: string | undefined }>();
  readonly sent: SentMail[] = [];
  /** performance.now() when each mail was sent (drafts.send answered), for latency figures. */
  readonly sentAt: number[] = [];
  readonly calls: Array<{ method: string; path: string }> = [];
  hook: Hook = () => 'respond';
  // Ids unique across fakes (like Gmail's): tests share one database.
  private readonly tag = randomBytes(4).toString('hex');
  private seq = 0;
  private next(kind: string): string {
    return `${kind}${this.tag}${++this.seq}`;
  }

  get url(): string {
    return `${this.origin}/`;
  }

  protected async handle(req: IncomingMessage): Promise<{ status: number; headers?: Record<string, string>; body?: unknown }> {
    const url = new URL(req.url ?? '/', 'http://x');
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    const body = raw ? (JSON.parse(raw) as Record<string, any>) : {};
    this.calls.push({ method, path: url.pathname });
    const verdict = this.hook(method, url.pathname);
    if (verdict !== 'respond') return { status: verdict.status, headers: verdict.headers ?? {}, body: verdict.body ?? { error: { code: verdict.status, message: 'fake' } } };
    const path = url.pathname;

    if (method === 'POST' && path === '/calendar/v3/freeBusy') {
      return { status: 200, body: { calendars: Object.fromEntries((body.items as Array<{ id: string }>).map(({ id }) => [id, { busy: this.busy.get(id) ?? [] }])) } };
    }
    const event = /^\/calendar\/v3\/calendars\/[^/]+\/events(?:\/([^/]+))?$/.exec(path);
    if (event) {
      const id = event[1] ? decodeURIComponent(event[1]) : undefined;
      if (method === 'POST' && !id) {
        if (this.events.has(body.id)) return { status: 409, body: { error: { code: 409, message: 'The requested identifier already exists.' } } };
        const created: FakeEvent = { ...body, id: body.id, status: 'confirmed', hangoutLink: `https://meet.google.com/${this.next('m')}`, start: body.start, end: body.end };
        this.events.set(created.id, created);
        return { status: 200, body: created };
      }
      const existing = id ? this.events.get(id) : undefined;
      if (!existing) return { status: 404, body: { error: { code: 404, message: 'Not Found' } } };
      if (method === 'GET') return { status: 200, body: existing };
      if (method === 'PATCH') {
        Object.assign(existing, body);
        return { status: 200, body: existing };
      }
      if (method === 'DELETE') {
        existing.status = 'cancelled';
        return { status: 204 };
      }
    }
    if (method === 'POST' && path === '/gmail/v1/users/me/drafts') {
      const id = this.next('r');
      this.drafts.set(id, { id, raw: body.message.raw, threadId: body.message.threadId ?? this.next('t') });
      return { status: 200, body: { id, message: { id: this.next('m'), threadId: this.drafts.get(id)!.threadId } } };
    }
    if (method === 'POST' && path === '/gmail/v1/users/me/drafts/send') {
      const draft = this.drafts.get(body.id);
      if (!draft) return { status: 404, body: { error: { code: 404, message: 'draft not found' } } };
      this.drafts.delete(body.id);
      const mail = await simpleParser(Buffer.from(draft.raw, 'base64url'));
      const sent: SentMail = {
        id: this.next('s'),
        threadId: draft.threadId ?? this.next('t'),
        raw: draft.raw,
        to: (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address ?? '',
        subject: mail.subject ?? '',
        text: mail.text ?? '',
        messageId: (mail.messageId ?? '').replace(/^<|>$/g, ''),
        inReplyTo: mail.inReplyTo?.replace(/^<|>$/g, ''),
      };
      this.sent.push(sent);
      this.sentAt.push(performance.now());
      return { status: 200, body: { id: sent.id, threadId: sent.threadId, labelIds: ['SENT'] } };
    }
    if (method === 'GET' && (path === '/gmail/v1/users/me/messages' || path === '/gmail/v1/users/me/drafts')) {
      const wanted = /rfc822msgid:(\S+)/.exec(url.searchParams.get('q') ?? '')?.[1]?.replace(/^<|>$/g, '');
      if (path.endsWith('/messages')) {
        const found = this.sent.filter((m) => m.messageId === wanted);
        return { status: 200, body: found.length ? { messages: found.map((m) => ({ id: m.id, threadId: m.threadId })) } : { resultSizeEstimate: 0 } };
      }
      const found = [];
      for (const d of this.drafts.values()) {
        const mail = await simpleParser(Buffer.from(d.raw, 'base64url'));
        if ((mail.messageId ?? '').replace(/^<|>$/g, '') === wanted) found.push({ id: d.id, message: { id: d.id, threadId: d.threadId } });
      }
      return { status: 200, body: found.length ? { drafts: found } : { resultSizeEstimate: 0 } };
    }
    return { status: 404, body: { error: { code: 404, message: `fake google: ${method} ${path} not implemented` } } };
  }
}

