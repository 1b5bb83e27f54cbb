import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { onTheMachine } from '../../src/http/on-the-machine.js';
import { useJustin } from '../setup/app.js';
import { slackAppEnv } from '../setup/slack.js';

const request = ({
  peer = '127.0.0.1',
  host = 'localhost:3000',
  minor = 1,
  headers = {} as Record<string, string>,
} = {}) =>
  ({
    headers: { host, ...headers },
    socket: { remoteAddress: peer },
    raw: { httpVersionMajor: 1, httpVersionMinor: minor },
  }) as unknown as FastifyRequest;

describe('a request from the machine itself', () => {
  it.each([
    ['a browser on the machine', request(), true],
    ['over IPv6 loopback', request({ peer: '::1', host: '[::1]:3000' }), true],
    ['from another machine', request({ peer: '203.0.113.7' }), false],
    ['through a proxy that says so', request({ headers: { 'x-forwarded-for': '203.0.113.7' } }), false],
    ['through a tunnel', request({ headers: { 'cf-connecting-ip': '203.0.113.7' } }), false],
    ['through a proxy that passes the public host', request({ host: 'justin.example.com' }), false],
    [
      "through nginx's plain proxy_pass (HTTP/1.0, Host 127.0.0.1)",
      request({ host: '127.0.0.1:3000', minor: 0 }),
      false,
    ],
    ['from a page rebound to 127.0.0.1 by DNS', request({ host: 'evil.example:3000' }), false],
  ])('%s: %s', (_what, req, local) => {
    expect(onTheMachine(req)).toBe(local);
  });
});

// No SLACK_ADMINS: nobody is admin yet, so the page would show the claim code.
const app = useJustin((databaseUrl) => {
  const env = slackAppEnv({ databaseUrl, ROLE: 'web' });
  delete (env as Record<string, string | undefined>).SLACK_ADMINS;
  return env;
});
const page = (headers: Record<string, string> = {}) =>
  app.justin.server.inject({ method: 'GET', url: '/', headers: { host: 'localhost:3000', ...headers } });

describe('the status page while Justin has no admin', () => {
  it('shows the claim code on the machine itself, and not through a proxy or the public host', async () => {
    expect((await page()).body).toMatch(/\/hire claim [0-9A-Z]{4}-[0-9A-Z]{4}/);
    expect((await page({ 'x-forwarded-for': '203.0.113.7' })).body).not.toMatch(/\/hire claim [0-9A-Z]{4}/);
    expect((await page({ host: 'justin.example.com' })).body).not.toMatch(/\/hire claim [0-9A-Z]{4}/);
    expect((await page({ host: 'justin.example.com' })).body).toMatch(/no admin yet[\s\S]*start log/);
    expect((await app.justin.server.inject({ method: 'GET', url: '/status.json' })).body).not.toMatch(/claim/i);
  });
});
