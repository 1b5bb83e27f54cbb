// The habits at the end (and sometimes the start) of a reply: a sign-off and a name, then a
// signature block, a disclaimer or a footer; a "Sent from my phone" line. In the languages of
// the applicants we see most (English, German, French, Spanish, Portuguese, Italian, Dutch,
// Swedish, Polish) and a few more their phones write in.

const WORDS =
  '(thanks( again| a lot| so much)?|thank you( (so|very) much)?|many thanks|cheers|best( wishes| regards)?|' +
  'kind regards|warm(est)? regards|regards|all the best|sincerely|yours( sincerely| truly| faithfully)?|' +
  'respectfully|take care|talk soon|' +
  // German
  'danke( schön| sehr)?|vielen dank( im voraus)?|viele grüße|liebe grüße|beste grüße|herzliche grüße|' +
  'freundliche grüße|freundliche grüsse|mit freundlichen grüßen|mit freundlichen grüssen|mfg|lg|vg|gruß|grüße|' +
  // French
  'merci( beaucoup| d.avance)?|cordialement|bien cordialement|bien à vous|salutations|meilleures salutations|' +
  'bonne journée|au revoir|à bientôt|cdt|' +
  // Spanish
  'gracias|muchas gracias|saludos|un saludo|saludos cordiales|atentamente|un abrazo|' +
  // Portuguese
  'obrigad[oa]|cumprimentos|atenciosamente|abraços?|com os melhores cumprimentos|adeus|' +
  // Italian
  'grazie( mille)?|cordiali saluti|distinti saluti|saluti|un saluto|' +
  // Dutch
  'met vriendelijke groet(en)?|vriendelijke groet(en)?|groet(en|jes)?|hartelijke groet(en)?|bedankt|' +
  // Swedish, Danish, Norwegian
  'med vänlig(a)? hälsning(ar)?|vänliga hälsningar|hälsningar|mvh|tack|med venlig hilsen|vennlig hilsen|hilsen|' +
  // Polish
  'pozdrawiam( serdecznie)?|z poważaniem|serdeczne pozdrowienia|dziękuję|do widzenia|' +
  // Finnish, Czech, Hungarian, Romanian, Greek, Arabic
  'ystävällisin terveisin|terveisin|hyvästi|s pozdravem|üdvözlettel|cu stimă|με εκτίμηση|مع التحية)';
/** Sign-offs as a whole line ("Kind regards,", "Mit freundlichen Grüßen", "Met vriendelijke groeten,"). */
export const SIGN_OFF = new RegExp(`^${WORDS}[ ,.!]*$`, 'iu');
/** A sign-off and a short name on one line ("LG, Eva", "Best, Paul", "Thanks! -Ana"). */
const SIGN_OFF_AND_NAME = new RegExp(`^${WORDS}[,!]\\s+-?\\p{Lu}[\\p{L}.'-]*( \\p{Lu}[\\p{L}.'-]*)?$`, 'iu');

/** Lower-case words inside names ("Vincent van Gogh", "Ana de Souza"). */
const PARTICLES = new Set([
  'van',
  'von',
  'de',
  'der',
  'den',
  'da',
  'do',
  'dos',
  'das',
  'di',
  'du',
  'la',
  'le',
  'y',
  'e',
]);

/**
 * A line that could be a person's name under a sign-off: one to four words, capitalised (or one
 * word, as people sign "ada"), no sentence in it. "Tuesday works" under "Thanks" is not a name.
 */
function nameLike(line: string): boolean {
  const t = line.trim();
  if (!t || t.length > 40 || /[?:;@/]|\.\s|^\W/u.test(t)) return false;
  const words = t.split(/\s+/);
  return words.length === 1 || (words.length <= 4 && words.every((w) => /^\p{Lu}/u.test(w) || PARTICLES.has(w)));
}

/**
 * Cuts what follows a sign-off and the name under it: the signature block, a disclaimer, a
 * footer, text the client appended. The sign-off and the name stay (they are part of the
 * reply). Not at the very top of the reply, and not when a P.S. follows.
 */
export function cutAfterSignOff(text: string): string {
  const lines = text.split('\n');
  const firstText = lines.findIndex((l) => l.trim());
  for (let i = firstText + 1; i > 0 && i < lines.length; i++) {
    const line = lines[i]!.trim();
    const combined = SIGN_OFF_AND_NAME.test(line);
    if (!combined && !SIGN_OFF.test(line)) continue;
    let end = i;
    if (!combined) {
      let j = i + 1;
      while (j < lines.length && !lines[j]!.trim()) j++;
      if (j >= lines.length) return text;
      if (!nameLike(lines[j]!)) continue;
      end = j;
    }
    const rest = lines
      .slice(end + 1)
      .join('\n')
      .trim();
    if (!rest || /^p\.?\s?s\b/i.test(rest)) return text;
    return lines
      .slice(0, end + 1)
      .join('\n')
      .trimEnd();
  }
  return text;
}

/**
 * "Sent from my iPhone" and the like, in the phone's language ("Von meinem iPhone gesendet",
 * "Enviado do meu iPhone", "Wysłane z iPhone'a", "Get Outlook for Android", "Outlook für iOS
 * beziehen", "Sent using the mobile mail app"): a short line with a sending word and a device or app.
 */
const SENT_WORDS =
  '(sent|gesendet|envoyé|enviado|inviato|verzonden|verstuurd|skickat|sendt|wysłane|lähetetty|odesláno|trimis|' +
  'elküldve|küldve|أُرسلت|ارسلت|отправлено|get|beziehen|obtenir|scarica|descarga|descargar|baixe)';
/** The sending word opens or closes the line ("Sent from …", "Von meinem iPhone gesendet"): never mid-sentence. */
const SENT_WORD = new RegExp(`(^[^\\p{L}]*${SENT_WORDS}(?!\\p{L}))|((?<!\\p{L})${SENT_WORDS}[^\\p{L}]*$)`, 'iu');
const DEVICE = new RegExp(
  '(iphone|ipad|android|blackberry|outlook|samsung|galaxy|mobile|mobil|smartphone|mail app|windows mail|' +
    'mail for windows|huawei|xiaomi|pixel|tablet|yahoo mail|aol app|proton ?mail|gmail)',
  'iu',
);

export function isDeviceLine(line: string): boolean {
  const t = line
    .replace(/[\u200b-\u200f\u202a-\u202e]/g, '')
    .replace(/<[^>]*>/g, '')
    .trim();
  return t.length > 0 && t.length <= 80 && t.split(/\s+/).length <= 10 && SENT_WORD.test(t) && DEVICE.test(t);
}
