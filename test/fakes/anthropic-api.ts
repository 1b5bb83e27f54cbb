import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LocalFake, readBody, type FakeReply } from './local-server.js';

/** One scripted answer: tool calls, a JSON answer (structured output), plain text, or an HTTP error. */
export type Scripted =
  | { tools: Array<{ name: string; input: unknown }>; text?: string }
  | { json: unknown }
  | { text: string }
  | { status: number; headers?: Record<string, string>; body?: unknown };

export type ScriptStep = Scripted | ((request: MessagesRequest) => Scripted);

export type MessagesRequest = {
  model: string;
  system?: Array<{ type: 'text'; text: string; cache_control?: unknown }>;
  tools?: Array<{ name: string; cache_control?: unknown }>;
  messages: Array<{ role: string; content: string | Array<Record<string, unknown>> }>;
  output_config?: unknown;
};

// Anthropic's minimum cacheable prompt per model (platform docs, prompt caching).
const MIN_CACHEABLE = (model: string) => (model.includes('haiku') ? 4096 : 1024);
const tokens = (value: unknown) => Math.ceil(JSON.stringify(value).length / 4);

/**
 * A local stand-in for the Messages API (POST /v1/messages), answering from two scripts: one
 * for structured-output calls (reading replies) and one for tool-using calls (the agent). Usage
 * follows Anthropic's prompt caching: prefixes end at cache breakpoints, a later request reads
 * the longest prefix it shares with one written in the last five minutes (checked at every
 * block boundary), writes up to its last breakpoint, and pays full price for the rest. Tokens
 * are counted as characters / 4.
 */
export class FakeAnthropic extends LocalFake {
  readonly requests: Array<{ body: MessagesRequest; usage?: Record<string, number> }> = [];
  readonly agentScript: ScriptStep[] = [];
  readonly readingScript: ScriptStep[] = [];
  /** Answers when a script is empty: a policy that decides from the request itself (repeatable after a crash). */
  agentResponder: ((request: MessagesRequest) => Scripted) | undefined;
  readingResponder: ((request: MessagesRequest) => Scripted) | undefined;
  private readonly cache = new Map<string, number>();
  private seq = 0;
  /**
   * Record mode: forward every request to a real Messages API (`url`, `apiKey`) and keep its
   * answers in the scripts' format, so a live conversation becomes a replayable scenario.
   */
  upstream: { url: string; apiKey: string } | undefined;
  readonly recorded: { agent: Scripted[]; reading: Scripted[] } = { agent: [], reading: [] };
  /** The clock for cache expiry (the harness moves it). */
  now: () => number = () => Date.now();
  /** When set, a request with another x-api-key is refused with 401, as a revoked key would be. */
  apiKey: string | undefined;
  /** What GET /v1/models lists (the status page probes it with limit=1). */
  models: Array<{ id: string; display_name: string; created_at: string }> = [
    { id: 'claude-sonnet-5-5', display_name: 'Claude Sonnet 5.5', created_at: '2026-01-01T00:00:00Z' },
    { id: 'claude-haiku-4-5', display_name: 'Claude Haiku 4.5', created_at: '2025-10-01T00:00:00Z' },
  ];

  get url(): string {
    return this.origin;
  }

  protected async handle(req: IncomingMessage): Promise<FakeReply> {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (this.apiKey && req.headers['x-api-key'] !== this.apiKey) {
      const error = { type: 'authentication_error', message: 'invalid x-api-key' };
      return { status: 401, body: { type: 'error', error } };
    }
    if (req.method === 'GET' && path.startsWith('/v1/models')) return this.listModels(path, req.url ?? '');
    const raw = await readBody(req);
    // An empty or non-JSON body is the client's bug: say so, as Anthropic does, rather than throw.
    const body = parseJson(raw) as MessagesRequest | undefined;
    if (!body) {
      const error = { type: 'invalid_request_error', message: `fake: ${req.method} ${path} has no JSON body` };
      return { status: 400, body: { type: 'error', error } };
    }
    const entry: { body: MessagesRequest; usage?: Record<string, number> } = { body };
    this.requests.push(entry);
    if (this.upstream) return this.forward(body, entry);
    const script = body.output_config ? this.readingScript : this.agentScript;
    const next = script.shift() ?? (body.output_config ? this.readingResponder : this.agentResponder);
    if (!next)
      return {
        status: 500,
        body: {
          type: 'error',
          error: {
            type: 'api_error',
            message: `fake: no scripted answer left for ${body.output_config ? 'a reading' : 'the agent'}`,
          },
        },
      };
    const answer = typeof next === 'function' ? next(body) : next;
    if ('status' in answer)
      return {
        status: answer.status,
        headers: answer.headers ?? {},
        body: answer.body ?? { type: 'error', error: { type: 'rate_limit_error', message: 'fake' } },
      };
    const usage = this.usage(body);
    const content =
      'tools' in answer
        ? [
            ...(answer.text ? [{ type: 'text', text: answer.text }] : []),
            ...answer.tools.map((t) => ({
              type: 'tool_use',
              id: `toolu_${String(++this.seq).padStart(6, '0')}`,
              name: t.name,
              input: t.input,
            })),
          ]
        : [{ type: 'text', text: 'json' in answer ? JSON.stringify(answer.json) : answer.text }];
    const output = { ...usage, output_tokens: tokens(content) };
    entry.usage = output;
    return {
      status: 200,
      body: {
        id: `msg_${++this.seq}`,
        type: 'message',
        role: 'assistant',
        model: body.model,
        content,
        stop_reason: 'tools' in answer ? 'tool_use' : 'end_turn',
        stop_sequence: null,
        usage: output,
      },
    };
  }

