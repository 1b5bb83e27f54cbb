import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import type { FastifyPluginAsync } from 'fastify';
import { BODY_LIMITS } from '../http/limits.js';
import { guardUnverifiedBodies } from '../http/unverified-bodies.js';
import type { Logger } from '../logger.js';
import {
  parseSlackBody,
  responseUrlOrigins,
  responseUrlsAllowed,
  slackHeaderProblem,
  slackRetry,
  type TSlackBody,
} from './slack-request.js';
import { verifySlackRequest } from './verify-request.js';

export type FastifyReceiverOptions = {
  signingSecret: string;
  log: Logger;
  /** Seconds since the epoch; passed in so tests can sign with a fixed clock. */
  nowSeconds?: () => number;
  /** Records an Events API delivery; false when it was taken in before (a Slack retry). */
  firstDelivery: (eventId: string) => Promise<boolean>;
  /** Reply this long after a request if no listener has acked (Slack gives up at 3 s). */
  ackTimeoutMs?: number;
  /** The configured Slack API URL: replies go only to response_urls on Slack's host (or this one's, in tests). */
  apiUrl?: string;
};

type Reply = { status: number; body?: unknown };

/**
 * Serves Slack's Events API, slash commands, interactivity and options requests from our
 * Fastify server and hands them to Bolt. Refuses requests whose signature headers cannot be
 * Slack's before reading their body, verifies the signature over the raw body, parses the
 * payload (slack-request.ts: 400 for anything not shaped like Slack's, or whose response_url
 * is not on Slack), answers ssl_check and url_verification itself, and drops Events API
 * retries it has already taken in. The HTTP reply goes out as soon as a listener acks; listeners ack first and
 * leave real work to jobs. Never call Bolt's app.start(): Fastify owns the port.
 */
export class FastifyReceiver implements Receiver {
  private app: App | undefined;

  private readonly replyOrigins: string[];

  constructor(private readonly options: FastifyReceiverOptions) {
    this.replyOrigins = responseUrlOrigins(options.apiUrl ?? 'https://slack.com/api/');
  }

  private nowSeconds(): number {
    return (this.options.nowSeconds ?? (() => Math.floor(Date.now() / 1000)))();
  }

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  /** Register on the server. Content-type parsers are encapsulated in this plugin only. */
  readonly plugin: FastifyPluginAsync = async (fastify) => {
    // Before a byte of the body is read: the signature headers must be there, well formed and fresh.
    guardUnverifiedBodies(fastify, {
      what: 'Slack',
      checkHeaders: (req) => slackHeaderProblem(req.headers, this.nowSeconds()),
    });
    fastify.removeAllContentTypeParsers();
    fastify.addContentTypeParser('*', { parseAs: 'string', bodyLimit: BODY_LIMITS.slack }, (_req, body, done) =>
      done(null, body),
    );
    fastify.post('/slack/events', { bodyLimit: BODY_LIMITS.slack }, async (req, reply) => {
      const result = await this.handle(String(req.body ?? ''), req.headers as Record<string, string | undefined>);
      if (result.body === undefined) return reply.status(result.status).send();
      if (typeof result.body === 'string') return reply.status(result.status).type('text/plain').send(result.body);
      return reply.status(result.status).send(result.body);
    });
  };

  private async handle(rawBody: string, headers: Record<string, string | undefined>): Promise<Reply> {
    const { log } = this.options;
    const verdict = verifySlackRequest({
      signingSecret: this.options.signingSecret,
      timestamp: headers['x-slack-request-timestamp'],
      signature: headers['x-slack-signature'],
      rawBody,
      nowSeconds: this.nowSeconds(),
    });
    if (!verdict.ok) {
      log.warn({ reason: verdict.reason }, 'refused an unsigned or stale Slack request');
      return { status: 401, body: { error: 'invalid_signature' } };
    }

    const parsed = parseSlackBody(rawBody, headers['content-type'] ?? '');
    if (!parsed.ok) {
      log.warn('refused a signed Slack request whose body is not a Slack payload');
      return { status: 400, body: { error: 'invalid_payload' } };
    }
    const body = parsed.body;
    if (!responseUrlsAllowed(body, this.replyOrigins)) {
      log.warn('refused a signed Slack request whose response_url is not on Slack');
      return { status: 400, body: { error: 'invalid_response_url' } };
    }
    if (body.ssl_check) return { status: 200 };
    if (body.type === 'url_verification') return { status: 200, body: { challenge: body.challenge } };
    if (
      body.type === 'event_callback' &&
      typeof body.event_id === 'string' &&
      !(await this.options.firstDelivery(body.event_id))
    ) {
      log.info(
        { eventId: body.event_id, retry: headers['x-slack-retry-num'] },
        'Slack retried a delivery we already have; acked, not processed',
      );
      return { status: 200 };
    }
    return this.dispatch(body, headers);
  }

  private dispatch(body: TSlackBody, headers: Record<string, string | undefined>): Promise<Reply> {
    return new Promise((resolve) => {
      let settled = false;
      const settle = (reply: Reply) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(reply);
      };
      // No listener acked in time (none matched, or it threw first): answer anyway so Slack
      // does not show a timeout; the listener's error handler tells the user what happened.
      const timer = setTimeout(() => settle({ status: 200 }), this.options.ackTimeoutMs ?? 2500);
      const event: ReceiverEvent = {
        body,
        ack: async (response?: unknown) =>
          settle({ status: 200, body: response === undefined || response === '' ? undefined : response }),
        ...slackRetry(headers),
      };
      // Bolt resolves once every matching listener has finished: if none acked by then, none will
      // (no listener matched: an unknown action, a shape we do not handle), so the answer goes now.
      this.app!.processEvent(event).then(
        () => settle({ status: 200 }),
        (err: unknown) => {
          this.options.log.error({ err }, 'Slack listener failed');
          settle({ status: 200 });
        },
      );
    });
  }
}
