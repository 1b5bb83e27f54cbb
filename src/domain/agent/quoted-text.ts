import { wordsOf } from './normalise-text.js';

// Whether an email repeats a text it must not: an internal note, another candidate's name, our
// own instructions. Both sides are folded first (normalise-text.ts), and each check also runs on
// the email with its word breaks removed, so "s.t.r.o.n.g  o n  s y s t e m s" is still a quote.

export type IndexedText = { words: string[]; phrase: string; squashed: string };

/** An email prepared once for every check. */
export function indexText(text: string): IndexedText {
  const words = wordsOf(text);
  return { words, phrase: ` ${words.join(' ')} `, squashed: words.join('') };
}

/** Runs of words shorter than this (squashed) are matched as whole words, longer ones anywhere. */
const SQUASH_FROM = 10;

function contains(email: IndexedText, run: readonly string[]): boolean {
  const squashed = run.join('');
  return squashed.length >= SQUASH_FROM
    ? email.squashed.includes(squashed)
    : email.phrase.includes(` ${run.join(' ')} `);
}

/**
 * Whether the email quotes any line of `note`: a line of up to `window` words as a whole, a
 * longer one by any `window` consecutive words of it. A line of one word is checked when it has at
 * least six letters ("Hesitant"); "Yes" or "Hire" alone would match every other email.
 */
export function quotesNote(email: IndexedText, note: string, window = 6): boolean {
  for (const line of note.split(/\n+/)) {
    const words = wordsOf(line);
    if (words.length === 0 || (words.length === 1 && words[0]!.length < 6)) continue;
    const k = Math.min(window, words.length);
    for (let i = 0; i + k <= words.length; i++) if (contains(email, words.slice(i, i + k))) return true;
    // A short sentence inside a long line ("Salary too high.") is a line of its own.
    if (words.length > window) {
      for (const sentence of line.split(/[.!?;:•]+/)) {
        const s = wordsOf(sentence);
        if (s.length >= 3 && s.length < window && contains(email, s)) return true;
      }
    }
  }
  return false;
}

/**
 * Whether the email names the person: their first and last name (and every part, for longer
 * names) as neighbouring words in any order ("Hopper, Grace"), or squashed together. A name of
 * one word is not checked: "Cher" must not refuse "cherish", nor "Will" every "will".
 */
export function namesPerson(email: IndexedText, name: string): boolean {
  const parts = wordsOf(name).filter((w) => w.length >= 2);
  if (parts.length < 2) return false;
  const forms = [parts, ...(parts.length > 2 ? [[parts[0]!, parts.at(-1)!]] : [])];
  for (const form of forms) {
    const key = [...form].sort().join(' ');
    for (let i = 0; i + form.length <= email.words.length; i++)
      if ([...email.words.slice(i, i + form.length)].sort().join(' ') === key) return true;
    const squashed = form.join('');
    const reversed = [...form].reverse().join('');
    if (squashed.length >= 8 && (email.squashed.includes(squashed) || email.squashed.includes(reversed))) return true;
  }
  return false;
}

/**
 * Whether the email repeats a chunk of a long text of ours (the system prompt, the tool
 * definitions): any `window` consecutive words of it.
 */
export function quotesChunk(email: IndexedText, source: readonly string[], window = 8): boolean {
  if (email.words.length === 0) return false;
  for (let i = 0; i + window <= source.length; i++) {
    const run = source.slice(i, i + window);
    if (email.squashed.includes(run.join(''))) return true;
  }
  return false;
}