  private async forward(body: MessagesRequest, entry: { usage?: Record<string, number> }): Promise<FakeReply> {
    const response = await fetch(`${this.upstream!.url.replace(/\/$/, '')}/v1/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-api-key': this.upstream!.apiKey,
        'anthropic-version': '2023-06-01',
      },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as {
      content?: Array<{ type: string; text?: string; name?: string; input?: unknown }>;
      usage?: Record<string, number>;
    };
    if (response.ok && answer.content) {
      entry.usage = answer.usage;
      const uses = answer.content.filter((c) => c.type === 'tool_use').map((c) => ({ name: c.name!, input: c.input }));
      const text = answer.content.flatMap((c) => (c.type === 'text' ? [c.text!] : [])).join('');
      if (body.output_config) this.recorded.reading.push({ json: JSON.parse(text || 'null') as unknown });
      else this.recorded.agent.push(uses.length ? { tools: uses, ...(text ? { text } : {}) } : { text });
    }
    return { status: response.status, body: answer };
  }

  /** Cache reads, writes and uncached input for a request, as Anthropic would count them. */
  private usage(body: MessagesRequest) {
    const blocks: Array<{ value: unknown; breakpoint: boolean }> = [
      ...(body.tools ?? []).map((t) => ({ value: t, breakpoint: !!t.cache_control })),
      ...(body.system ?? []).map((s) => ({ value: s, breakpoint: !!s.cache_control })),
      ...body.messages.flatMap(
        (m): Array<{ value: unknown; breakpoint: boolean }> =>
          typeof m.content === 'string'
            ? [{ value: m.content, breakpoint: false }]
            : m.content.map((c) => ({
                value: { role: m.role, ...c, cache_control: undefined },
                breakpoint: !!c.cache_control,
              })),
      ),
    ];
    const hash = createHash('sha256').update(body.model);
    let total = 0;
    const boundaries = blocks.map((b) => {
      hash.update(JSON.stringify(b.value));
      total += tokens(b.value);
      return { key: hash.copy().digest('hex'), tokens: total, breakpoint: b.breakpoint };
    });
    const now = this.now();
    const min = MIN_CACHEABLE(body.model);
    let read = 0;
    for (let i = boundaries.length - 1; i >= 0; i--) {
      const expires = this.cache.get(boundaries[i]!.key);
      if (expires && expires > now) {
        read = boundaries[i]!.tokens;
        break;
      }
    }
    const lastBreakpoint = boundaries.findLastIndex((b) => b.breakpoint);
    let written = 0;
    if (lastBreakpoint >= 0 && boundaries[lastBreakpoint]!.tokens >= min) {
      for (const b of boundaries.slice(0, lastBreakpoint + 1))
        if (b.breakpoint || b === boundaries[lastBreakpoint]) this.cache.set(b.key, now + 5 * 60_000);
      for (const b of boundaries) if (b.tokens <= read) this.cache.set(b.key, now + 5 * 60_000);
      written = Math.max(0, boundaries[lastBreakpoint]!.tokens - read);
    }
    if (read < min) read = 0;
    const input = total - read - written;
    return { input_tokens: Math.max(0, input), cache_read_input_tokens: read, cache_creation_input_tokens: written };
  }

  /** GET /v1/models (a page of `models`, in order) or /v1/models/{id}. */
  private listModels(path: string, url: string): FakeReply {
    const model = (m: (typeof this.models)[number]) => ({ type: 'model', ...m });
    const id = /^\/v1\/models\/([^/]+)$/.exec(path)?.[1];
    if (id) {
      const found = this.models.find((m) => m.id === decodeURIComponent(id));
      if (found) return { status: 200, body: model(found) };
      return { status: 404, body: { type: 'error', error: { type: 'not_found_error', message: `model: ${id}` } } };
    }
    const limit = Number(new URL(url, 'http://x').searchParams.get('limit') ?? 20) || 20;
    const data = this.models.slice(0, limit).map(model);
    const page = { data, has_more: this.models.length > limit };
    return { status: 200, body: { ...page, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null } };
  }

  /** Totals over every answered request. */
  totals(): { calls: number; input: number; cacheRead: number; cacheWrite: number; output: number } {
    const t = { calls: 0, input: 0, cacheRead: 0, cacheWrite: 0, output: 0 };
    for (const { usage } of this.requests) {
      if (!usage) continue;
      t.calls++;
      t.input += usage.input_tokens!;
      t.cacheRead += usage.cache_read_input_tokens!;
      t.cacheWrite += usage.cache_creation_input_tokens!;
      t.output += usage.output_tokens!;
    }
    return t;
  }
}

function parseJson(raw: string): unknown {
  if (!raw) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
