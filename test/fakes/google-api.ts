import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { GmailStore, type GmailMessage, type SentMail } from './gmail-mailbox.js';
import { gmailRoute, type GmailWatch } from './gmail-routes.js';
import { FakeCalendar, type EventCall, type FakeEvent, type ResponseStatus } from './google-calendar.js';
import { FakeOAuth, type Consent, type TokenRequest } from './google-oauth.js';
import { pushNotification, type PushConfig, type PushRecord } from './google-push.js';
import { googleCerts } from './google-signer.js';
import { LocalFake, parseForm, readBody, type FakeReply } from './local-server.js';

export type { FakeEvent, GmailMessage, SentMail };

type Hook = (
  method: string,
  path: string,
) => 'respond' | { status: number; headers?: Record<string, string>; body?: unknown };

/**
 * A local stand-in for the parts of Google that Justin calls, on one port (point the Google
 * root URL, OAuth endpoints and certificate URL at it):
 * - Gmail for one mailbox: inbound mail delivered by the test (threaded by its headers, with
 *   history and, when configured, a signed Pub/Sub push), drafts sent by id, watch;
 * - Calendar: events that persist and invite people, freeBusy computed from them;
 * - OAuth 2: a consent screen that answers at once, and the token endpoint;
 * - the certificates its push tokens verify against.
 * See gmail-mailbox.ts, gmail-routes.ts, google-calendar.ts and google-oauth.ts for each part.
 */
export class FakeGoogle extends LocalFake {
  /** The mailbox the service acts as (Gmail's `me`, Calendar's `primary`). */
  readonly mailbox: string;
  /** What happens on the consent screen; `as` defaults to the mailbox. */
  consent: Consent;
  /** Gmail's clock (internalDate, newer_than:, watch expiration); the harness may move it. */
  now: () => number = () => Date.now();
  readonly calls: Array<{ method: string; path: string }> = [];
  hook: Hook = () => 'respond';
  /** Every watch the service started. */
  readonly watches: GmailWatch[] = [];
  /** Every push sent (deliver() with push configured), with the endpoint's status. */
  readonly pushes: PushRecord[] = [];
  // Ids unique across fakes (like Gmail's): tests share one database.
  private readonly tag = randomBytes(4).toString('hex');
  private seq = 0;
  private readonly gmail: GmailStore;
  private readonly calendar: FakeCalendar;
  private readonly oauth: FakeOAuth;
  private push: PushConfig | undefined;

  constructor({ mailbox = 'jobs@example.com' }: { mailbox?: string } = {}) {
    super();
    this.mailbox = mailbox;
    this.consent = { as: mailbox, decision: 'allow' };
    const next = (kind: string) => this.next(kind);
    this.gmail = new GmailStore(next, () => this.now());
    this.calendar = new FakeCalendar(mailbox, next);
    this.oauth = new FakeOAuth(() => this.consent, mailbox, next);
  }

  get url(): string {
    return `${this.origin}/`;
  }

  // Calendar state, as tests have always reached it.
  get busy(): Map<string, Array<{ start: string; end: string }>> {
    return this.calendar.busy;
  }

  get events(): Map<string, FakeEvent> {
    return this.calendar.events;
  }

  /** Each insert/patch/delete with its sendUpdates and conferenceDataVersion. */
  get eventCalls(): EventCall[] {
    return this.calendar.eventCalls;
  }

  // Gmail state.
  get drafts(): GmailStore['drafts'] {
    return this.gmail.drafts;
  }

  get sent(): SentMail[] {
    return this.gmail.sent;
  }

  /** performance.now() when each mail was sent (drafts.send answered), for latency figures. */
  get sentAt(): number[] {
    return this.gmail.sentAt;
  }

  /** Every message in the mailbox (received and sent), by Gmail id. */
  get messages(): Map<string, GmailMessage> {
    return this.gmail.messages;
  }

  /** The mailbox's current historyId. */
  get historyId(): number {
    return this.gmail.historyId;
  }

  // OAuth state.
  get tokenRequests(): TokenRequest[] {
    return this.oauth.tokenRequests;
  }

