import { existsSync, readFileSync } from 'node:fs';
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifySlackRequest } from '../../src/slack/verify-request.js';

const VECTOR = new URL('../../../shared/corpus/slack/request-signing/slack-docs-signing-example.json', import.meta.url);
const hasCorpus = existsSync(VECTOR);

describe('verifySlackRequest', () => {
  it.skipIf(!hasCorpus)("accepts Slack's published example (needs ../shared/corpus; skipped without it)", () => {
    const v = JSON.parse(readFileSync(VECTOR, 'utf8'));
    const ts = v.headers['X-Slack-Request-Timestamp'];
    expect(
      verifySlackRequest({
        signingSecret: v.signing_secret,
        timestamp: ts,
        signature: v.headers['X-Slack-Signature'],
        rawBody: v.raw_body,
        nowSeconds: Number(ts) + 10,
      }),
    ).toEqual({ ok: true });
    expect(
      verifySlackRequest({
        signingSecret: v.signing_secret,
        timestamp: ts,
        signature: v.headers['X-Slack-Signature'],
        rawBody: `${v.raw_body}&x=1`,
        nowSeconds: Number(ts),
      }),
    ).toEqual({ ok: false, reason: 'signature mismatch' });
  });

  const secret = '0123456789abcdef0123456789abcdef';
  const sign = (ts: number, body: string) =>
    `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`;
  const now = 1_800_000_000;

  it.each([
    ['on time', 0, true],
    ['4m59s old', -299, true],
    ['5m01s old', -301, false],
    ['4m59s in the future', 299, true],
    ['5m01s in the future', 301, false],
  ])('timestamp %s', (_label, offset, ok) => {
    const ts = now + Number(offset);
    expect(
      verifySlackRequest({
        signingSecret: secret,
        timestamp: String(ts),
        signature: sign(ts, 'a=b'),
        rawBody: 'a=b',
        nowSeconds: now,
      }).ok,
    ).toBe(ok);
  });

  it.each([
    [undefined, 'v0=00', 'missing signature headers'],
    ['12x', 'v0=00', 'malformed timestamp'],
    [String(now), 'v1=' + 'a'.repeat(64), 'malformed signature'],
    [String(now), 'v0=zz', 'malformed signature'],
    [String(now), 'v0=' + 'a'.repeat(64), 'signature mismatch'],
  ])('refuses timestamp %s signature %s: %s', (timestamp, signature, reason) => {
    expect(verifySlackRequest({ signingSecret: secret, timestamp, signature, rawBody: '', nowSeconds: now })).toEqual({
      ok: false,
      reason,
    });
  });
});
