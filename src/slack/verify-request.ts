import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack allows a request this far from our clock, in either direction. */
export const MAX_SKEW_SECONDS = 5 * 60;

export type Verdict = { ok: true } | { ok: false; reason: string };

/**
 * Slack's v0 request signature over the raw body: 'v0=' + hex(HMAC-SHA256(secret,
 * 'v0:' + timestamp + ':' + body)). Refuses timestamps more than five minutes away in
 * either direction (Bolt's own check lets future timestamps through, which would let a
 * captured request be replayed later). `now` is passed in: no clock here.
 */
export function verifySlackRequest({
  signingSecret,
  timestamp,
  signature,
  rawBody,
  nowSeconds,
}: {
  signingSecret: string;
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: string;
  nowSeconds: number;
}): Verdict {
  if (!timestamp || !signature) return { ok: false, reason: 'missing signature headers' };
  if (!/^\d+$/.test(timestamp)) return { ok: false, reason: 'malformed timestamp' };
  if (Math.abs(nowSeconds - Number(timestamp)) > MAX_SKEW_SECONDS)
    return { ok: false, reason: 'stale or future timestamp' };
  const [version, hash] = signature.split('=', 2);
  if (version !== 'v0' || !hash || !/^[0-9a-f]{64}$/.test(hash)) return { ok: false, reason: 'malformed signature' };
  const expected = createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest();
  return timingSafeEqual(expected, Buffer.from(hash, 'hex'))
    ? { ok: true }
    : { ok: false, reason: 'signature mismatch' };
}
