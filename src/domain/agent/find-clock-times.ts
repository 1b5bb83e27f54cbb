import * as chrono from 'chrono-node';

// Clock times as people write them, in the languages candidates write in: "14:00", "15.00",
// "3pm", "noon", "midnight", "23h", "14h30", "15 Uhr". chrono-node parses them; a result counts
// when it fixes an hour and is not only relative ("in 45 minutes" names no clock time). A few
// forms no parser knows on its own ("23h" in English text) are added by pattern.

// The agent writes in the candidate's language: each of those chrono-node has a parser for.
const PARSERS = [
  chrono.en.casual,
  chrono.de.casual,
  chrono.fr.casual,
  chrono.es.casual,
  chrono.nl.casual,
  chrono.it.casual,
  chrono.pt.casual,
  chrono.sv.casual,
];
// Hours in words, which chrono-node does not read: "three pm", "four o'clock", "half past three",
// "quarter to four". A number word alone ("one of us", "at three stages") is no time: it needs
// am/pm, o'clock or half/quarter past/to beside it.
const HOUR_WORD = '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)';
const HOUR = `(?:${HOUR_WORD}|1[0-2]|0?[1-9])`;
// "kl. 15" (Swedish, Danish, Norwegian): chrono-node's Swedish parser does not read it. "1500 hours".
const EXTRA = new RegExp(
  [
    '\\b(?:[01]?\\d|2[0-3])h(?:[0-5]\\d)?\\b',
    '\\b(?:[01]?\\d|2[0-3])[:.][0-5]\\d\\b',
    '\\b(?:noon|midday|midnight)\\b',
    '\\bkl\\.?\\s?(?:[01]?\\d|2[0-3])\\b',
    `\\b${HOUR_WORD}(?:[\\s-]*(?:[ap]\\.?m\\b\\.?)|\\s*o['’]?\\s?clock\\b)`,
    `\\b(?:half|(?:a\\s+)?quarter)\\s+past\\s+${HOUR}\\b`,
    `\\b(?:a\\s+)?quarter\\s+to\\s+${HOUR}\\b`,
    '\\b(?:[01]\\d|2[0-3])[0-5]\\d\\s*hours?\\b',
  ].join('|'),
  'gi',
);
// "23h" is a clock time; "a 1h interview" or "within 2h" is a length, as the words around it say.
const BARE_HOURS = /^\d{1,2}\s?h$/i;
const LENGTH_BEFORE = /\b(?:a|an|the|for|within|in|every|each|per|of|about|around|max|under|over)\s+$/i;
const LENGTH_AFTER = /^\s?(?:interview|call|meeting|session|slot|long|block|window|notice|shift|break|day|week)/i;
// The date used for parsing does not matter: only which words are a clock time.
const REF = new Date('2026-01-05T12:00:00Z');

export type ClockTime = { text: string; index: number };

/** Every clock time in `text`, in order, each with where it is. */
export function findClockTimes(text: string): ClockTime[] {
  const found = new Map<number, ClockTime>();
  for (const parser of PARSERS) {
    for (const r of parser.parse(text, REF)) {
      if (!r.start.isCertain('hour')) continue;
      const tags = r.tags();
      // "now" ("jetzt", "ahora", "ora" …) is the moment of parsing to chrono-node, not a time anyone states.
      if (tags.has('casualReference/now') && !/\d|noon|midday|midnight/i.test(r.text)) continue;
      if (tags.has('result/relativeDate') && ![...tags].some((t) => /TimeExpression/.test(t))) continue;
      found.set(r.index, { text: r.text, index: r.index });
    }
  }
  for (const m of text.matchAll(EXTRA)) {
    const overlaps = [...found.values()].some(
      (t) => m.index < t.index + t.text.length && t.index < m.index + m[0].length,
    );
    if (!overlaps) found.set(m.index, { text: m[0], index: m.index });
  }
  return [...found.values()].filter((t) => !isLength(text, t)).sort((a, b) => a.index - b.index);
}

function isLength(text: string, { text: said, index }: ClockTime): boolean {
  const bare = said.trim().replace(/^(?:à|a|at|um|om)\s+/i, '');
  if (!BARE_HOURS.test(bare)) return false;
  const at = index + said.length - bare.length;
  return LENGTH_BEFORE.test(text.slice(Math.max(0, at - 12), at)) || LENGTH_AFTER.test(text.slice(at + bare.length));
}
