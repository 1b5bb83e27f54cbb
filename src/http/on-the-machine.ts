import type { FastifyRequest } from 'fastify';

/** Headers a proxy, tunnel or load balancer adds: a request carrying any came from elsewhere. */
const FORWARDING_HEADERS = [
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'forwarded',
  'x-real-ip',
  'via',
  'cf-connecting-ip',
  'true-client-ip',
];
const LOOPBACK_PEERS = ['127.0.0.1', '::1', '::ffff:127.0.0.1'];
const LOOPBACK_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/i;

/**
 * Whether a request comes from a browser on the machine Justin runs on, and not through a
 * proxy on that machine: a loopback peer, a loopback Host (a proxy usually passes the public
 * one on; a DNS-rebound page cannot send it), no forwarding header (most proxies add one), and
 * HTTP/1.1 or later (nginx's plain proxy_pass, which adds no header and may pass Host
 * 127.0.0.1, speaks HTTP/1.0 to its upstream by default). Heuristic, so what it guards must
 * be worth little on its own: the claim code also needs a Slack account in the workspace.
 */
export function onTheMachine(req: FastifyRequest): boolean {
  if (FORWARDING_HEADERS.some((h) => req.headers[h] !== undefined)) return false;
  if (!LOOPBACK_PEERS.includes(req.socket.remoteAddress ?? '')) return false;
  if (!LOOPBACK_HOST.test(req.headers.host ?? '')) return false;
  return req.raw.httpVersionMajor > 1 || req.raw.httpVersionMinor >= 1;
}
