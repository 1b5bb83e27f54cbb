import { simpleParser } from 'mailparser';
import type { FakeReply } from './local-server.js';
import { NOT_FOUND, type GmailMessage, type GmailStore } from './gmail-mailbox.js';

export type GmailWatch = { topicName: string; labelIds: string[]; labelFilterBehavior?: string; expiration: number };

export type GmailContext = {
  store: GmailStore;
  /** Who the caller is: the account its bearer token was issued for, else the mailbox. */
  account: string;
  watches: GmailWatch[];
  nextId: (kind: string) => string;
  now: () => number;
};

const WEEK_MS = 7 * 24 * 3600_000;
const UNIT_MS: Record<string, number> = { d: 86_400_000, m: 30 * 86_400_000, y: 365 * 86_400_000 };
const PREFIX = '/gmail/v1/users/me';

/** Gmail v1 for one mailbox, as googleapis calls it; undefined when the path is not Gmail's. */
export async function gmailRoute(
  ctx: GmailContext,
  method: string,
  path: string,
  query: URLSearchParams,
  body: Record<string, any>,
): Promise<FakeReply | undefined> {
  if (!path.startsWith(`${PREFIX}/`)) return undefined;
  const route = `${method} ${path.slice(PREFIX.length)}`;
  const { store } = ctx;
  if (route === 'GET /profile') {
    const threads = new Set([...store.messages.values()].map((m) => m.threadId)).size;
    const profile = { emailAddress: ctx.account, messagesTotal: store.messages.size, threadsTotal: threads };
    return { status: 200, body: { ...profile, historyId: String(store.historyId) } };
  }
  if (route === 'GET /messages') return { status: 200, body: listMessages(ctx, query) };
  const get = /^GET \/messages\/([^/]+)$/.exec(route);
  if (get) {
    const message = store.messages.get(decodeURIComponent(get[1]!));
    return message ? { status: 200, body: messageResource(message, query.get('format') ?? 'full') } : NOT_FOUND;
  }
  if (route === 'GET /history') return history(store, query);
  if (route === 'POST /watch') {
    if (!body.topicName) return badRequest('Invalid topicName does not match projects/{project}/topics/{topic}');
    const expiration = ctx.now() + WEEK_MS;
    ctx.watches.push({
      topicName: body.topicName,
      labelIds: body.labelIds ?? [],
      labelFilterBehavior: body.labelFilterBehavior,
      expiration,
    });
    return { status: 200, body: { historyId: String(store.historyId), expiration: String(expiration) } };
  }
  if (route === 'POST /stop') return { status: 204 };
  if (route === 'POST /drafts') {
    const id = ctx.nextId('r');
    const threadId: string = body.message?.threadId ?? ctx.nextId('t');
    store.drafts.set(id, { id, raw: body.message.raw, threadId });
    return { status: 200, body: { id, message: { id: ctx.nextId('m'), threadId, labelIds: ['DRAFT'] } } };
  }
  if (route === 'POST /drafts/send') return store.sendDraft(body.id);
  if (route === 'GET /drafts') return { status: 200, body: await listDrafts(store, query) };
  return undefined;
}

/** messages.list: `rfc822msgid:`, `in:<label>` and `newer_than:` in q, and labelIds; newest first. */
function listMessages(ctx: GmailContext, query: URLSearchParams) {
  const q = query.get('q') ?? '';
  const wanted = /rfc822msgid:(\S+)/.exec(q)?.[1]?.replace(/^<|>$/g, '');
  const named = [...q.matchAll(/\bin:(\w+)/g)].map((m) => m[1]!.toUpperCase()).filter((l) => l !== 'ANYWHERE');
  const labels = [...query.getAll('labelIds'), ...named];
  const newer = /newer_than:(\d+)([dmy])/.exec(q);
  const since = newer ? ctx.now() - Number(newer[1]) * UNIT_MS[newer[2]!]! : -Infinity;
  const found = [...ctx.store.messages.values()]
    .filter(
      (m) =>
        (!wanted || m.messageId === wanted) && labels.every((l) => m.labelIds.includes(l)) && m.internalDate > since,
    )
    .reverse();
  const page = paginate(found, query, 100);
  if (!page.items.length) return { resultSizeEstimate: 0 };
  const messages = page.items.map((m) => ({ id: m.id, threadId: m.threadId }));
  return { messages, resultSizeEstimate: found.length, ...(page.next ? { nextPageToken: page.next } : {}) };
}

function history(store: GmailStore, query: URLSearchParams): FakeReply {
  const start = Number(query.get('startHistoryId'));
  if (!query.get('startHistoryId') || !Number.isFinite(start)) return badRequest('Invalid startHistoryId');
  const types = query.getAll('historyTypes');
  const added = store.historySince(start, query.get('labelId') ?? undefined);
  if (!added) return NOT_FOUND; // Google's answer for a historyId older than it keeps
  const kept = types.length && !types.includes('messageAdded') ? [] : added;
  const page = paginate(kept, query, 100);
  const records = page.items.map((m) => ({
    id: String(m.historyId),
    messages: [{ id: m.id, threadId: m.threadId }],
    messagesAdded: [{ message: { id: m.id, threadId: m.threadId, labelIds: m.labelIds } }],
  }));
  const answer = { ...(records.length ? { history: records } : {}), historyId: String(store.historyId) };
  return { status: 200, body: page.next ? { ...answer, nextPageToken: page.next } : answer };
}

function messageResource(m: GmailMessage, format: string) {
  const base = {
    id: m.id,
    threadId: m.threadId,
    labelIds: m.labelIds,
    historyId: String(m.historyId),
    internalDate: String(m.internalDate),
    sizeEstimate: m.raw.length,
  };
  return format === 'raw' ? { ...base, raw: m.raw.toString('base64url') } : base;
}

async function listDrafts(store: GmailStore, query: URLSearchParams) {
  const wanted = /rfc822msgid:(\S+)/.exec(query.get('q') ?? '')?.[1]?.replace(/^<|>$/g, '');
  const found = [];
  for (const d of store.drafts.values()) {
    const mail = await simpleParser(Buffer.from(d.raw, 'base64url'));
    if (!wanted || (mail.messageId ?? '').replace(/^<|>$/g, '') === wanted) {
      found.push({ id: d.id, message: { id: d.id, threadId: d.threadId } });
    }
  }
  return found.length ? { drafts: found } : { resultSizeEstimate: 0 };
}

/** Gmail's page tokens are opaque; here, the offset of the next page. */
function paginate<T>(items: T[], query: URLSearchParams, byDefault: number): { items: T[]; next?: string } {
  const size = Math.min(Number(query.get('maxResults') ?? byDefault) || byDefault, 500);
  const offset = Number(query.get('pageToken') ?? 0) || 0;
  const next = offset + size < items.length ? String(offset + size) : undefined;
  return { items: items.slice(offset, offset + size), ...(next ? { next } : {}) };
}

function badRequest(message: string): FakeReply {
  return {
    status: 400,
    body: { error: { code: 400, message, errors: [{ message, domain: 'global', reason: 'invalidArgument' }] } },
  };
}
