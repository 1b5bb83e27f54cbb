import { convert } from 'html-to-text';
import { visibleReply } from './reply-text.js';

// Where clients start the quoted history in HTML. The reply is whatever comes before the
// first of these; the text is then cut again as plain text (the "On … wrote:" line stays
// outside most quote containers).
const QUOTE_STARTS: RegExp[] = [
  /<div[^>]*class=["'][^"']*\bgmail_quote\b/i, // Gmail
  /<blockquote[^>]*type=["']?cite/i, // Apple Mail, Thunderbird
  /<div[^>]*class=["'][^"']*\bmoz-cite-prefix\b/i, // Thunderbird's "On … wrote:" line
  /<div[^>]*id=["']?divRplyFwdMsg/i, // Outlook on the web
  /<div[^>]*id=["']?appendonsend/i, // Outlook
  /<span[^>]*id=["']?OLK_SRC_BODY_SECTION/i, // Outlook for Mac
  /<div[^>]*class=["'][^"']*\byahoo_quoted\b/i, // Yahoo
  /<div[^>]*id=["']?mail-editor-reference-message-container/i, // Outlook (new)
  /<hr\b[^>]*>/i, // Hotmail, Outlook 2003, plain separators
  /<blockquote\b/i, // everything else that quotes with a blockquote
];

/** The visible reply of an HTML body, as plain text. */
export function htmlReplyText(html: string): string {
  let cut = html.length;
  for (const start of QUOTE_STARTS) {
    const match = start.exec(html);
    if (match && match.index < cut && htmlToText(html.slice(0, match.index)).trim()) cut = match.index;
  }
  return visibleReply(htmlToText(html.slice(0, cut)));
}

export function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'style', format: 'skip' },
      { selector: 'head', format: 'skip' },
    ],
  });
}