  /** The consent-screen requests, as their query parameters. */
  get authRequests(): Array<Record<string, string>> {
    return this.oauth.authRequests;
  }

  /** When set, the token endpoint accepts only this client (id and secret). */
  set oauthClient(client: { id: string; secret: string } | undefined) {
    this.oauth.client = client;
  }

  /** An inbound mail lands in INBOX; with push configured, resolves once the push was answered. */
  async deliver(
    raw: Buffer | string,
    opts: { threadId?: string } = {},
  ): Promise<{ id: string; threadId: string; historyId: string }> {
    const message = await this.gmail.deliver(Buffer.from(raw), opts);
    const historyId = String(message.historyId);
    if (this.push) this.pushes.push(await pushNotification(this.push, { emailAddress: this.mailbox, historyId }));
    return { id: message.id, threadId: message.threadId, historyId };
  }

  /** Pub/Sub pushes each delivered mail's notification to `url`, signed as `serviceAccount`. */
  configurePush(config: PushConfig | undefined): void {
    this.push = config;
  }

  /** Gmail forgets history before `historyId`: a sync from an older id gets 404 and must resync. */
  forgetHistoryBefore(historyId: number): void {
    this.gmail.forgottenBefore = historyId;
  }

  /** The Gmail thread of a message, by Gmail id or RFC Message-ID. */
  threadOf(messageIdOrGmailId: string): string | undefined {
    return this.gmail.threadOf(messageIdOrGmailId);
  }

  /** A thread's messages (received and sent), oldest first. */
  thread(threadId: string): GmailMessage[] {
    return this.gmail.thread(threadId);
  }

  /** The refresh token stops working (invalid_grant), as when access is removed. */
  revoke(refreshToken: string): void {
    this.oauth.revoke(refreshToken);
  }

  /** freeBusy answers for this calendar with an error (Google's reason), never busy times. */
  unreadable(calendarId: string, reason = 'notFound'): void {
    this.calendar.unreadable(calendarId, reason);
  }

  /** A busy block on a calendar, beside its events. */
  addBusy(calendarId: string, start: string | Date, end: string | Date): void {
    this.calendar.addBusy(calendarId, start, end);
  }

  /** An attendee answers the invitation, as they would in their own calendar. */
  respond(eventId: string, email: string, answer: ResponseStatus): void {
    this.calendar.respond(eventId, email, answer);
  }

  /** Live (not cancelled) events that invite this person. */
  eventsWith(email: string): FakeEvent[] {
    return this.calendar.eventsWith(email);
  }

  protected async handle(req: IncomingMessage): Promise<FakeReply> {
    const url = new URL(req.url ?? '/', 'http://x');
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    const form = (req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded');
    const body = form ? parseForm(raw) : raw ? (JSON.parse(raw) as Record<string, any>) : {};
    this.calls.push({ method, path: url.pathname });
    const verdict = this.hook(method, url.pathname);
    if (verdict !== 'respond') {
      return {
        status: verdict.status,
        headers: verdict.headers ?? {},
        body: verdict.body ?? { error: { code: verdict.status, message: 'fake' } },
      };
    }
    const path = url.pathname;
    if (method === 'GET' && path === '/o/oauth2/v2/auth') return this.oauth.authorize(url.searchParams);
    if (method === 'POST' && path === '/token') return this.oauth.token(body as Record<string, string>, req.headers);
    if (method === 'GET' && path === '/oauth2/v1/certs') {
      return { status: 200, headers: { 'cache-control': 'public, max-age=3600' }, body: googleCerts() };
    }
    const account = this.oauth.accountFor(req.headers.authorization) ?? this.mailbox;
    const context = {
      store: this.gmail,
      account,
      watches: this.watches,
      nextId: (kind: string) => this.next(kind),
      now: () => this.now(),
    };
    const answer =
      this.calendar.handle(method, path, url.searchParams, body) ??
      (await gmailRoute(context, method, path, url.searchParams, body));
    return (
      answer ?? {
        status: 404,
        body: { error: { code: 404, message: `fake google: ${method} ${path} not implemented` } },
      }
    );
  }

  private next(kind: string): string {
    return `${kind}${this.tag}${++this.seq}`;
  }
}
