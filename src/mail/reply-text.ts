import EmailReplyParser from 'email-reply-parser';
import { stripSignature } from './signature.js';

// The new text of a reply, without the quoted history and the signature. crisp-oss's
// email-reply-parser (a port of GitHub's, with quote headers in many languages) does the
// heavy lifting; a few client formats it does not cut are cut here first.

const CUT_MARKERS: RegExp[] = [
  // Outlook: a rule of underscores, or the header block that starts its quote.
  /^_{20,}\s*$/m,
  /^-{2,}\s*Original Message\s*-{2,}\s*$/im,
  new RegExp(
    "^-{2,}\\s*(Ursprüngliche Nachricht|Message d'origine|Mensaje original|Messaggio originale|" +
      'Oorspronkelijk bericht)\\s*-{2,}\\s*$',
    'im',
  ),
  /^\s*-{20,}\s*$/m,
  new RegExp(
    '^(\\*?From|\\*?De|\\*?Von|\\*?Van|\\*?Da|\\*?Från|\\*?Fra|\\*?От)\\s*:\\*?\\s.+\\n(\\*?(Sent|Date|Envoyé|' +
      'Gesendet|Verzonden|Inviato|Enviado|Skickat|Sendt|Отправлено)\\s*:\\*?\\s.+\\n)',
    'm',
  ),
  // Any language's quote header: one line with a time and an address, ending in ":".
  /^(?=[^\n]*\d{1,2}[:.]\d{2})(?=[^\n]*@)[^\n]{10,250}:[ \t]*$/m,
  // Forwarded blocks are history too, for the purpose of "what did they just say".
  /^-{5,}\s*Forwarded message\s*-{5,}\s*$/im,
  /^Begin forwarded message:\s*$/m,
  // "Sent from my iPhone" and friends end the reply.
  new RegExp(
    '^(Sent from my (iPhone|iPad|Android|BlackBerry|mobile)|Get Outlook for (iOS|Android)|Envoyé de mon iPhone|' +
      'Von meinem iPhone gesendet)\\b.*$',
    'im',
  ),
];

const parser = new EmailReplyParser();

/** Far longer than any reply; the parser is superlinear, and a 767 KB quote once took minutes. */
const MAX_PARSED_CHARS = 32_000;

/**
 * Shortens every quoted block (lines starting with ">") to its first few lines before the
 * parser sees it: the parser still sees where quotes are (and replies between them), but a
 * huge quoted thread costs nothing. Linear.
 */
function compactQuotes(body: string): string {
  let run = 0;
  return body
    .split('\n')
    .filter((line) => (line.startsWith('>') ? ++run <= 3 : ((run = 0), true)))
    .join('\n');
}

/**
 * A quote header the parser does not know (another language, a client's own format) is left
 * as the reply's last paragraph: one or two lines ending in ":" that name an address or a time.
 */
function dropTrailingQuoteHeader(text: string): string {
  const looksLikeHeader = (lines: string[]) => {
    const joined = lines.join(' ');
    return /:\s*$/.test(joined) && (joined.includes('@') || /\d{1,2}[:.]\d{2}/.test(joined)) && joined.length < 300;
  };
  const paragraphs = text.split(/\n\s*\n/);
  const last = paragraphs.at(-1)!.split('\n');
  // A whole short last paragraph ("On Nov 21, 2014,\nat 10:18,\nJohn <j@x> wrote:").
  if (paragraphs.length > 1 && last.length <= 4 && looksLikeHeader(last))
    return paragraphs.slice(0, -1).join('\n\n').trimEnd();
  // Or the last two lines (a header wrapped by the client: both parts name a date or an
  // address), or the last line, of a longer paragraph.
  const headerish = (line: string) => line.includes('@') || /\d{1,2}[:.]\d{2}/.test(line);
  for (const n of [2, 1]) {
    if (n === 2 && !headerish(last.at(-2) ?? '')) continue;
    if (last.length > n && looksLikeHeader(last.slice(-n)))
      return [...paragraphs.slice(0, -1), last.slice(0, -n).join('\n')].join('\n\n').trimEnd();
  }
  return text;
}

/**
 * The visible reply in a plain-text body (CRLF or LF); `sender` ("Name <address>") helps find
 * an undelimited signature.
 */
export function visibleReply(text: string, options: { sender?: string | undefined } = {}): string {
  let body = text.replace(/\r\n?/g, '\n');
  for (const marker of CUT_MARKERS) {
    const match = marker.exec(body);
    // A marker at the very top means the whole message is history (a forward): keep it.
    if (match && match.index > 0 && body.slice(0, match.index).trim()) body = body.slice(0, match.index);
  }
  body = compactQuotes(body).slice(0, MAX_PARSED_CHARS);
  const visible = parser
    .read(body)
    .getVisibleText()
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
  return stripSignature(dropTrailingQuoteHeader(visible), options.sender).trim();
}
