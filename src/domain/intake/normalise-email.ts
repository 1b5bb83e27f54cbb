// One person, one candidate: addresses are compared in a normal form. Case never matters in
// practice (RFC 5321 allows case-sensitive local parts; no real mailbox uses that), "+tags"
// are the same mailbox at every large provider, and Gmail ignores dots in the local part.

const DOTLESS_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

export function normaliseEmail(address: string): string {
  const trimmed = address.trim().toLowerCase();
  const at = trimmed.lastIndexOf('@');
  if (at <= 0) return trimmed;
  let local = trimmed.slice(0, at).split('+')[0]!;
  let domain = trimmed.slice(at + 1);
  if (domain === 'googlemail.com') domain = 'gmail.com';
  if (DOTLESS_DOMAINS.has(domain)) local = local.replaceAll('.', '');
  return `${local}@${domain}`;
}

/** The +tag of an address at the given mailbox ("jobs+backend@x.com" → "backend"), if any. */
export function plusTag(address: string, mailbox: string): string | undefined {
  const [local, domain] = address.trim().toLowerCase().split('@');
  const [boxLocal, boxDomain] = mailbox.trim().toLowerCase().split('@');
  if (!local || domain !== boxDomain) return undefined;
  const [base, tag] = local.split('+');
  return base === boxLocal && tag ? tag : undefined;
}
