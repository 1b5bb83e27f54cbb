import { describe, expect, it } from 'vitest';
import { signedHeaders } from '../setup/slack.js';
import { AUDIENCE, PUSHER, useEdgeService } from './support/edge-service.js';

// The HTTP edge as an attacker meets it: requests refused from their headers before their
// bodies are read, every query string, header and payload parsed (4xx, never 500), replies
// only to Slack, tokens kept out of the logs, and the ops pages behind their tokens.
const METRICS_TOKEN = 'metrics-token-0123456789';
const STATUS_TOKEN = 'status-token-0123456789';
const edge = useEdgeService({ env: { METRICS_TOKEN, STATUS_TOKEN } });

const slack = (payload: string, headers: Record<string, string>) =>
  edge.justin.server.inject({ method: 'POST', url: '/slack/events', payload, headers });
const signed = (payload: string, contentType?: string) =>
  slack(payload, signedHeaders(payload, contentType ? { contentType } : {}));
const form = (payload: unknown) => new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
const json = (value: unknown) => [JSON.stringify(value), 'application/json'] as const;

describe('Slack requests are refused from their headers, before the body is read', () => {
  const big = 'x'.repeat(2 * 1024 * 1024); // over the Slack route's 1 MB: a read body would answer 413
  const now = Math.floor(Date.now() / 1000);
  it.each([
    ['no signature headers', {}],
    ['a malformed signature', { 'x-slack-request-timestamp': String(now), 'x-slack-signature': 'v0=zz' }],
    ['a stale timestamp', signedHeaders(big, { at: now - 3600 })],
    ['a timestamp from the future', signedHeaders(big, { at: now + 3600 })],
    ['a non-numeric timestamp', { 'x-slack-request-timestamp': '1e9', 'x-slack-signature': `v0=${'a'.repeat(64)}` }],
  ])('%s: 401, connection closed', async (_label, headers) => {
    const res = await slack(big, headers as Record<string, string>);
    expect(res.statusCode).toBe(401);
    expect(res.headers.connection).toBe('close');
  });

  it('a well-formed but wrong signature is still checked over the body: 401', async () => {
    const res = await slack('a=b', { ...signedHeaders('a=b'), 'x-slack-signature': `v0=${'0'.repeat(64)}` });
    expect(res.statusCode).toBe(401);
  });
});

describe('signed Slack payloads that are not Slack payloads get a 400, never a 500', () => {
  it.each([
    ['payload=null', form(null)],
    ['payload=[]', form([])],
    ['payload="text"', form('text')],
    ['payload that is not JSON', 'payload=%7Bnot-json'],
    ['a repeated payload field', `${form({ type: 'block_actions' })}&${form({ type: 'shortcut' })}`],
    ['an event with a 500 KB event_id', ...json({ type: 'event_callback', event_id: 'E'.repeat(500_000), event: {} })],
    ['an event_id of the wrong type', ...json({ type: 'event_callback', event_id: 42, event: { type: 'x' } })],
    ['an event_callback without event', ...json({ type: 'event_callback', event_id: 'Ev1' })],
    ['a JSON array', ...json([{ type: 'event_callback' }])],
    ['JSON null', ...json(null)],
    ['a 10 KB type', ...json({ type: 't'.repeat(10_000) })],
    ['actions that are not a list', form({ type: 'block_actions', actions: 'click' })],
    ['a user id of 100 KB', form({ type: 'block_actions', user: { id: `U${'A'.repeat(100_000)}` } })],
  ] as Array<[string, string, string?]>)('%s', async (_label, payload, contentType) => {
    const res = await signed(payload, contentType);
    expect(res.statusCode).toBe(400);
  });

  it('a url_verification challenge is answered; a missing one too, without a 500', async () => {
    expect((await signed(...json({ type: 'url_verification', challenge: 'c1' }))).json()).toEqual({ challenge: 'c1' });
    expect((await signed(...json({ type: 'url_verification' }))).statusCode).toBe(200);
  });
});

describe('signed payloads no listener takes are acknowledged at once', () => {
  it.each([
    [
      'an unknown action_id',
      form({
        type: 'block_actions',
        user: { id: 'U0ADMIN' },
        team: { id: 'T0TEAM' },
        actions: [{ action_id: 'nobody_listens', block_id: 'b', type: 'button', value: 'v' }],
        response_url: 'https://hooks.slack.com/actions/T0TEAM/1/x',
        trigger_id: '1.2.3',
      }),
    ],
    [
      'an unknown action_id clicked in GovSlack (its replies on hooks.slack-gov.com)',
      form({
        type: 'block_actions',
        user: { id: 'U0ADMIN' },
        team: { id: 'T0TEAM' },
        actions: [{ action_id: 'nobody_listens', block_id: 'b', type: 'button', value: 'v' }],
        response_url: 'https://hooks.slack-gov.com/actions/T0TEAM/1/x',
        trigger_id: '1.2.3',
      }),
    ],
    [
      'a view submission for a view nobody listens to',
      form({
        type: 'view_submission',
        user: { id: 'U0ADMIN' },
        team: { id: 'T0TEAM' },
        view: { id: 'V1', callback_id: 'nobody_listens', state: { values: {} } },
      }),
    ],
    ['an event nobody subscribed to', json({ type: 'event_callback', event_id: 'Ev0NOBODY', event: { type: 'x' } })[0]],
  ])('%s: 200 well before the 2.5 s fallback', async (_label, payload) => {
    const started = Date.now();
    const res = await signed(payload, payload.startsWith('{') ? 'application/json' : undefined);
    expect(res.statusCode).toBe(200);
    expect(Date.now() - started).toBeLessThan(1500);
  });
});

