// The one way untrusted text (names, mail, CVs, the model's words, anything typed in Slack)
// reaches Slack. Slack treats `& < >` as control characters (`<!here>`, `<@U…>`, `<#C…>`,
// `<!subteam^…>`, `<url|label>`), turns bare `@here`/`@channel` and `#channel` into mentions
// and links, and auto-links every URL, e-mail address and bare domain ("evil.example") in
// mrkdwn and in a message's notification `text`. Escaping the three characters stops the
// bracketed forms; the rest is defused here so text we did not write never pings or links.
// Links we generate (Meet, app links) are written by the builders around the escaped text.

/** U+2060 WORD JOINER: invisible, and not part of any mention or host name Slack recognises. */
const WJ = '\u2060';

/** `@here`, `@channel`, `@everyone`, `@group` (any case) and `#channel`-like words. */
const BARE_MENTION = /([@＠])(?=(?:here|channel|everyone|group)\b)|([#＃])(?=[\p{L}\p{N}])/giu;

/**
 * A whitespace-separated word that Slack might auto-link: a scheme ("https://", "mailto:"),
 * "www.", an address with a host, or anything shaped like a domain (a letter or digit, a dot,
 * two letters: "evil.example", "ada@evil.example", "evil.example/verify?x"), or an IPv4
 * address. Wider than Slack's own list of top-level domains on purpose: a word we defuse
 * for nothing only looks like code.
 */
const LINKISH = new RegExp(
  [
    '[a-z][a-z0-9+.-]*://',
    '^(?:mailto|tel|slack|javascript|data):',
    'www[.。．｡]',
    '[\\p{L}\\p{N}_-][.。．｡]\\p{L}{2}',
    '\\d+\\.\\d+\\.\\d+\\.\\d+',
  ].join('|'),
  'iu',
);

/** A file name with a document's extension ("cv.pdf"): no top-level domain, so Slack links none. */
const DOCUMENT = /^[^/@:]+\.(pdf|docx?|odt|rtf|txt|png|jpe?g)[).,;:!?]*$/i;

const linkish = (word: string) => LINKISH.test(word) && !DOCUMENT.test(word);

/** Only `& < >`: for text we wrote ourselves that shows them literally ("`/hire role edit <title>`"). */
export function escapeControl(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function defuseMentions(s: string): string {
  return s.replace(BARE_MENTION, (m) => `${m}${WJ}`);
}

/** Backticks in untrusted text would close our code spans (or open one that swallows ours). */
function noBackticks(s: string): string {
  return s.replace(/`/g, 'ˋ');
}

/**
 * Untrusted text into mrkdwn (section text, fields, context, notification `text`): control
 * characters escaped, bare mentions broken with an invisible joiner, and every link-like word
 * shown as inline code, which Slack neither links nor parses (and which copies exactly, so an
 * e-mail address can still be pasted).
 */
export function escapeMrkdwn(s: string): string {
  return noBackticks(String(s))
    .split(/(\s+)/)
    .map((word) => (linkish(word) ? `\`${escapeControl(word)}\`` : defuseMentions(escapeControl(word))))
    .join('');
}

/**
 * Untrusted text where formatting is not read: plain_text objects (headers, buttons, options,
 * modal titles) and notification texts built without mrkdwn. Control characters escaped, bare
 * mentions broken, and link-like words broken by an invisible joiner after each dot, colon
 * and "@" (a code span would show its backticks there).
 */
export function escapePlainText(s: string): string {
  return String(s)
    .split(/(\s+)/)
    .map((word) =>
      linkish(word) ? escapeControl(word).replace(/([.:@。．｡/])/g, `$1${WJ}`) : defuseMentions(escapeControl(word)),
    )
    .join('');
}

/** Untrusted text inside a code span or block we open ourselves: Slack links nothing there. */
export function escapeInCode(s: string): string {
  return escapeControl(noBackticks(String(s)));
}

/** A team role as people say it: "hiring manager". */
export function teamRoleLabel(role: string): string {
  return role.toLowerCase().replace('_', ' ');
}
