// What "nothing pings or links" means for a rendered Slack surface, checked field by field.

/** Mentions and links our builders write themselves, around escaped text: these may stay. */
const OURS = [
  /^<@U0OK[A-Z0-9]*>$/, // people we chose (fixture ids), never from the hostile text
  /^<#C0OK[A-Z0-9]*>$/,
  /^<!date\^\d+\^[^|<>]*\|[^<>]*>$/, // Slack's localised time, a number we formatted
  /^<https:\/\/(meet\.google\.com|justin\.example)\/[^|<>\s]*(\|[^<>]*)?>$/, // links we generated
];

/** Words a hostile value brings that Slack would turn into a ping or a link if left as they are. */
const LIVE = [
  /evil[.。]example/i,
  /https?:\/\//i,
  /www\.evil/i,
  /[@＠](here|channel|everyone)\b/i, // a defused one has an invisible joiner after the @
  /#general\b/i,
];

export type Finding = { path: string; text: string; why: string };

/** Every text a surface shows, with whether Slack reads it as mrkdwn. */
export function textsOf(value: unknown, path = '$', out: Array<{ path: string; text: string; mrkdwn: boolean }> = []) {
  if (Array.isArray(value)) value.forEach((v, i) => textsOf(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ((o.type === 'mrkdwn' || o.type === 'plain_text') && typeof o.text === 'string') {
      out.push({ path, text: o.text, mrkdwn: o.type === 'mrkdwn' });
    }
    for (const [k, v] of Object.entries(o)) {
      // A message's top-level text is its notification: Slack reads it as mrkdwn.
      if (k === 'text' && typeof v === 'string' && path === '$') out.push({ path: '$.text', text: v, mrkdwn: true });
      else if (typeof v === 'object') textsOf(v, `${path}.${k}`, out);
    }
  } else if (typeof value === 'string' && path === '$') out.push({ path, text: value, mrkdwn: true });
  return out;
}

/** Why a text would ping or link, or nothing. */
export function liveParts(text: string, mrkdwn: boolean): string[] {
  const why: string[] = [];
  for (const m of text.match(/<[^<>]*>/g) ?? []) if (!OURS.some((r) => r.test(m))) why.push(`control ${m}`);
  if (/<(?![^<>]*>)/.test(text) && !/<[^<>]*>/.test(text)) why.push('a lone <');
  let shown = text.replace(/<[^<>]*>/g, ' ');
  // Code spans and blocks are neither linked nor parsed in mrkdwn; plain_text has no code spans.
  if (mrkdwn) shown = shown.replace(/```[\s\S]*?```/g, ' ').replace(/`[^`\n]*`/g, ' ');
  for (const r of LIVE) {
    const m = shown.match(r);
    if (m) why.push(`live ${JSON.stringify(m[0])}`);
  }
  return why;
}

/** Every finding over a rendered surface (a message, a modal, a Home view or a bare string). */
export function findings(surface: unknown): Finding[] {
  return textsOf(surface).flatMap(({ path, text, mrkdwn }) =>
    liveParts(text, mrkdwn).map((why) => ({ path, text: text.slice(0, 200), why })),
  );
}
