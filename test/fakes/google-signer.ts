import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';

// The fake's stand-in for Google's token-signing key. One per process, made on first use:
// an RSA key takes tens of milliseconds to generate, and most tests never sign anything.
const KID = 'fake-google-1';
let pair: { privateKey: KeyObject; publicPem: string } | undefined;

function keyPair() {
  if (!pair) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    pair = { privateKey, publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
  }
  return pair;
}

/**
 * What Google's PEM certificate endpoint (/oauth2/v1/certs) answers: key id → PEM.
 * google-auth-library's verifyIdToken takes a public-key PEM there as well as a certificate.
 */
export function googleCerts(): Record<string, string> {
  return { [KID]: keyPair().publicPem };
}

/** An OIDC ID token signed RS256 the way Google signs them; iat/exp are real time, as verifiers check. */
export function signGoogleIdToken(claims: Record<string, unknown>): string {
  const now = Math.floor(Date.now() / 1000);
  const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const header = b64({ alg: 'RS256', kid: KID, typ: 'JWT' });
  const payload = b64({ iss: 'https://accounts.google.com', iat: now, exp: now + 3600, ...claims });
  const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(keyPair().privateKey);
  return `${header}.${payload}.${signature.toString('base64url')}`;
}
