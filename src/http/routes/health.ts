import type { FastifyPluginAsync } from 'fastify';
import { getStatus, type StatusDeps } from '../../services/status/get-status.js';

/** /healthz: the process is alive. /readyz: it can do its job (DB, migrations, queue). */
export const healthRoutes: FastifyPluginAsync<{ status: StatusDeps }> = async (app, { status }) => {
  app.get('/healthz', async () => ({ ok: true }));
  app.get('/readyz', async (_req, reply) => {
    const s = await getStatus(status, { deep: false });
    return reply
      .status(s.ready ? 200 : 503)
      .send({ ready: s.ready, database: s.database, migrations: s.migrations, queue: s.queue });
  });
};
