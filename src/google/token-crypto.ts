import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// OAuth tokens at rest: AES-256-GCM with the app's ENCRYPTION_KEY (iv | tag | ciphertext).
// A tampered or wrongly-keyed blob fails to open instead of yielding garbage.

export function seal(key: Buffer, value: unknown): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function open<T>(key: Buffer, sealed: Buffer): T {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
  decipher.setAuthTag(sealed.subarray(12, 28));
  return JSON.parse(Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8')) as T;
}

/**
 * A short-lived signed token for the "connect Google" link an admin gets in Slack: the web
 * page has no login of its own, so the link is the authorisation (10 minutes, HMAC-signed).
 */
export function signLink(
  key: Buffer,
  { by, now = Date.now(), ttlMs = 10 * 60_000 }: { by: string; now?: number; ttlMs?: number },
): string {
  const body = Buffer.from(JSON.stringify({ by, exp: now + ttlMs })).toString('base64url');
  return `${body}.${createHmac('sha256', key).update(`link:${body}`).digest('base64url')}`;
}

export function verifyLink(key: Buffer, token: string, now = Date.now()): { by: string } | undefined {
  const [body, mac] = token.split('.');
  if (!body || !mac) return undefined;
  const expected = createHmac('sha256', key).update(`link:${body}`).digest();
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { by: string; exp: number };
  return claims.exp > now ? { by: claims.by } : undefined;
}
