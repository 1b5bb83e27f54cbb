import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';

// The status page and /metrics say how Justin is set up and how busy it is: fine on the
// machine itself, not for the internet. With STATUS_TOKEN / METRICS_TOKEN set, each needs its
// token, as `Authorization: Bearer <token>` (what Prometheus sends with `authorization:`) or
// `?token=` (for a browser). Health checks stay open: a load balancer must reach them.

const ZTokenQuery = z.looseObject({ token: z.string().max(512).optional() });
const digest = (s: string) => createHash('sha256').update(s).digest();

/** Whether the request carries `token`, compared in constant time. */
export function carriesToken(req: FastifyRequest, token: string): boolean {
  const bearer = /^Bearer ([^\s,]{1,512})$/.exec(String(req.headers.authorization ?? ''))?.[1];
  const query = ZTokenQuery.safeParse(req.query);
  const given = bearer ?? (query.success ? query.data.token : undefined);
  // Hashes first: equal lengths for timingSafeEqual, and the token's length is not leaked either.
  return given !== undefined && timingSafeEqual(digest(given), digest(token));
}

/** Requires a token on the routes with the given paths, when one is configured. */
export function requireToken(app: FastifyInstance, { paths, token }: { paths: string[]; token: string | undefined }) {
  if (!token) return;
  app.addHook('onRequest', async (req, reply) => {
    // The route matched, not the raw URL: the router decodes the path first, so `/%6Detrics`
    // reaches /metrics while its URL names no protected path.
    const route = req.routeOptions.url;
    if (route === undefined || !paths.includes(route) || carriesToken(req, token)) return;
    return reply
      .code(401)
      .header('www-authenticate', 'Bearer')
      .send({ error: 'unauthorized', message: 'This page needs its token (Authorization: Bearer, or ?token=).' });
  });
}
