import { createRequire } from 'node:module';
import { LinkifyIt } from 'linkify-it';

// Links and addresses in an email, as a mail client would find (and make clickable) them: with
// or without a scheme ("evil.example/verify?session=…"), ftp://, IP addresses, Unicode hosts.
// linkify-it knows bare domains only for the TLDs it is given: the whole IANA list (the `tlds`
// package), plus the reserved names that are not in it but that a client may still link.

const IANA_TLDS = createRequire(import.meta.url)('tlds') as string[];
const RESERVED_TLDS = ['example', 'test', 'invalid', 'localhost', 'local', 'internal', 'onion', 'lan', 'home'];

const linkify = new LinkifyIt({ fuzzyLink: true, fuzzyIP: true, fuzzyEmail: true })
  .tlds(IANA_TLDS)
  .tlds(RESERVED_TLDS, true);

// Any "scheme://…" linkify-it does not know (hxxp://, gopher://), and scripts and data URLs.
const OTHER_SCHEME = /\b[a-z][a-z0-9+.-]{1,20}:\/\/[^\s<>"']+|\b(?:javascript|data|vbscript|file):[^\s<>"']+/gi;

// An address whose local part or domain has letters of any script ("аda@example.org" with a
// Cyrillic а): linkify-it's fuzzy email wants a word boundary it does not see there.
const ANY_SCRIPT_ADDRESS = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

export type FoundLink = { kind: 'link' | 'address'; raw: string; url: string; schema: string };

/** Every link and email address linkify-it (or the scheme fallback) finds in `text`. */
export function findLinks(text: string): FoundLink[] {
  const found: FoundLink[] = [];
  for (const m of linkify.match(text) ?? []) {
    if (m.schema === 'mailto:')
      found.push({ kind: 'address', raw: m.raw.replace(/^mailto:/i, ''), url: m.url, schema: 'mailto:' });
    else found.push({ kind: 'link', raw: m.raw, url: m.url, schema: m.schema.toLowerCase() });
  }
  for (const raw of text.match(OTHER_SCHEME) ?? []) {
    if (!found.some((f) => f.raw.includes(raw) || raw.includes(f.raw)))
      found.push({ kind: 'link', raw, url: raw, schema: raw.slice(0, raw.indexOf(':') + 1).toLowerCase() });
  }
  for (const raw of text.match(ANY_SCRIPT_ADDRESS) ?? []) {
    const address = raw.replace(/[.-]+$/, '');
    if (!found.some((f) => f.kind === 'address' && f.raw === address))
      found.push({ kind: 'address', raw: address, url: `mailto:${address}`, schema: 'mailto:' });
  }
  return found;
}

/**
 * A link reduced to what makes it the same place: web links (with or without a scheme) as
 * host + path + query, lower-case host, no trailing slash. Any other scheme keeps it, so
 * ftp://meet.google.com/x is not our Meet link.
 */
export function linkKey(url: string): string {
  const web = /^(?:https?:)?\/\//i.test(url) || !/^[a-z][a-z0-9+.-]*:/i.test(url);
  const withScheme = web && !/^https?:/i.test(url) ? `https://${url.replace(/^\/\//, '')}` : url;
  try {
    const u = new URL(withScheme);
    const host = u.hostname.toLowerCase().replace(/^www\./, '');
    const rest = `${u.pathname.replace(/\/+$/, '')}${u.search}`;
    return web ? `web:${host}${rest}` : `${u.protocol}${host}${rest}`;
  } catch {
    return `raw:${url.toLowerCase()}`;
  }
}
