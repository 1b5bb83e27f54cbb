import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { htmlReplyText } from '../../src/mail/html-reply.js';
import { parseMessage } from '../../src/mail/parse-message.js';
import { visibleReply } from '../../src/mail/reply-text.js';
import { CORPUS } from '../setup/corpus.js';

// The reply-parser suites under ../shared/corpus/email-replies/<suite>/EXPECTED.json, each with
// its own upstream test restated as data ("checks" with an op and a value), run through our
// reply stripping. What an upstream call does beyond "the new text of the reply" is mapped as
// follows, and only as follows:
// - EdgeTier's cut_off_at_signature(include=True) keeps the sign-off and the name under it, and
//   include=False drops them; we keep the reply and drop the signature block, and a sign-off
//   line with the name under it may go either way. So a check is compared on both sides with
//   a trailing sign-off block (a sign-off line, then at most two short lines) removed, and a
//   check that is only a sign-off block asks that our text end where the input's text before
//   it ends. Its word_limit truncation is applied to our text too.
// - Upstream trims nothing; we trim the reply's ends, so expected values are compared trimmed.
// - crisp-oss's first fragment is its visible reply when the fixture has a quote (its own
//   signature rule is "-- " only: a first fragment that ends in a sign-off block is compared
//   as above). Checks about other fragments, counts and flags are the library's model: skipped.
// - extended_email_reply_parser returns HTML for HTML mail: its entities are decoded and a
//   check that is only a tag ("<div") is skipped; we return text.
// - alaveteli's "folded" text: the reply must not contain the quoted header or what follows.

export type SuiteCheck = { op: string; value: unknown; of?: string };
export type SuiteCase = { suite: string; input: string; call: string; checks: SuiteCheck[]; id: string };
export type SuiteVerdict = { id: string; suite: string; failed: string[]; got: string };

const BASE = path.join(CORPUS, 'email-replies');
export const SUITES = [
  'crisp-oss-email-reply-parser',
  'edgetier-email-reply-parser',
  'elixir_email_reply_parser',
  'extended_email_reply_parser',
  'edlio-emailreplyparser-java',
  'teamtailor-email_reply_parser',
  't2bot-node-email-reply-parser',
  'alaveteli',
] as const;

/** Sign-offs in the suites' languages, for comparing with and without them (our own list is in src/mail/). */
const SIGN_OFF_LINE = new RegExp(
  '^(kind regards|best regards|best wishes|all the best|regards|best|thanks|thank you|cheers|sincerely|yours|' +
    'mit freundlichen grüßen|' +
    'freundliche grüsse|viele grüße|liebe grüße|gruß|bien à vous|cordialement|cdt|au revoir|cumprimentos|' +
    'atenciosamente|adeus|do widzenia|pozdrawiam|z poważaniem|hyvästi|ystävällisin terveisin|saludos|' +
    'un saludo|atentamente|met vriendelijke groet(en)?|groeten|med vänlig hälsning|hälsningar|cordiali saluti|' +
    'distinti saluti|με εκτίμηση|με φιλικούς χαιρετισμούς|s pozdravem|üdvözlettel|cu stimă|مع التحية)[ ,.!]*$',
  'iu',
);

function withoutSignOff(text: string): string {
  const lines = text.trimEnd().split('\n');
  // The "-Name" habit (GitHub's fixtures) is a sign-off too.
  if (lines.length > 1 && /^[-–—]\s?\p{Lu}[\p{L}.'-]*( \p{Lu}[\p{L}.'-]*)?\s*$/u.test(lines.at(-1)!))
    return lines.slice(0, -1).join('\n').trimEnd();
  for (let i = Math.max(0, lines.length - 4); i < lines.length; i++) {
    const rest = lines.slice(i + 1).filter((l) => l.trim());
    if (SIGN_OFF_LINE.test(lines[i]!.trim()) && rest.length <= 2 && rest.every((l) => l.trim().length <= 40))
      return lines.slice(0, i).join('\n').trimEnd();
  }
  return text.trimEnd();
}

const lf = (s: string) => s.replace(/\r\n?/g, '\n');
const ENTITIES: Record<string, string> = {
  uuml: 'ü',
  auml: 'ä',
  ouml: 'ö',
  szlig: 'ß',
  Uuml: 'Ü',
  amp: '&',
  nbsp: ' ',
};
const decodeEntities = (s: string) => s.replace(/&(\w+);/g, (m, name: string) => ENTITIES[name] ?? m);

export function loadSuiteCases(): SuiteCase[] {
  const cases: SuiteCase[] = [];
  for (const suite of SUITES) {
    const file = path.join(BASE, suite, 'EXPECTED.json');
    if (!existsSync(file)) continue;
    const data = JSON.parse(readFileSync(file, 'utf8')) as { cases: Array<Record<string, unknown>> };
    data.cases.forEach((c, i) => {
      const input = String(c.input ?? `fixtures/${String(c.fixture)}`);
      const checks: SuiteCheck[] =
        suite === 'crisp-oss-email-reply-parser'
          ? crispChecks(c.checks as Array<Record<string, unknown>>)
          : suite === 'alaveteli'
            ? alaveteliChecks(c)
            : (c.checks as SuiteCheck[]);
      if (checks.length)
        cases.push({ suite, input, call: String(c.call ?? c.test ?? ''), checks, id: `${suite}/${input}#${i}` });
    });
  }
  return cases;
}

