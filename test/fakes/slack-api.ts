import type { IncomingMessage } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { LocalFake, readBody, readBytes, type FakeReply } from './local-server.js';
import { parseBody } from './slack-wire.js';
import { imChannelOf, isUserId, slackUserInfo, type FakeSlackUser } from './slack-users.js';
import { FakeViews, type FakeView } from './slack-views.js';

export type FakeMessage = {
  channel: string;
  ts: string;
  text: string;
  blocks?: unknown[];
  thread_ts?: string;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  /** Files shared with the message (files.completeUploadExternal). */
  files?: Array<{ id: string; name: string; title: string; mimetype: string }>;
};

/** A file uploaded through Slack's external upload flow, with its bytes once POSTed. */
export type FakeFile = {
  id: string;
  filename: string;
  length: number;
  altText?: string;
  bytes?: Buffer;
  title?: string;
  /** Where it was shared (completeUploadExternal with a channel), and the message that shares it. */
  channel?: string;
  ts?: string;
  completed: boolean;
};

export type FakeChannel = { id: string; name: string; created: number; members: string[]; isPrivate?: boolean };
type ChannelSpec = { id: string; name: string; isPrivate?: boolean; member?: boolean };

type Hook = (
  method: string,
  args: Record<string, unknown>,
) => 'respond' | 'hang' | { status: number; headers?: Record<string, string>; body?: unknown };

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
  /** Users for users.info, by id (addUser fills one in). */
  readonly users = new Map<string, FakeSlackUser>();
  /** The workspace every user belongs to (users.info's team_id). */
  teamId = 'T0TEAM';
  /**
   * When on, a post to a user id lands in that user's IM channel (`D` + user id) and is
   * answered with it, as Slack does. Off by default: older tests look for DMs under the user
   * id. dmsTo() and messagesIn() find a user's DMs either way.
   */
  imChannels = false;
  /** chat.postEphemeral calls, in order. */
  readonly ephemerals: Array<{ channel: string; user: string; text: string; blocks?: unknown[] }> = [];
  private readonly viewStore = new FakeViews(
    () => String(++this.seq),
    () => this.teamId,
  );
  /** Files by id, from files.getUploadURLExternal on (the upload URL is served by this fake). */
  readonly files = new Map<string, FakeFile>();
  /** Every modal opened or pushed, its latest version after views.update. */
  readonly views: FakeView[] = this.viewStore.views;
  /** Each user's latest published Home tab view. */
  readonly homes: Map<string, Record<string, unknown>> = this.viewStore.homes;
  /** Runs after the call is recorded (and its effect applied) but before the answer. */
  hook: Hook = () => 'respond';
  /** Channels by name, as conversations.create made them (or a test put them there). */
  readonly channels = new Map<string, FakeChannel>();
  /** Channels Justin is not in (any other is answered as one it is in), and whether each is private. */
  readonly outside = new Map<string, { isPrivate: boolean }>();
  /** The WebSocket URL apps.connections.open hands out (Socket Mode; see slack-socket.ts). */
  socketModeUrl: string | undefined;
  private seq = 0;

  get url(): string {
    return `${this.origin}/api/`;
  }

  /** A person in the workspace, as users.info answers for them (email in their profile). */
  addUser(id: string, { name, email, tz = 'UTC' }: { name: string; email?: string; tz?: string }): this {
    this.users.set(id, { real_name: name, tz, ...(email ? { email } : {}) });
    return this;
  }

  /** A channel conversations.info answers by name; `member: false` means Justin is not in it. */
  addChannel({ id, name, isPrivate = false, member = true }: ChannelSpec): this {
    this.channels.set(name, { id, name, created: Math.floor(Date.now() / 1000), members: [], isPrivate });
    if (member) this.outside.delete(id);
    else this.outside.set(id, { isPrivate });
    return this;
  }

  /** Messages Justin sent a user directly (their IM, or the user id when imChannels is off), in order. */
  dmsTo(userId: string): FakeMessage[] {
    return this.messagesIn(userId);
  }

  /** A channel's messages in post order; with `thread`, that thread's parent and replies. */
  messagesIn(channel: string, { thread }: { thread?: string } = {}): FakeMessage[] {
    const ids = isUserId(channel) ? [channel, imChannelOf(channel)] : [channel];
    const inThread = (m: FakeMessage) => !thread || m.ts === thread || m.thread_ts === thread;
    return this.messages.filter((m) => ids.includes(m.channel) && inThread(m));
  }

  /** Files shared to a channel, in the order they were shared. */
  filesIn(channel: string): FakeFile[] {
    return [...this.files.values()].filter((f) => f.completed && f.channel === channel);
  }

  /** The first message that matches. */
  find(predicate: (message: FakeMessage) => boolean): FakeMessage | undefined {
    return this.messages.find(predicate);
  }

  /** The person submitted or dismissed the modal (Slack tells the app; the fake only marks it). */
  closeView(id: string): void {
    const view = this.views.find((v) => v.id === id);
    if (view) view.closed = true;
  }

  /** Where a post to `channel` lands: a user id means their IM when imChannels is on. */
  private route(channel: unknown): string {
    const id = String(channel);
    return this.imChannels && isUserId(id) ? imChannelOf(id) : id;
  }

  // Real Slack ts values are the post time in seconds with a per-channel suffix.
  private nextTs(): string {
    return `${Math.floor(Date.now() / 1000)}.${String(++this.seq).padStart(6, '0')}`;
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
    if (path.startsWith('/upload/')) return this.upload(path.slice('/upload/'.length), await readBytes(req));
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
    if (verdict !== 'respond')
      return {
        status: verdict.status,
        headers: verdict.headers ?? {},
        body: verdict.body ?? { ok: false, error: 'fake' },
      };
    return { status: 200, body: result };
  }

  /** The upload URL files.getUploadURLExternal hands out: takes the bytes, as Slack's does. */
  private upload(id: string, bytes: Buffer): FakeReply {
    const file = this.files.get(id);
    if (!file) return { status: 404, body: { ok: false, error: 'unknown upload' } };
    if (bytes.length !== file.length) return { status: 400, body: { ok: false, error: 'length mismatch' } };
    this.calls.push({ method: 'upload', args: { id, length: bytes.length } });
    file.bytes = bytes;
    return { status: 200, body: { ok: true } };
  }

  private apply(method: string, args: Record<string, unknown>): unknown {
    switch (method) {
      case 'files.getUploadURLExternal': {
        const id = `F0FILE${++this.seq}`;
        const length = Number(args.length);
        if (!args.filename || !Number.isInteger(length) || length <= 0)
          return { ok: false, error: 'invalid_arguments' };
        this.files.set(id, {
          id,
          filename: String(args.filename),
          length,
          ...(args.alt_text ? { altText: String(args.alt_text) } : {}),
          completed: false,
        });
        return { ok: true, upload_url: `${this.origin}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal': {
        const wanted = (Array.isArray(args.files) ? args.files : []) as Array<{ id: string; title?: string }>;
        const files = wanted.map((w) => this.files.get(w.id));
        if (!files.length || files.some((f) => !f?.bytes)) return { ok: false, error: 'file_not_found' };
        if (files.some((f) => f!.completed)) return { ok: false, error: 'file_already_completed' };
        const shared = files.map((f, i) => {
          f!.completed = true;
          f!.title = wanted[i]!.title ?? f!.filename;
          return { id: f!.id, name: f!.filename, title: f!.title, mimetype: 'image/png' };
        });
        if (args.channel_id) {
          const ts = this.nextTs();
          const message: FakeMessage = {
            channel: this.route(args.channel_id),
            ts,
            text: String(args.initial_comment ?? ''),
            files: shared,
          };
          if (args.thread_ts) message.thread_ts = String(args.thread_ts);
          this.messages.push(message);
          for (const f of files) Object.assign(f!, { channel: message.channel, ts });
        }
        return { ok: true, files: shared.map(({ id, title }) => ({ id, title })) };
      }
      case 'auth.test':
        return {
          ok: true,
          team: 'Fake Team',
          team_id: this.teamId,
          user: 'justin',
          user_id: 'U0JUSTIN',
          bot_id: 'B0JUSTIN',
        };
      case 'chat.postMessage': {
        const ts = this.nextTs();
        const message: FakeMessage = { channel: this.route(args.channel), ts, text: String(args.text ?? '') };
        if (args.thread_ts) message.thread_ts = String(args.thread_ts);
        if (Array.isArray(args.blocks)) message.blocks = args.blocks;
        if (args.metadata) message.metadata = args.metadata as FakeMessage['metadata'];
        this.messages.push(message);
        return { ok: true, channel: message.channel, ts, message };
      }
      case 'chat.update': {
        const channel = this.route(args.channel);
        const message = this.messages.find((m) => m.channel === channel && m.ts === args.ts);
        if (!message) return { ok: false, error: 'message_not_found' };
        message.text = String(args.text ?? '');
        if (Array.isArray(args.blocks)) message.blocks = args.blocks;
        if (args.metadata) message.metadata = args.metadata as FakeMessage['metadata'];
        return { ok: true, channel: message.channel, ts: message.ts };
      }
      case 'chat.postEphemeral': {
        const ephemeral = { channel: String(args.channel), user: String(args.user), text: String(args.text ?? '') };
        this.ephemerals.push(Array.isArray(args.blocks) ? { ...ephemeral, blocks: args.blocks } : ephemeral);
        return { ok: true, message_ts: this.nextTs() };
      }
      case 'users.info': {
        const user = this.users.get(String(args.user));
        if (!user) return { ok: false, error: 'user_not_found' };
        return { ok: true, user: slackUserInfo(String(args.user), user, this.teamId) };
      }
      case 'views.open':
      case 'views.push':
      case 'views.update':
      case 'views.publish':
        return this.viewStore.apply(method, args);
      case 'conversations.open': {
        const user = String(args.users ?? '').split(',')[0] ?? '';
        if (!isUserId(user)) return { ok: false, error: 'user_not_found' };
        return { ok: true, channel: { id: imChannelOf(user) } };
      }
      case 'conversations.history':
      case 'conversations.replies': {
        const oldest = Number(args.oldest ?? 0);
        const inThread = method === 'conversations.replies';
        const channel = this.route(args.channel);
        const inScope = (m: FakeMessage) => (inThread ? m.thread_ts === args.ts || m.ts === args.ts : !m.thread_ts);
        const found = this.messages.filter((m) => m.channel === channel && Number(m.ts) >= oldest && inScope(m));
        const withMeta = args.include_all_metadata === true || args.include_all_metadata === 'true';
        return {
          ok: true,
          messages: found.map((m) => (withMeta ? m : { ...m, metadata: undefined })).reverse(),
          has_more: false,
        };
      }
      case 'conversations.create': {
        const name = String(args.name);
        if (this.channels.has(name)) return { ok: false, error: 'name_taken' };
        const channel = {
          id: `C0NEW${++this.seq}`,
          name,
          created: Math.floor(Date.now() / 1000),
          members: [] as string[],
        };
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
        const known = [...this.channels.values()].find((c) => c.id === id);
        const isPrivate = known?.isPrivate ?? out?.isPrivate ?? false;
        const name = known?.name ?? id.toLowerCase();
        return { ok: true, channel: { id, name, is_member: !out, is_private: isPrivate, is_archived: false } };
      }
      case 'conversations.join': {
        const id = String(args.channel);
        if (this.outside.get(id)?.isPrivate) return { ok: false, error: 'method_not_supported_for_channel_type' };
        this.outside.delete(id);
        return { ok: true, channel: { id } };
      }
      case 'conversations.list': {
        // The service lists public channels; a private one shows only when asked for.
        const privateToo = String(args.types ?? '').includes('private_channel');
        const channels = [...this.channels.values()].filter((c) => privateToo || !c.isPrivate);
        return { ok: true, channels, response_metadata: { next_cursor: '' } };
      }
      case 'apps.connections.open':
        return this.socketModeUrl
          ? { ok: true, url: this.socketModeUrl }
          : { ok: false, error: 'not_allowed_token_type' };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}
