/** An email address as typed in a slash command: Slack sends it as <mailto:a@b|a@b>, or leaves it bare. */
export function typedAddress(text: string): string {
  return /^<mailto:([^|>]+)(\|[^>]*)?>$/.exec(text.trim())?.[1] ?? text.trim();
}