function crispChecks(checks: Array<Record<string, unknown>>): SuiteCheck[] {
  const out: SuiteCheck[] = [];
  for (const c of checks) {
    for (const key of [
      'first_fragment_trimmed_equals',
      'first_fragment_equals',
      'visible_text_equals',
      'visible_text_trimmed_equals',
    ])
      if (key in c) out.push({ op: 'equals', value: c[key] });
  }
  return out;
}

function alaveteliChecks(c: Record<string, unknown>): SuiteCheck[] {
  const out: SuiteCheck[] = [{ op: 'folded', value: c.input }];
  if (typeof c.folded_text_not_contains === 'string')
    out.push({ op: 'not_contains', value: c.folded_text_not_contains });
  return out;
}

async function ourReply(file: string): Promise<{ got: string; input: string }> {
  const raw = readFileSync(file);
  if (file.endsWith('.eml')) {
    const parsed = await parseMessage(raw);
    const input = parsed.text ?? parsed.html ?? '';
    const sender = parsed.from ? `${parsed.from.name} <${parsed.from.address}>` : undefined;
    return { got: parsed.text ? visibleReply(parsed.text, { sender }) : htmlReplyText(parsed.html ?? ''), input };
  }
  const text = raw.toString('utf8');
  return { got: visibleReply(text), input: text };
}

function wordLimit(text: string, call: string): string {
  const limit = /word_limit=(\d+)/.exec(call)?.[1];
  if (!limit) return text;
  // Upstream keeps whole lines up to the limit's word; so do we here.
  let words = 0;
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const n = line.split(/\s+/).filter(Boolean).length;
    if (words + n > Number(limit)) {
      out.push(
        line
          .split(/\s+/)
          .filter(Boolean)
          .slice(0, Number(limit) - words)
          .join(' '),
      );
      break;
    }
    words += n;
    out.push(line);
  }
  return out.join('\n');
}

export async function judgeSuiteCase(c: SuiteCase): Promise<SuiteVerdict> {
  const file = path.join(BASE, c.suite, c.input);
  const { got: reply, input } = await ourReply(file);
  const got = wordLimit(reply, c.call);
  const failed: string[] = [];
  const signOffAware = c.suite === 'edgetier-email-reply-parser' || c.suite === 'crisp-oss-email-reply-parser';
  const mine = signOffAware ? withoutSignOff(got) : got;
  for (const check of c.checks) {
    if (check.of && !/getVisibleText|fragments\[0\]/.test(check.of)) continue;
    // Markup in an expected value is about the upstream returning HTML; we return text.
    if (typeof check.value === 'string' && /^<\w+$/.test(check.value)) continue;
    const want = typeof check.value === 'string' ? decodeEntities(lf(check.value)).trim() : '';
    const theirs = signOffAware ? withoutSignOff(want) : want;
    let ok: boolean;
    switch (check.op) {
      case 'equals':
      case 'equals_after_strip':
        ok = mine.trim() === theirs;
        break;
      case 'equals_input_after_read':
        ok = got.trim() === lf(input).trim();
        break;
      case 'not_equals':
        ok = mine.trim() !== theirs;
        break;
      case 'contains':
        ok = got.includes(want) || mine.includes(theirs);
        break;
      case 'not_contains':
        ok = !got.includes(want);
        break;
      case 'startswith':
        ok = got.startsWith(want);
        break;
      case 'endswith': {
        // Their word_limit truncation is theirs: we check that our reply keeps the text up to where theirs ends.
        const at = lf(input).lastIndexOf(want);
        const upTo = at >= 0 ? lf(input).slice(0, at + want.length) : '';
        const before = withoutSignOff(upTo);
        // The cut is at the same sign-off block when the input up to their end ends in one.
        const sameSignOff = at >= 0 && before !== upTo.trimEnd() && !!before.trim();
        ok =
          (theirs !== '' && mine.endsWith(theirs)) ||
          got.endsWith(want) ||
          (sameSignOff && mine.endsWith(before.trim().split('\n').at(-1)!.trim())) ||
          (/word_limit=/.test(c.call) && got.includes(want));
        break;
      }
      case 'matches':
        ok = new RegExp(String(check.value).replace(/^\^\s+/, '^')).test(got);
        break;
      case 'folded':
        ok = got.length > 0 && !/^(From|Sent by|To|cc|Subject):/im.test(got) && got.length < lf(input).length / 2;
        break;
      default:
        ok = false;
    }
    if (!ok) failed.push(`${check.op} ${JSON.stringify(check.value).slice(0, 60)}`);
  }
  return { id: c.id, suite: c.suite, failed, got };
}
