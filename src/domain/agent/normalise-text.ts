import unhomoglyph from 'unhomoglyph';

// Every guardrail compares text in one normal form, so that what a reader sees decides, not the
// code points an attacker chose: "Gr\u200Bace Hop\u200Bper", "ｈｒ-team＠evil.example" and
// "Grаce" (a Cyrillic а) read as what they look like.

// Format controls (zero-width space and joiners, bidi embeddings and isolates, soft hyphen, tags),
// variation selectors, the combining grapheme joiner and the blank "fillers" that render as nothing.
const INVISIBLE =
  /[\p{Cf}\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u3164\uFFA0\uFE00-\uFE0F]|[\u{E0100}-\u{E01EF}]/gu;
const MARKS = /\p{Mn}/gu;
const NON_ASCII = /[^\x00-\x7F]/gu;

/**
 * NFKC (fullwidth and styled letters to plain ones), invisible and bidi controls removed, spaces
 * unified, case folded. What a detector of links, addresses and numbers reads: nothing else is
 * changed, so a lookalike address stays different from the real one.
 */
export function plainText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(/[\p{Z}\t\r\f\v]/gu, (c) => (c === '\n' ? c : ' '))
    .toUpperCase()
    .toLowerCase()
    .normalize('NFKC');
}

/**
 * `plainText`, then accents dropped and every non-ASCII character folded to the character it is
 * confusable with (Unicode TR39's confusables data, via unhomoglyph): "Grâcе Hоpper" with Cyrillic
 * letters reads "grace hopper". ASCII is left alone, unlike a full TR39 skeleton, so that "m" is
 * not "rn" and an ordinary word does not turn into another.
 */
export function foldedText(text: string): string {
  return plainText(text)
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(NON_ASCII, (c) => unhomoglyph(c))
    .toLowerCase()
    .normalize('NFKC');
}

/** The words of a folded text: runs of letters and digits. */
export function wordsOf(text: string): string[] {
  return foldedText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}
