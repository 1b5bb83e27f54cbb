import { timingSafeEqual } from 'node:crypto';

// The one-time code that makes the first admin. Crockford's base32 without I, L, O and U, so
// it reads aloud and types back without confusion; 8 characters are 40 bits, and a code is
// replaced after a few wrong tries (see services/team/first-admin.ts), so guessing is hopeless.

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CLAIM_CODE_LENGTH = 8;

/** A code from random bytes (one per character), shown as two groups: "K7QM-2XHD". */
export function formatClaimCode(random: Uint8Array): string {
  if (random.length < CLAIM_CODE_LENGTH) throw new Error(`a claim code needs ${CLAIM_CODE_LENGTH} random bytes`);
  const chars = Array.from(random.subarray(0, CLAIM_CODE_LENGTH), (b) => ALPHABET[b % ALPHABET.length]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/** A code as typed: case, spaces and dashes do not matter, and the letters people confuse map back. */
export function normaliseClaimCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
}

/** Whether a typed code is the stored one, compared in constant time. */
export function isClaimCode(typed: string, stored: string): boolean {
  const a = Buffer.from(normaliseClaimCode(typed));
  const b = Buffer.from(normaliseClaimCode(stored));
  return a.length === b.length && timingSafeEqual(a, b);
}
