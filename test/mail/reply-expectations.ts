import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { htmlReplyText } from '../../src/mail/html-reply.js';
import { parseMessage } from '../../src/mail/parse-message.js';
import { visibleReply } from '../../src/mail/reply-text.js';
import { CORPUS } from '../setup/corpus.js';

// Runs one case of ../shared/corpus/email-replies/EXPECTED.json through our reply stripping
// and says whether each expectation holds. Upstream compares after CRLF→LF and right-strip
// per line; so do we.

const BASE = path.join(CORPUS, 'email-replies');
const norm = (s: string) =>
  s
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .trim();
const squash = (s: string) => s.replace(/\s+/g, '');

export type Case = { file: string; expect: Record<string, unknown>; note?: string; text?: string; label?: string };
export type Verdict = { file: string; checked: string[]; failed: string[]; got: string };

/** Expectations about a library's internal fragment model, not about the reply: hints only. */
const HINT_ONLY = new Set(['fragment_count', 'note_structure', 'last_fragment_is_signature']);

/**
 * The cases of EXPECTED.json, plus the fixtures it points to that carry their own expected
 * results: Discourse's trimmer pairs (emails/ → trimmed/) and the date quote-header variants
 * substituted into their template. crisp-oss's own EXPECTED.json asserts its internal fragment
 * model (counts, per-fragment flags), which is not ours to reproduce; it is not applied.
 */
export function loadCases(): Case[] {
  const cases = (JSON.parse(readFileSync(path.join(BASE, 'EXPECTED.json'), 'utf8')) as { cases: Case[] }).cases;
  const discourse = path.join(BASE, 'discourse-email_reply_trimmer');
  for (const file of readdirSync(path.join(discourse, 'emails')).sort()) {
    const trimmed = path.join(discourse, 'trimmed', file);
    if (existsSync(trimmed))
      cases.push({
        file: `discourse-email_reply_trimmer/emails/${file}`,
        expect: { visible_reply_trimmed_equals: readFileSync(trimmed, 'utf8') },
      });
  }
  const variants = JSON.parse(readFileSync(path.join(BASE, 'quote-header-variants.json'), 'utf8')) as {
    date_headers: {
      template_file: string;
      placeholder: string;
      expect: Record<string, unknown>;
      variants: Array<{ header: string }>;
    };
  };
  const template = readFileSync(path.join(BASE, variants.date_headers.template_file), 'utf8');
  for (const v of variants.date_headers.variants) {
    cases.push({
      file: variants.date_headers.template_file,
      text: template.replace(variants.date_headers.placeholder, v.header),
      label: `date header "${v.header}"`,
      expect: variants.date_headers.expect,
    });
  }
  return cases;
}

export async function judge(c: Case): Promise<Verdict> {
  const raw = c.text !== undefined ? Buffer.from(c.text) : readFileSync(path.join(BASE, c.file));
  const e = c.expect;
  const started = performance.now();
  const sender =
    typeof e.sender_file === 'string' ? readFileSync(path.join(BASE, e.sender_file), 'utf8').trim() : undefined;
  let got: string;
  if (c.file.endsWith('.html')) got = htmlReplyText(raw.toString('utf8'));
  else if (c.file.endsWith('.eml')) {
    const parsed = await parseMessage(raw);
    got =
      'plain_text_part_reply_equals' in e || !parsed.html
        ? visibleReply(parsed.text ?? '')
        : htmlReplyText(parsed.html);
  } else got = visibleReply(raw.toString('utf8'), sender ? { sender } : {});
  const seconds = (performance.now() - started) / 1000;
  const text = raw.toString('utf8');
  // What we hid: the raw text after the last line we kept (untrimmed: "-- " keeps its space).
  const rawLf = text.replace(/\r\n?/g, '\n');
  const lastKept = got.split('\n').at(-1) ?? '';
  const hidden =
    lastKept && rawLf.includes(lastKept)
      ? rawLf.slice(rawLf.indexOf(lastKept) + lastKept.length).replace(/^\n+/, '')
      : rawLf;

  const checks: Array<[string, boolean]> = [];
  const list = (v: unknown) => (Array.isArray(v) ? v : [v]) as string[];
  for (const [key, want] of Object.entries(e)) {
    if (HINT_ONLY.has(key) || key === 'sender_file') continue;
    switch (key) {
      case 'visible_reply_equals':
      case 'plain_text_part_reply_equals':
        checks.push([key, got === norm(String(want))]);
        break;
      case 'visible_reply_trimmed_equals':
        checks.push([key, got.trim() === String(want).trim()]);
        break;
      case 'html_reply_text_equals_ignoring_whitespace':
        checks.push([key, squash(got) === squash(String(want))]);
        break;
      case 'visible_reply_contains':
        checks.push([key, list(want).every((w) => got.includes(w))]);
        break;
      case 'visible_reply_not_contains':
        checks.push([key, list(want).every((w) => !got.includes(w))]);
        break;
      case 'visible_reply_regex':
        checks.push([key, new RegExp(String(want), 'm').test(got)]);
        break;
      case 'visible_reply_starts_with':
        checks.push([key, got.startsWith(String(want))]);
        break;
      case 'reply_nonempty':
        checks.push([key, got.length > 0]);
        break;
      case 'signature_equals':
        // The library's signature fragment: it must not be part of what we keep.
        checks.push([key, !got.includes(norm(String(want)))]);
        break;
      case 'signature_equals_after_strip': {
        // The reply we keep must be the body without that signature (none: the whole body).
        const body = norm(text);
        const signature = norm(String(want));
        checks.push([key, got === (signature ? norm(body.slice(0, body.lastIndexOf(signature))) : body)]);
        break;
      }
      case 'hidden_signature_starts_with':
        checks.push([key, hidden.includes(String(want))]);
        break;
      case 'hidden_signature_regex':
        checks.push([key, new RegExp(String(want), 'm').test(hidden)]);
        break;
      case 'quote_header_regex':
        checks.push([key, new RegExp(String(want), 'm').test(hidden)]);
        break;
      case 'quote_header_contains':
      case 'quoted_part_contains':
        checks.push([key, list(want).every((w) => hidden.includes(w))]);
        break;
      case 'quoted_part_regex':
        checks.push([key, new RegExp(String(want), 'm').test(hidden)]);
        break;
      case 'quoted_part_equals':
        checks.push([key, norm(hidden).includes(norm(String(want)))]);
        break;
      case 'max_parse_seconds':
        checks.push([key, seconds <= Number(want)]);
        break;
      default:
        checks.push([`unknown:${key}`, false]);
    }
  }
  return {
    file: c.label ? `${c.file} (${c.label})` : c.file,
    checked: checks.map(([k]) => k),
    failed: checks.filter(([, ok]) => !ok).map(([k]) => k),
    got,
  };
}
