// An address is taken only when the whole string is one: `someone@example.com` is an address,
// `Ada <ada@example.com` or `s omeone@example.com` or `ada@example` is not, and nothing is cut
// out of a longer string. The local part is RFC 5322's dot-atom (quoted local parts are legal but
// no applicant has one); the domain needs a dot and labels of letters, digits and inner hyphens.

const LOCAL = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*";
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const DOMAIN = `${LABEL}(?:\\.${LABEL})+`;
const WHOLE = new RegExp(`^${LOCAL}@${DOMAIN}$`);

/** The address if `value` (angle brackets and a mailto: allowed around it) is exactly one, else undefined. */
export function wholeAddress(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const trimmed = value
    .trim()
    .replace(/^<(.*)>$/, '$1')
    .replace(/^mailto:/i, '')
    .trim();
  return trimmed.length <= 254 && WHOLE.test(trimmed) ? trimmed : undefined;
}
