import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

// Slack and Pub/Sub sign their bodies, so a body must be read before it can be trusted: an
// attacker can make us read as many as they can open connections. Two bounds: a request
// whose auth headers are missing, malformed or stale is refused from its headers alone (its
// body is never read and its connection is closed), and only so many bodies with plausible
// headers are read at once across all such routes; more are refused until one is done.

/** A count of bodies being read before their signature is checked, shared by every signed route. */
export class UnverifiedBodies {
  private count = 0;
  private highest = 0;

  constructor(readonly max: number) {}

  get inFlight(): number {
    return this.count;
  }

  /** The most ever read at once (for tests and a look at load). */
  get peak(): number {
    return this.highest;
  }

  /** Takes a place, or says no when all are taken; the release is idempotent. */
  enter(): (() => void) | undefined {
    if (this.count >= this.max) return undefined;
    this.count++;
    this.highest = Math.max(this.highest, this.count);
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      this.count--;
    };
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    unverifiedBodies: UnverifiedBodies;
  }
}

const releases = new WeakMap<FastifyRequest, () => void>();

/**
 * Adds the two bounds to the routes of one plugin. `checkHeaders` answers why the headers
 * cannot be those of a genuine request (or nothing): it runs before the body is read.
 */
export function guardUnverifiedBodies(
  app: FastifyInstance,
  { checkHeaders, what }: { checkHeaders: (req: FastifyRequest) => string | undefined; what: string },
): void {
  const refuse = (reply: FastifyReply, status: number, error: string) => {
    // Connection: close, and the socket ended once the answer is out: Node would otherwise read
    // (and throw away) the rest of the body for as long as the client cares to send it.
    const socket = reply.raw.socket;
    reply.raw.once('finish', () => {
      socket?.end();
      setTimeout(() => socket?.destroy(), 1000).unref();
    });
    return reply.code(status).header('connection', 'close').send({ error });
  };

  app.addHook('onRequest', async (req, reply) => {
    const problem = checkHeaders(req);
    if (problem) {
      req.log.warn({ reason: problem }, `refused a ${what} request from its headers`);
      return refuse(reply, 401, 'unauthorized');
    }
    const release = app.unverifiedBodies.enter();
    if (!release) {
      req.log.warn({ inFlight: app.unverifiedBodies.inFlight }, `too many unverified ${what} bodies at once`);
      reply.header('retry-after', '1');
      return refuse(reply, 503, 'busy');
    }
    releases.set(req, release);
    // The body is in (or the client went away): the place is free again.
    req.raw.once('close', release);
  });
  const done = async (req: FastifyRequest) => {
    releases.get(req)?.();
  };
  app.addHook('preHandler', done);
  app.addHook('onResponse', done);
  app.addHook('onRequestAbort', done);
}
