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

/**
 * A run of words is matched squashed (without its word breaks, so letter-spaced "w.e.a.k o.n
 * s.y.s.t.e.m d.e.s.i.g.n" still counts) only from this many letters, and only when it has a
 * word beyond the common ones; shorter runs as whole words. Shorter squashed runs turn up inside
 * ordinary sentences by chance.
 */
const SQUASH_FROM = 15;

/** Which short lines of a note count, and which words say nothing on their own. */
export type NoteOptions = {
  /** Words of every email (common-words.ts, the role's title): a run made only of them is not a quote. */
  common?: ReadonlySet<string>;
  /**
   * Whether lines shorter than the window count. True for this candidate's own notes and the
   * team's answers; false for other candidates' notes, of which only `window` words in a row are
   * checked ("Available from March." about someone else must not refuse "available from March").
   */
  shortLines?: boolean;
  window?: number;
};

function contains(email: IndexedText, run: readonly string[], common: ReadonlySet<string>): boolean {
  if (run.every((w) => common.has(w))) return false;
  const squashed = run.join('');
  return (
    email.phrase.includes(` ${run.join(' ')} `) || (squashed.length >= SQUASH_FROM && email.squashed.includes(squashed))
  );
}

/**
 * Whether the email quotes any line of `note`: any `window` consecutive words of it, and (with
 * `shortLines`) a shorter line or sentence as a whole. A run made only of common words is never a
 * quote: "Thanks!" or "Yes, go ahead" in a note must not refuse every polite email. A line of one
 * word counts only from six letters ("Hesitant"); "Hire" alone would match too much.
 */
export function quotesNote(email: IndexedText, note: string, options: NoteOptions = {}): boolean {
  const { common = new Set<string>(), shortLines = true, window = 6 } = options;
  for (const line of note.split(/\n+/)) {
    const words = wordsOf(line);
    if (words.length < window && !shortLines) continue;
    if (words.length === 0 || (words.length === 1 && words[0]!.length < 6)) continue;
    const k = Math.min(window, words.length);
    for (let i = 0; i + k <= words.length; i++) if (contains(email, words.slice(i, i + k), common)) return true;
    // A short sentence inside a long line ("Salary too high.") is a line of its own.
    if (shortLines && words.length > window) {
      for (const sentence of line.split(/[.!?;:•]+/)) {
        const s = wordsOf(sentence);
        if (s.length >= 3 && s.length < window && contains(email, s, common)) return true;
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
