import EmailReplyParser from 'email-reply-parser';
import { historyStart } from './quote-markers.js';
import { stripSignature } from './signature.js';
import { cutAfterSignOff, isDeviceLine } from './sign-offs.js';

// The new text of a reply, without the quoted history and the signature. Our own line rules
// (quote-markers.ts: localised quote headers and header tables, separators; sign-offs.ts:
// phone lines, what follows a sign-off) cut first; crisp-oss's email-reply-parser (GitHub's
// algorithm with quote headers in many languages) then hides ">" quotes and "-- " signatures.

/** Mail gateways put a warning above the text ("CAUTION: EXTERNAL SENDER …", "… originated from outside …"). */
const BANNER =
  /(external (sender|e-?mail)|(originated|came|was sent) from outside|outside (of )?(the|your|our) organi[sz]ation)/i;

function dropBanner(lines: string[]): string[] {
  const firstText = lines.findIndex((l) => l.trim());
  if (firstText < 0 || !BANNER.test(lines[firstText]!)) return lines;
  let end = firstText;
  while (end < lines.length && lines[end]!.trim()) end++;
  return end - firstText <= 3 && lines.slice(end).some((l) => l.trim()) ? lines.slice(end) : lines;
}

/**
 * "Sent from my iPhone" ends the reply; some phones put it first (EdgeTier's fixtures), where
 * it is dropped alone.
 */
function dropDeviceLines(lines: string[]): string[] {
  const firstText = lines.findIndex((l) => l.trim());
  let out = lines;
  if (firstText >= 0 && isDeviceLine(lines[firstText]!) && lines.slice(firstText + 1).some((l) => l.trim()))
    out = lines.slice(firstText + 1);
  const text = out.findIndex((l) => l.trim());
  const device = out.findIndex((l, i) => i > text && isDeviceLine(l));
  return text >= 0 && device >= 0 ? out.slice(0, device) : out;
}

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
  let lines = dropBanner(text.replace(/\r\n?/g, '\n').split('\n'));
  const history = historyStart(lines);
  if (history) lines = lines.slice(0, history.line);
  const body = compactQuotes(dropDeviceLines(lines).join('\n')).slice(0, MAX_PARSED_CHARS);
  const visible = parser
    .read(body)
    .getVisibleText()
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
  return stripSignature(cutAfterSignOff(dropTrailingQuoteHeader(visible)), options.sender).trim();
}
