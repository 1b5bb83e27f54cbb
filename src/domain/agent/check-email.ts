import { COMMON_WORDS } from './common-words.js';
import { findClockTimes } from './find-clock-times.js';
import { type FoundLink, findLinks, linkKey } from './find-links.js';
import { findPhoneNumbers } from './find-phone-numbers.js';
import { foldedText, plainText, wordsOf } from './normalise-text.js';
import { indexText, namesPerson, quotesChunk, quotesNote } from './quoted-text.js';

// Checks on an email the agent wants to send, before it is queued. The model is untrusted:
// whatever the prompt says, these decide. Every check reads the text normalised first
// (normalise-text.ts), so zero-width and bidi characters, fullwidth or styled letters and
// lookalike letters from other scripts change nothing.

export type EmailFacts = {
  text: string;
  /** The one address the email may name: the candidate's. Our mailbox may be named too. */
  allowedAddresses: readonly string[];
  /** Links we put in the agent's context (the Meet link); any other is refused. */
  allowedLinks: readonly string[];
  /**
   * Text we supply for this run (the role's title, description and requirements, our mailbox's
   * domain, the candidate's own messages): a bare host named there ("ASP.NET", "Booking.com") may
   * be named again, without a scheme, path, port or query.
   */
  ourTexts?: readonly string[];
  /** This candidate's notes the candidate must never see: fit summary, scorecards, debriefs, internal answers. */
  internalTexts: readonly string[];
  /** Other candidates' notes: checked only by six words in a row, as their short lines are too ordinary. */
  otherNotes?: readonly string[];
  /** Words that say nothing on their own beyond common-words.ts: the role's title ("Senior Data Engineer"). */
  commonWords?: readonly string[];
  /** Names of other people the candidate must not learn about (other candidates). */
  otherPeople: readonly string[];
  /** Our own instructions (the system prompt, the tool definitions): never mailed, whole or in chunks. */
  confidentialTexts?: readonly string[];
  /** The candidate's IANA zone: every clock time the email states must have it beside it. */
  candidateZone: string | null;
};

/**
 * One thing wrong with the email. `reason` is for the model and the audit log and may quote what
 * it found; `team` is what Slack shows, and quotes nothing the model wrote (its links and text are
 * the attacker's words).
 */
export type EmailProblem = { reason: string; team: string };

// Pay and offer terms are a person's to discuss, never the scheduling agent's: words about them,
// or an amount of money (a currency sign or code beside a number, "95k").
const OFFER_WORDS = [
  'salar(?:y|ies)',
  'compensation',
  'remuneration',
  'pay (?:range|band|rise)',
  'equity',
  'stock options?',
  'RSUs?',
  'bonus(?:es)?',
  'offer letter',
  'notice period',
  'benefits package',
];
const OFFER_TERMS_RE = new RegExp(`\\b(?:${OFFER_WORDS.join('|')})\\b`, 'i');
const CURRENCY_WORDS = [
  'k',
  'EUR',
  'USD',
  'GBP',
  'CHF',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'JPY',
  'INR',
  'euros?',
  'dollars?',
];
const MONEY_RE = new RegExp(
  `(?:[$€£¥₹]\\s?\\d)|\\b\\d[\\d,.\\s]*\\s?(?:${[...CURRENCY_WORDS, 'pounds?'].join('|')})\\b`,
  'i',
);
/** How far after a clock time its zone may be written, in the same sentence: "14:00–15:00 (Europe/London)". */
const ZONE_AFTER = 48;
/** Or right before it: "Europe/London 14:00". */

