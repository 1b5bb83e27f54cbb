// Where the quoted history starts in a plain-text reply, in the forms clients write it in the
// languages applicants write in. Each rule names the client or habit it handles. Lines, not
// regular expressions over the whole text: every rule is linear in the length of the mail.

/** Header labels of a quoted message, by field, as Outlook, Gmail, Apple Mail, Yahoo and Thunderbird localise them. */
const LABELS: Record<'from' | 'sent' | 'to' | 'cc' | 'subject', string> = {
  from:
    'from|de|von|van|da|från|fra|frá|od|lähettäjä|feladó|від|от|από|de la|kimden|saatja|nuo|发件人|寄件者|' +
    '差出人|보낸 사람|من',
  sent:
    'sent|date|datum|envoyé|gesendet|verzonden|inviato|enviado|enviada|skickat|sendt|wysłano|wysłane|data|' +
    'lähetetty|päivämäärä|elküldve|dátum|fecha|odesláno|дата|отправлено|ημερομηνία|στάλθηκε|trimis|' +
    'تم الإرسال|التاريخ|gönderildi|tarih|发送时间|日期|送信日時|보낸 날짜',
  to: 'to|an|à|a|para|aan|till|til|do|vastaanottaja|címzett|кому|προς|către|catre|إلى|komu|alıcı|收件人|宛先|받는 사람',
  cc: 'cc|kopie|kopia|copie|copia|cópia|kopio|másolat|копия|κοιν|نسخة',
  subject:
    'subject|betreff|objet|asunto|oggetto|assunto|onderwerp|ämne|emne|temat|aihe|tárgy|тема|θέμα|subiect|' +
    'předmět|الموضوع|konu|主题|主旨|件名|제목|tema',
};
/** Bold markers (`*From:*`, from HTML) and the direction marks Outlook puts around Arabic and Hebrew labels. */
const DECOR = '[*\\s\\u200e\\u200f\\u202a-\\u202e]*';
const LABEL_LINE = Object.fromEntries(
  Object.entries(LABELS).map(([field, words]) => [field, new RegExp(`^${DECOR}(${words})${DECOR}:`, 'iu')]),
) as Record<keyof typeof LABELS, RegExp>;

function labelOf(line: string): keyof typeof LABELS | undefined {
  for (const field of Object.keys(LABEL_LINE) as Array<keyof typeof LABELS>)
    if (LABEL_LINE[field].test(line)) return field;
  return undefined;
}

/**
 * Outlook's (and Lotus', Yahoo's, the forwarders') header table: lines that start with header
 * labels, in any order, at least two different fields among the next few non-empty lines, one
 * of them the sender or the date. Yahoo and some webmails run the fields into one line
 * ("From: a Sent: b To: c"): two labels on the line starting with From count too.
 */
function headerBlockAt(lines: string[], i: number): boolean {
  if (lotusTableAt(lines, i)) return true;
  const first = labelOf(lines[i]!);
  if (!first) return false;
  const seen = new Set([first]);
  const inline = new RegExp(`\\s(${LABELS.sent}|${LABELS.to}|${LABELS.subject})${DECOR}:`, 'iu');
  if (first === 'from' && inline.test(lines[i]!.slice(6))) return true;
  let looked = 0;
  for (let j = i + 1; j < lines.length && looked < 5; j++) {
    if (!lines[j]!.trim()) continue;
    looked++;
    const field = labelOf(lines[j]!);
    if (field) seen.add(field);
  }
  return seen.size >= 2 && (seen.has('from') || seen.has('sent'));
}

/**
 * Lotus Notes quotes under the sender's name and address, the date, then a table whose labels
 * stand alone on their lines ("To", "cc", "Subject").
 */
function lotusTableAt(lines: string[], i: number): boolean {
  if (!/<[^>\s]+@[^>\s]+>\s*$/.test(lines[i]!)) return false;
  const bare = lines.slice(i + 1, i + 9).filter((l) => /^\s*(to|cc|bcc|subject)\s*$/i.test(l));
  return bare.length >= 2;
}

/** "wrote" in the languages of the common clients' quote headers ("On … X wrote:", "Am … schrieb X:"). */
const WROTE =
  'wrote|writes|schrieb|a écrit|escribió|escreveu|ha scritto|scrisse|schreef|skrev|kirjoitti|napisał|' +
  'napisała|napsal|napsala|írta|написал|написала|έγραψε|كتب|كتبت|yazdı|je napisal|napisao|rašė|rakstīja|' +
  'kirjutas|a scris|skrifaði|写道|님이 작성';
/** Words a date-first quote header starts with: On, Am, Le, El, Em, Il, Op, Den, Dne, W dniu, Στις, في, or a date. */
const HEADER_START = /^(on|am|le|el|em|il|op|den|dne|w dniu|dnia|στις|في|kl\.?|\d{1,4}[./-])\s/iu;
// JavaScript's \\b knows ASCII letters only: "написал:" needs a lookahead for any letter.
const WROTE_AT_END = new RegExp(`(${WROTE})(?!\\p{L})[^\\n]{0,100}:\\s*(>|$)`, 'iu');
const WROTE_ANYWHERE = new RegExp(`(^|\\s)(${WROTE})(\\s|:|$)`, 'iu');
/** A quote header in a language we have no verb for: one line with a time and an address, ending in ":". */
const ANY_LANGUAGE_HEADER = /^(?=[^\n]*\d{1,2}[:.]\d{2})(?=[^\n]*@)[^\n]{10,250}:$/;
/** The verb alone on its line, the client having wrapped the header before it ("…<q@x.com>\nha scritto:"). */
const WROTE_ALONE = new RegExp(`^\\s*(${WROTE})\\s*:\\s*$`, 'iu');