describe('signed payloads our listeners could not act on are refused', () => {
  it.each([
    ['a view submission with no state', { type: 'view_submission', view: { id: 'V1', callback_id: 'role_submit' } }],
    ['a click on a message with no response_url', { type: 'block_actions', actions: [{ action_id: 'card_reject' }] }],
  ])('%s: 400', async (_label, payload) => {
    const res = await signed(form({ user: { id: 'U0ADMIN' }, team: { id: 'T0TEAM' }, ...payload }));
    expect(res.statusCode).toBe(400);
  });
});

describe('replies go only to Slack', () => {
  it.each([
    'http://169.254.169.254/latest/meta-data/',
    'https://evil.example/hook',
    'https://hooks.slack.com.evil.example/x',
    'https://hooks.slack-gov.com.evil.example/x',
    'http://hooks.slack-gov.com/x',
    'https://user@hooks.slack.com/x',
    'not a url',
  ])('a response_url of %s is refused', async (url) => {
    const res = await signed(
      form({
        type: 'block_actions',
        user: { id: 'U0ADMIN' },
        actions: [{ action_id: 'nobody_listens' }],
        response_url: url,
      }),
    );
    expect(res.statusCode).toBe(400);
  });
});

describe('the OAuth routes parse their query strings', () => {
  it.each([
    '/google/callback?state=a&state=b',
    '/google/callback?state=a&state=b&code=c',
    '/google/callback?code=x',
    `/google/callback?state=${'s'.repeat(10_000)}`,
    '/google/connect?link=a&link=b',
    '/google/connect',
    '/google/connect?link[]=a',
  ])('%s: 400', async (url) => {
    const res = await edge.justin.server.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toContain('INTERNAL');
  });

  it('an unsigned state is still 403', async () => {
    expect(
      (await edge.justin.server.inject({ method: 'GET', url: '/google/callback?state=a&code=b' })).statusCode,
    ).toBe(403);
  });
});

describe('Gmail push', () => {
  const push = (authorization: string | undefined, payload: unknown = { message: { data: 'e30=' } }) =>
    edge.justin.server.inject({
      method: 'POST',
      url: '/gmail/push',
      payload: payload as object,
      headers: authorization ? { authorization } : {},
    });

  it.each([
    ['no Authorization', undefined],
    ['not a bearer', 'Basic dXNlcjpwYXNz'],
    ['a bearer that is not a JWT', 'Bearer hello'],
    ['a 100 KB bearer', `Bearer ${'a'.repeat(40_000)}.${'b'.repeat(40_000)}.${'c'.repeat(20_000)}`],
  ])('%s: 401 before the body is read', async (_label, authorization) => {
    const res = await push(authorization, { junk: 'x'.repeat(200_000) }); // over the route's 64 KB
    expect(res.statusCode).toBe(401);
  });

  it('logs no part of an attacker’s token, expired or not', async () => {
    const tokens = [
      edge.signer.token({ aud: AUDIENCE, email: PUSHER, email_verified: true, iat: 1_600_000_000, exp: 1_600_003_600 }),
      edge.signer.token({ aud: 'https://evil.example', email: 'attacker@evil.example', email_verified: true }),
      edge.signer.token({ aud: AUDIENCE, email: PUSHER }, { key: edge.signer.otherKey }),
    ];
    for (const token of tokens) expect((await push(`Bearer ${token}`)).statusCode).toBe(401);
    const logged = JSON.stringify(edge.logs);
    for (const token of tokens) {
      for (const part of token.split('.')) expect(logged).not.toContain(part.slice(0, 40));
    }
    expect(logged).not.toContain('attacker@evil.example');
    expect(logged).toContain('gmail push refused');
  });
});

describe('the ops pages need their tokens when set', () => {
  const get = (url: string, headers: Record<string, string> = {}) =>
    edge.justin.server.inject({ method: 'GET', url, headers });

  it.each([
    ['/metrics', METRICS_TOKEN],
    ['/', STATUS_TOKEN],
    ['/status.json', STATUS_TOKEN],
  ])('%s: 401 without, with a wrong one or the other page’s; 200 with its own', async (path, token) => {
    expect((await get(path)).statusCode).toBe(401);
    expect((await get(path, { authorization: 'Bearer wrong-token-0123456789' })).statusCode).toBe(401);
    const other = token === METRICS_TOKEN ? STATUS_TOKEN : METRICS_TOKEN;
    expect((await get(path, { authorization: `Bearer ${other}` })).statusCode).toBe(401);
    expect((await get(`${path}?token=a&token=b`)).statusCode).toBe(401);
    expect((await get(path, { authorization: `Bearer ${token}` })).statusCode).toBe(200);
    expect((await get(`${path}?token=${token}`)).statusCode).toBe(200);
  });

  // The router decodes a path before matching it: a check on the raw URL would let these through.
  it.each(['/%6Detrics', '/metric%73', '/status%2Ejson', '/%73tatus.json'])('%s: 401 without a token', async (url) => {
    expect((await get(url)).statusCode).toBe(401);
  });

  it('health checks stay open for load balancers', async () => {
    expect((await get('/healthz')).statusCode).toBe(200);
  });
});

describe('the server’s limits', () => {
  it('sets request, idle and keep-alive timeouts from the configuration', () => {
    const server = edge.justin.server.server;
    expect(server.requestTimeout).toBe(10_000);
    expect(server.keepAliveTimeout).toBe(72_000);
    expect(server.timeout).toBe(30_000);
    expect(server.headersTimeout).toBeLessThanOrEqual(10_000);
  });

  it('takes at most a small body on routes without their own limit', async () => {
    const res = await edge.justin.server.inject({
      method: 'POST',
      url: '/healthz',
      payload: { x: 'y'.repeat(100_000) },
    });
    expect([404, 413]).toContain(res.statusCode);
  });
});
