import { randomUUID } from 'node:crypto';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import type { StatusDeps } from '../services/status/get-status.js';
import { healthRoutes } from './routes/health.js';
import { metricsRoute } from './routes/metrics.js';
import { statusRoutes } from './routes/status.js';

export type ServerDeps = {
  log: Logger;
  metrics: Metrics;
  status: StatusDeps;
  /** A worker serves only /healthz, /readyz and /metrics (for its container healthcheck and scraping). */
  surface?: 'full' | 'ops';
  /** Routes from integrations (the Slack receiver …), each registered in its own encapsulated plugin. */
  plugins?: FastifyPluginAsync[];
};

/** Builds the web app; never listens (serve.ts does, tests use inject). */
export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.log.child({ component: 'http' }) as FastifyBaseLogger,
    // Fastify's own per-request lines are off: the onResponse hook below logs one line without
    // the URL's query (it can carry an OAuth code) and skips health checks.
    logController: new LogController({ disableRequestLogging: true }),
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    trustProxy: true,
  });

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
