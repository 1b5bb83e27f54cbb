// Signatures without the "-- " delimiter (which the reply parser already handles): the trailing
// block that starts with the sender's name, or with a sign-off line just above it, or a lone
// "-Name" line. Conservative on purpose: a block is cut only when it is short and at the end.

const SIGN_OFF = new RegExp(
  '^(thanks|thank you|many thanks|cheers|best|best regards|kind regards|regards|warm regards|all the best|' +
    'sincerely|yours|danke|viele grüße|mit freundlichen grüßen|merci|cordialement|saludos|grazie)[ ,.!]*$',
  'i',
);
const MAX_SIGNATURE_LINES = 12;
const MAX_LINE = 80;

/** Name words of a sender ("Jane Q. Doe <jane@x.com>" → jane, doe; "jane@x.com" → jane). */
export function senderNames(sender: string): string[] {
  const name = sender.replace(/<[^>]*>/, '').trim();
  const words = (name.includes('@') ? name.split('@')[0]!.split(/[._-]+/) : name.split(/\s+/)).map((w) =>
    w.replace(/[^\p{L}]/gu, '').toLowerCase(),
  );
  return words.filter((w) => w.length >= 3);
}

export function stripSignature(text: string, sender?: string): string {
  const lines = text.split('\n');
  // "-Abhishek Kona" (or "—Daniel", "–Daniel": a dash typed as an em or en dash) as the last line.
  if (/^[-–—]{1,2}\s?\p{Lu}[\p{L}.'-]*( \p{Lu}[\p{L}.'-]*){0,3}\s*$/u.test(lines.at(-1) ?? ''))
    return lines.slice(0, -1).join('\n').trimEnd();
  if (!sender) return text;
  const names = senderNames(sender);
  if (names.length === 0) return text;
  const from = Math.max(0, lines.length - MAX_SIGNATURE_LINES);
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!.replace(/^#sig#/, '').toLowerCase();
    const words = line.split(/[^\p{L}]+/u);
    const starts =
      names.some((n) => words.includes(n)) &&
      (i === 0 || lines[i - 1]!.trim() === '' || SIGN_OFF.test(lines[i - 1]!.trim()));
    if (!starts || lines.slice(i).some((l) => l.length > MAX_LINE)) continue;
    let cut = i;
    if (cut > 0 && SIGN_OFF.test(lines[cut - 1]!.trim())) cut--;
    const kept = lines.slice(0, cut).join('\n').trimEnd();
    return kept || text;
  }
  return text;
}
