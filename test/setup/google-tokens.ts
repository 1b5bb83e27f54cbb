import { createSign, generateKeyPairSync } from 'node:crypto';

/** A signing key of our own standing in for Google's, and tokens signed with it the way Google signs push tokens. */
export function fakeGoogleSigner(kid = 'test-key-1') {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
  return {
    /** What Google's PEM certificate endpoint answers. */
    certs: { [kid]: publicKey },
    token(claims: Record<string, unknown>, { key = privateKey }: { key?: string } = {}): string {
      const now = Math.floor(Date.now() / 1000);
      const body =
        `${b64({ alg: 'RS256', kid, typ: 'JWT' })}.` +
        `${b64({ iss: 'https://accounts.google.com', iat: now, exp: now + 3600, sub: '1234', ...claims })}`;
      return `${body}.${createSign('RSA-SHA256').update(body).sign(key).toString('base64url')}`;
    },
    otherKey: generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    }).privateKey,
  };
}
