import { randomUUID } from 'node:crypto';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import type { StatusDeps } from '../services/status/get-status.js';
import { BODY_LIMITS, DEFAULT_LIMITS, type HttpLimits } from './limits.js';
import { requireToken } from './ops-token.js';
import { healthRoutes } from './routes/health.js';
import { metricsRoute } from './routes/metrics.js';
import { statusRoutes } from './routes/status.js';
import { UnverifiedBodies } from './unverified-bodies.js';

export type ServerDeps = {
  log: Logger;
  metrics: Metrics;
  status: StatusDeps;
  /** A worker serves only /healthz, /readyz and /metrics (for its container healthcheck and scraping). */
  surface?: 'full' | 'ops';
  /** Routes from integrations (the Slack receiver …), each registered in its own encapsulated plugin. */
  plugins?: FastifyPluginAsync[];
  /** Timeouts and the bound on unverified bodies (config's HTTP_* settings); defaults otherwise. */
  limits?: HttpLimits;
  /** When set, the status page (/, /status.json) and /metrics need these tokens. */
  tokens?: { status?: string | undefined; metrics?: string | undefined };
};

/** Builds the web app; never listens (serve.ts does, tests use inject). */
export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const limits = deps.limits ?? DEFAULT_LIMITS;
  const app = Fastify({
    // A slow or silent client cannot hold a connection (and what it sent) for ever: the whole
    // request must arrive within requestTimeout, a silent socket is closed after idleTimeout.
    // Node checks those timeouts every connectionsCheckingInterval (30 s by default): often
    // enough here that a short timeout is kept to.
    http: {
      requestTimeout: limits.requestTimeoutMs,
      headersTimeout: Math.min(limits.requestTimeoutMs, 60_000),
      connectionsCheckingInterval: Math.max(50, Math.min(30_000, Math.floor(limits.requestTimeoutMs / 4))),
    },
    requestTimeout: limits.requestTimeoutMs,
    connectionTimeout: limits.idleTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    // Routes that take a body say how much (BODY_LIMITS); the rest take next to nothing.
    bodyLimit: BODY_LIMITS.default,
    loggerInstance: deps.log.child({ component: 'http' }) as FastifyBaseLogger,
    // Fastify's own per-request lines are off: the onResponse hook below logs one line without
    // the URL's query (it can carry an OAuth code) and skips health checks.
    logController: new LogController({ disableRequestLogging: true }),
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    trustProxy: true,
  });

  app.decorate('unverifiedBodies', new UnverifiedBodies(limits.maxUnverifiedBodies));
  requireToken(app, { paths: ['/metrics'], token: deps.tokens?.metrics });
  requireToken(app, { paths: ['/', '/status.json'], token: deps.tokens?.status });

  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    deps.metrics.httpDuration.observe(
      { method: req.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    if (route !== '/healthz' && route !== '/metrics') {
      req.log.info(
        { method: req.method, route, status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
        'request',
      );
    }
  });

  // One place that turns errors into responses: AppErrors say what happened, anything else hides its details.
  app.setErrorHandler((err, req, reply) => {
    if (err instanceof AppError) {
      req.log.warn({ code: err.code, err: err.message }, 'request refused');
      return reply.status(err.httpStatus).send({ error: err.code, message: err.userMessage });
    }
    const status = (err as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) {
      req.log.error({ err }, 'request failed');
      return reply
        .status(500)
        .send({ error: 'INTERNAL', message: 'Something went wrong on our side.', requestId: req.id });
    }
    return reply.status(status).send({ error: 'BAD_REQUEST', message: (err as Error).message });
  });

  await app.register(healthRoutes, { status: deps.status });
  await app.register(metricsRoute, { metrics: deps.metrics });
  if (deps.surface !== 'ops') {
    await app.register(statusRoutes, { status: deps.status });
    for (const plugin of deps.plugins ?? []) await app.register(plugin);
  }
  return app;
}
