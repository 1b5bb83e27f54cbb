// A recruiter forwards an application from their own mailbox: the candidate is the original
// sender, not the recruiter. Inline forwards (Gmail, Outlook, Apple Mail) carry the original
// headers in the body; this finds them.

const FORWARD_MARKERS = [
  /^-{5,}\s*Forwarded message\s*-{5,}\s*$/im,
  /^Begin forwarded message:\s*$/im,
  /^-{2,}\s*Original Message\s*-{2,}\s*$/im,
];

export type ForwardedOriginal = { from: { address: string; name: string }; subject: string | undefined; body: string };

export function forwardedOriginal(text: string | undefined): ForwardedOriginal | undefined {
  if (!text) return undefined;
  const body = text.replace(/\r\n?/g, '\n');
  const marker = FORWARD_MARKERS.map((m) => m.exec(body)).find(Boolean);
  if (!marker) return undefined;
  const after = body.slice(marker.index + marker[0].length).replace(/^\n+/, '');
  const [headerBlock = '', ...rest] = after.split(/\n\s*\n/);
  const header = (name: string) => new RegExp(`^\\*?${name}\\*?:\\s*(.+)$`, 'im').exec(headerBlock)?.[1]?.trim();
  const from = header('From') ?? header('Von') ?? header('De');
  const match = from ? /^(?:"?([^"<]*?)"?\s*)?<?([^\s<>@]+@[^\s<>]+)>?$/.exec(from) : null;
  if (!match) return undefined;
  return {
    from: { address: match[2]!, name: (match[1] ?? '').trim() },
    subject: header('Subject') ?? header('Betreff'),
    body: rest.join('\n\n').trim(),
  };
}
