import type { IncomingMessage } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { LocalFake, readBody, type FakeReply } from './local-server.js';

export type FakeMessage = {
  channel: string;
  ts: string;
  text: string;
  blocks?: unknown[];
  thread_ts?: string;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
};

type Hook = (method: string, args: Record<string, unknown>) => 'respond' | 'hang' | { status: number; headers?: Record<string, string>; body?: unknown };

/**
 * A small, real HTTP stand-in for the Slack Web API: enough of chat.* and conversations.*
 * for the outbox, speaking the wire format @slack/web-api uses (form-encoded, JSON values
 * for nested fields). Point SLACK_API_URL (or the WebClient's slackApiUrl) at `url`.
 */
export class FakeSlackApi extends LocalFake {
  readonly messages: FakeMessage[] = [];
  readonly calls: { method: string; args: Record<string, unknown> }[] = [];
  /** What was POSTed to response_url-style paths (anything outside /api/): ephemeral replies. */
  readonly responses: { path: string; body: Record<string, unknown> }[] = [];
  /** Users for users.info, by id. */
  readonly users = new Map<string, { tz: string; real_name: string }>();
  /** Runs after the call is recorded (and its effect applied) but before the answer. */
  hook: Hook = () => 'respond';
  /** Channels by name, as conversations.create made them (or a test put them there). */
  readonly channels = new Map<string, { id: string; name: string; created: number; members: string[] }>();
  /** Channels Justin is not in (any other is answered as one it is in), and whether each is private. */
  readonly outside = new Map<string, { isPrivate: boolean }>();
  /** The WebSocket URL apps.connections.open hands out (Socket Mode; see slack-socket.ts). */
  socketModeUrl: string | undefined;
  private seq = 0;

  get url(): string {
    return `${this.origin}/api/`;
  }


  /** How long each call takes to answer, as Slack does from afar (0: at once). */
  answerAfterMs = 0;
  /** The most calls being answered at once so far. */
  mostInFlight = 0;
  private inFlight = 0;

  protected async handle(req: IncomingMessage): Promise<FakeReply> {
    this.mostInFlight = Math.max(this.mostInFlight, ++this.inFlight);
    try {
      const reply = await this.answer(req);
      if (this.answerAfterMs > 0) await sleep(this.answerAfterMs);
      return reply;
    } finally {
      this.inFlight--;
    }
  }

  private async answer(req: IncomingMessage): Promise<FakeReply> {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const args = parseBody(await readBody(req), req.headers['content-type'] ?? '');
    if (!path.startsWith('/api/')) {
      this.responses.push({ path, body: args });
      return { status: 200, body: { ok: true } };
    }
    const method = path.replace(/^\/api\//, '');
    this.calls.push({ method, args });
    const result = this.apply(method, args);
    const verdict = this.hook(method, args);
    if (verdict === 'hang') return { status: 0 };
    if (verdict !== 'respond') return { status: verdict.status, headers: verdict.headers ?? {}, body: verdict.body ?? { ok: false, error: 'fake' } };
    return { status: 200, body: result };
  }

  private apply(method: string, args: Record<string, unknown>): unknown {
    switch (method) {
      case 'auth.test':
        return { ok: true, team: 'Fake Team', user: 'justin', user_id: 'U0JUSTIN', bot_id: 'B0JUSTIN' };
      case 'chat.postMessage': {
        // Real Slack ts values are the post time in seconds with a per-channel suffix.
        const ts = `${Math.floor(Date.now() / 1000)}.${String(++this.seq).padStart(6, '0')}`;
        const message: FakeMessage = { channel: String(args.channel), ts, text: String(args.text ?? '') };
        if (args.thread_ts) message.thread_ts = String(args.thread_ts);
        if (Array.isArray(args.blocks)) message.blocks = args.blocks;
        if (args.metadata) message.metadata = args.metadata as FakeMessage['metadata'];
        this.messages.push(message);
        return { ok: true, channel: message.channel, ts, message };
      }
      case 'chat.update': {
        const message = this.messages.find((m) => m.channel === args.channel && m.ts === args.ts);
        if (!message) return { ok: false, error: 'message_not_found' };
        message.text = String(args.text ?? '');
        if (Array.isArray(args.blocks)) message.blocks = args.blocks;
        return { ok: true, channel: message.channel, ts: message.ts };
      }
      case 'users.info': {
        const user = this.users.get(String(args.user));
        return user ? { ok: true, user: { id: args.user, ...user, profile: { display_name: user.real_name } } } : { ok: false, error: 'user_not_found' };
      }
      case 'views.publish':
        return { ok: true, view: { id: `V${++this.seq}`, ...(args.view as object) } };
      case 'views.open':
        return { ok: true, view: { id: `V${++this.seq}`, ...(args.view as object) } };
      case 'conversations.history':
      case 'conversations.replies': {
        const oldest = Number(args.oldest ?? 0);
        const inThread = method === 'conversations.replies';
        const found = this.messages.filter(
          (m) => m.channel === args.channel && Number(m.ts) >= oldest && (inThread ? m.thread_ts === args.ts || m.ts === args.ts : !m.thread_ts),
        );
        const withMeta = args.include_all_metadata === true || args.include_all_metadata === 'true';
        return { ok: true, messages: found.map((m) => (withMeta ? m : { ...m, metadata: undefined })).reverse(), has_more: false };
      }
      case 'conversations.create': {
        const name = String(args.name);
        if (this.channels.has(name)) return { ok: false, error: 'name_taken' };
        const channel = { id: `C0NEW${++this.seq}`, name, created: Math.floor(Date.now() / 1000), members: [] as string[] };
        this.channels.set(name, channel);
        return { ok: true, channel };
      }
      case 'conversations.invite': {
        const channel = [...this.channels.values()].find((c) => c.id === args.channel);
        if (!channel) return { ok: false, error: 'channel_not_found' };
        const users = String(args.users).split(',');
        if (users.some((u) => u.startsWith('U0GONE'))) return { ok: false, error: 'user_is_restricted' };
        channel.members.push(...users);
        return { ok: true, channel };
      }
      case 'conversations.info': {
        const id = String(args.channel);
        const out = this.outside.get(id);
        return { ok: true, channel: { id, name: id.toLowerCase(), is_member: !out, is_private: out?.isPrivate ?? false, is_archived: false } };
      }
      case 'conversations.join': {
        const id = String(args.channel);
        if (this.outside.get(id)?.isPrivate) return { ok: false, error: 'method_not_supported_for_channel_type' };
        this.outside.delete(id);
        return { ok: true, channel: { id } };
      }
      case 'conversations.list':
        return { ok: true, channels: [...this.channels.values()], response_metadata: { next_cursor: '' } };
      case 'apps.connections.open':
        return this.socketModeUrl ? { ok: true, url: this.socketModeUrl } : { ok: false, error: 'not_allowed_token_type' };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}

function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.includes('application/json')) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = /^[[{]/.test(v) ? safeJson(v) : v;
  }
  return out;
}

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}