/**
 * A quote header line: "On <date>, <name> <address> wrote:" in any client's language; a date-first
 * header without its colon (German Gmail on Android: "Am 20.06.24 um 16:20 schrieb Shop"); an
 * address alone before "wrote:" ("jane@x.com wrote:").
 */
function wroteHeaderAt(line: string): boolean {
  const t = line.replace(/[\u200e\u200f\u202a-\u202e]/g, '').trim();
  if (t.length > 300 || !/[\d@]/.test(t)) return false;
  if (WROTE_AT_END.test(t) || ANY_LANGUAGE_HEADER.test(t)) return true;
  return HEADER_START.test(t) && WROTE_ANYWHERE.test(t);
}

/** Separator lines clients put above the quoted message ("-----Original Message-----" in any language). */
const SEPARATORS: Array<[RegExp, string]> = [
  // Some phones run the header on after it ("-------- Ursprüngliche Nachricht --------Von: …").
  [
    /^\s*\*?-{2,}\s*[\p{L}'’ -]{3,40}?\s*-{2,}\*?(\s*$|\s*\p{L}+\s*:)/u,
    'Outlook, Thunderbird, Gmail: "-----Original Message-----", localised',
  ],
  [/^\s*_{20,}\s*$/, "Outlook's rule of underscores above the header table"],
  [/^\s*-{20,}\s*$/, "a webmail's rule of dashes"],
  [/^\s*Begin forwarded message:\s*$/i, "Apple Mail's forward"],
  // A footer under a rule of dots or stars (shops' and support desks' footers, "* * *" from HTML).
  [/^\s*(\*\*)?([.*·•=~]\s){2,}[.*·•=~]\s*(\*\*)?\s*$/, 'a footer under a rule of dots or stars'],
  [/^\s*[*·•=~]{5,}\s*$/, 'a footer under a rule of stars'],
];

/**
 * The first line of the quoted history (or forwarded block) below some text of the reply's own,
 * or undefined. A marker on the first line of the text is not a cut: the whole message is history
 * (a forward), and what to do with it is someone else's decision.
 */
/**
 * Whether the quote under a header at line i is answered below it (an inline or bottom-posted
 * reply, GitHub's email_1_2, Discourse's embedded_email_quote_text): an unquoted paragraph after
 * the quoted lines. A line right under a quoted line is the quote's own text wrapped by a client
 * that lost the ">" (crisp-oss email_7), not an answer.
 */
function answeredBelow(lines: string[], i: number): boolean {
  let quoted = false;
  // Bounded, so that a mail of nothing but quote headers stays linear.
  for (let j = i + 1; j < Math.min(lines.length, i + ANSWER_LOOKAHEAD); j++) {
    const line = lines[j]!;
    if (line.startsWith('>')) {
      quoted = true;
      continue;
    }
    if (!quoted || !line.trim()) continue;
    if (lines[j - 1]!.trim() && lines[j - 1]!.startsWith('>') && lines[j - 1]!.replace(/^[>\s]+/, '')) continue;
    if (/^--\s*$/.test(line) || wroteHeaderAt(line) || SEPARATORS.some(([p]) => p.test(line))) return false;
    return true;
  }
  return false;
}

/** How far below a quote header an answer is looked for (lines). */
const ANSWER_LOOKAHEAD = 400;

/** Text of the reply's own: not a quote, not a header line, not a quote header. */
const ownText = (line: string) => !!line.trim() && !line.startsWith('>') && !labelOf(line) && !wroteHeaderAt(line);

/**
 * Where a quote header the client wrapped over several lines begins: walk up from its verb line
 * while the lines above are short, carry a date, an address or a name in quotes, and end no
 * sentence ("Le 4 janv. 2016 19:03, \"Neil\"\n<info@x.org>\na écrit :"). Never above the reply's first line.
 */
function wrappedHeaderStart(lines: string[], i: number, firstText: number): number {
  if (HEADER_START.test(lines[i]!.trim())) return i;
  let start = i;
  for (let k = i - 1; k > firstText && i - k <= 3; k--) {
    const above = lines[k]!.trim();
    if (!above || above.length > 120 || /[.!?]$/.test(above) || !/[\d@<"]/.test(above)) break;
    start = k;
    if (HEADER_START.test(above)) break;
  }
  return start;
}

export type HistoryStart = { line: number; rule: string };

/**
 * The first line of the quoted history (or forwarded block) below some text of the reply's own,
 * or undefined. A header at the top of the text is not a cut: the whole message is history (a
 * forward) or the reply is below it (bottom-posting), and the parser and the caller decide.
 */
export function historyStart(lines: string[]): HistoryStart | undefined {
  let firstText = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (firstText >= 0) {
      const separator = SEPARATORS.find(([pattern]) => pattern.test(line));
      if (separator) return { line: i, rule: separator[1] };
      if (headerBlockAt(lines, i)) return { line: i, rule: 'a header table (From/Sent/To/Subject, localised)' };
      const verbAlone = WROTE_ALONE.test(line);
      if ((verbAlone || wroteHeaderAt(line)) && !answeredBelow(lines, i)) {
        const start = wrappedHeaderStart(lines, i, firstText);
        if (start < i || !verbAlone) return { line: start, rule: 'a quote header ("On … wrote:", localised)' };
      }
    }
    if (firstText < 0 && ownText(line)) firstText = i;
  }
  return undefined;
}