export function checkOutgoingEmail(facts: EmailFacts): EmailProblem[] {
  const problems: EmailProblem[] = [];
  const add = (reason: string, team = reason) => {
    if (!problems.some((p) => p.reason === reason)) problems.push({ reason, team });
  };
  const plain = plainText(facts.text);
  const folded = foldedText(facts.text);
  if (!plain.trim()) add('the email is empty');
  if (facts.text.length > 6000) add('the email is longer than 6000 characters');

  // Links and addresses in both forms: the plain one keeps a lookalike address different from the
  // real one; the folded one finds what a lookalike "@" or dot hides.
  const allowedLinks = new Set(facts.allowedLinks.map(linkKey));
  const allowedHosts = new Set((facts.ourTexts ?? []).flatMap((t) => bareHosts(findLinks(plainText(t)))));
  const allowedAddresses = new Set(facts.allowedAddresses.map((a) => plainText(a)));
  const linkText = splitJoinedSentences(facts.text);
  for (const found of [...findLinks(plainText(linkText)), ...findLinks(foldedText(linkText))]) {
    if (found.kind === 'address') {
      if (!allowedAddresses.has(found.raw))
        add(
          `it names the address ${found.raw}, which is not the candidate's`,
          "it names an address that is not the candidate's",
        );
    } else if (!allowedLinks.has(linkKey(found.url)) && !bareHosts([found]).some((h) => allowedHosts.has(h))) {
      add(`it links to ${found.raw}, which is not a link we gave`, 'it contains a link we did not give');
    }
  }
  if (findPhoneNumbers(plain).length) add('it contains a phone number');

  const email = indexText(facts.text);
  const common = new Set([...COMMON_WORDS, ...(facts.commonWords ?? []).flatMap((w) => wordsOf(w))]);
  if (
    facts.internalTexts.some((note) => quotesNote(email, note, { common })) ||
    (facts.otherNotes ?? []).some((note) => quotesNote(email, note, { common, shortLines: false }))
  )
    add('it quotes an internal note');
  for (const person of facts.otherPeople) {
    if (namesPerson(email, person)) add(`it names ${person}, who is another candidate`, 'it names another candidate');
  }
  for (const text of facts.confidentialTexts ?? []) {
    if (quotesChunk(email, wordsOf(text))) add('it repeats our own instructions (the system prompt or the tools)');
  }
  // Folded for lookalike letters; plain as well, as folding turns currency signs into letters.
  if ([plain, folded].some((t) => OFFER_TERMS_RE.test(t) || MONEY_RE.test(t)))
    add('it talks about pay or offer terms, which only a person may discuss: hand over');
  const zone = facts.candidateZone ? plainText(facts.candidateZone) : null;
  if (zone) {
    for (const time of findClockTimes(plain)) {
      const end = time.index + time.text.length;
      const after: string = plain.slice(end, end + ZONE_AFTER + zone.length).split(/[?!\n]|\.(?:\s|$)/)[0]!;
      const before = plain.slice(0, time.index).trimEnd();
      const beside = after.includes(zone) || before.endsWith(zone) || before.slice(0, -1).trimEnd().endsWith(zone);
      if (!beside) {
        add(
          `it states a time ("${time.text}") without spelling out the zone (${facts.candidateZone}) beside it`,
          'it states a time without spelling out the zone beside it',
        );
        break;
      }
    }
  }
  return problems;
}

/**
 * The hosts among `links` named bare: no scheme, path, port or query ("booking.com"), as the key
 * linkKey gives them. Only these may be allowed by appearing in our own text; a link with a
 * scheme or a path always has to be one we gave.
 */
function bareHosts(links: readonly FoundLink[]): string[] {
  return links
    .filter((l) => l.kind === 'link' && l.schema === '' && /^[\p{L}\p{N}.-]+$/u.test(l.raw))
    .map((l) => linkKey(l.url));
}

/**
 * "See you then.Best" is a missing space after a full stop, not a link to "then.best" (a real
 * TLD): a lower-case word, a dot and a capitalised word of four letters or more, standing alone
 * (nothing joined before it, no path, port, "@" or further label after it), gets its space back before
 * links are looked for. The common TLDs (.com, .io, country codes) are two or three letters, so
 * "Booking.Com" is still a link. The cost: "evil.Team" passes as two sentences; the candidate sees
 * it unlinked or linked by their client, which is why the rule wants the shape of a sentence.
 */
const JOINED_SENTENCES = /(?<![\p{L}\p{N}@./:_-])(\p{Ll}+)\.(\p{Lu}\p{Ll}{3,})(?![\p{L}\p{N}@/:?#_-]|\.[\p{L}\p{N}])/gu;
function splitJoinedSentences(text: string): string {
  return text.replace(JOINED_SENTENCES, '$1. $2');
}
