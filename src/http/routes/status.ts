import type { FastifyPluginAsync } from 'fastify';
import { getStatus, type StatusDeps } from '../../services/status/get-status.js';
import { renderStatusPage } from '../views/status-page.js';

/** The status page at / (HTML) and the same facts as JSON at /status.json. */
export const statusRoutes: FastifyPluginAsync<{ status: StatusDeps }> = async (app, { status }) => {
  app.get('/status.json', async () => getStatus(status));
  app.get('/', async (_req, reply) => {
    const s = await getStatus(status);
    return reply.type('text/html; charset=utf-8').send(renderStatusPage(s, { publicUrl: status.config.http.publicUrl }));
  });
};
