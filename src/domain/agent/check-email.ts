// Checks on an email the agent wants to send, before it is queued. The model is untrusted:
// whatever the prompt says, these decide. Each problem is a sentence the agent (and the audit
// log) can read.

export type EmailFacts = {
  text: string;
  /** The one address the email may name: the candidate's. Our mailbox may be named too. */
  allowedAddresses: readonly string[];
  /** Links we put in the agent's context (a Meet link, the company site); any other is refused. */
  allowedLinks: readonly string[];
  /** Text the candidate must never see (fit summary, scorecards, team answers marked internal). */
  internalTexts: readonly string[];
  /** Names of other people the candidate must not learn about (other candidates). */
  otherPeople: readonly string[];
  /** The candidate's IANA zone: an email stating a clock time must spell it out. */
  candidateZone: string | null;
};

const URL_RE = /\bhttps?:\/\/[^\s<>"')\]]+|\bwww\.[^\s<>"')\]]+/gi;
const EMAIL_RE = /[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/gi;
const PHONE_RE = /(?:\+\d[\d\s().-]{7,}\d)/g;
const CLOCK_RE = /\b(?:[01]?\d|2[0-3])[:.][0-5]\d\b|\b(?:1[0-2]|0?[1-9])\s?(?:am|pm)\b/i;
const SHINGLE = 6;
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
  'pounds?',
];
const MONEY_RE = new RegExp(`(?:[$€£¥₹]\\s?\\d)|\\b\\d[\\d,.\\s]*\\s?(?:${CURRENCY_WORDS.join('|')})\\b`, 'i');

export function checkOutgoingEmail(facts: EmailFacts): string[] {
  const problems: string[] = [];
  const text = facts.text;
  if (!text.trim()) problems.push('the email is empty');
  if (text.length > 6000) problems.push('the email is longer than 6000 characters');

  const allowedLinks = facts.allowedLinks.map(normaliseLink);
  for (const link of text.match(URL_RE) ?? []) {
    if (!allowedLinks.includes(normaliseLink(link))) problems.push(`it links to ${link}, which is not a link we gave`);
  }
  const allowedAddresses = facts.allowedAddresses.map((a) => a.toLowerCase());
  for (const address of text.match(EMAIL_RE) ?? []) {
    if (!allowedAddresses.includes(address.toLowerCase()))
      problems.push(`it names the address ${address}, which is not the candidate's`);
  }
  if (PHONE_RE.test(text)) problems.push('it contains a phone number');
  PHONE_RE.lastIndex = 0;

  const words = wordsOf(text);
  const shingles = new Set(shinglesOf(words));
  for (const internal of facts.internalTexts) {
    if (shinglesOf(wordsOf(internal)).some((s) => shingles.has(s))) problems.push('it quotes an internal note');
  }
  const lower = ` ${words.join(' ')} `;
  for (const person of facts.otherPeople) {
    const name = wordsOf(person).join(' ');
    if (name.includes(' ') && lower.includes(` ${name} `))
      problems.push(`it names ${person}, who is another candidate`);
  }
  if (OFFER_TERMS_RE.test(text) || MONEY_RE.test(text))
    problems.push('it talks about pay or offer terms, which only a person may discuss: hand over');
  if (CLOCK_RE.test(text) && facts.candidateZone && !text.includes(facts.candidateZone)) {
    problems.push(`it states a time without spelling out the zone (${facts.candidateZone})`);
  }
  return [...new Set(problems)];
}

function normaliseLink(link: string): string {
  return link
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[.,;:!?]+$/, '')
    .replace(/\/$/, '');
}

function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function shinglesOf(words: string[]): string[] {
  if (words.length < SHINGLE) return words.length >= 3 ? [words.join(' ')] : [];
  return Array.from({ length: words.length - SHINGLE + 1 }, (_, i) => words.slice(i, i + SHINGLE).join(' '));
}
