import type { Status } from '../../services/status/get-status.js';
import type { PartView, Step, StatusView, Tone } from '../../services/status/describe-status.js';

// The page at /: the headline, each part's state in words and colour with its next step, then the team, where the
// settings came from, and the queue details folded away. Every text from outside (probe answers, names, paths)
// goes through escapeHtml. Readable on a phone: one column, nothing wider than the screen.

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Who runs the workspace; the claim code only when the page was opened on the machine itself. */
export type TeamStatus = { admins: string[]; hasAdmin: boolean; claimCode?: string | undefined };

const STYLE = `
*{box-sizing:border-box}
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:46rem;margin:0 auto;
  padding:1rem;color:#1f2328;overflow-wrap:anywhere}
h1{font-size:1.5rem;margin:.5rem 0;padding:.75rem 1rem;border-radius:.5rem;border-left:.4rem solid}
h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
ul.reasons{margin:.25rem 0 1rem}
.part{border:1px solid #d0d7de;border-radius:.5rem;padding:.6rem .9rem;margin:.6rem 0}
.part header{display:flex;flex-wrap:wrap;gap:.25rem .6rem;align-items:baseline}
.part h3{font-size:1rem;margin:0}
.pill{font-size:.85rem;font-weight:600;padding:0 .5rem;border-radius:1rem;white-space:nowrap}
.detail{color:#57606a;margin:.2rem 0 0}
ol{padding-left:1.3rem;margin:.4rem 0 0}li{margin:.25rem 0}
code{font:.9em ui-monospace,SFMono-Regular,Menlo,monospace;background:#f6f8fa;padding:0 .25rem;border-radius:.2rem}
a.button{display:inline-block;background:#4a154b;color:#fff;padding:.35rem .8rem;border-radius:.35rem;
  text-decoration:none;font-weight:600;margin:.2rem 0}
details{margin:1rem 0}summary{cursor:pointer;font-weight:600}
.scroll{overflow-x:auto}table{border-collapse:collapse;font-size:.9rem}
th,td{text-align:left;padding:.2rem .6rem .2rem 0;border-bottom:1px solid #eaeef2}
.good{color:#116329;background:#dafbe1;border-color:#1a7f37}
.warn{color:#7d4e00;background:#fff8c5;border-color:#bf8700}
.bad{color:#a40e26;background:#ffebe9;border-color:#cf222e}
.off{color:#424a53;background:#eaeef2;border-color:#8c959f}
.small{font-size:.85rem;color:#57606a}
`;

function step(s: Step): string {
  const code = s.code?.length ? ` ${s.code.map((c) => `<code>${escapeHtml(c)}</code>`).join(', ')}` : '';
  const link = s.link
    ? s.link.label.startsWith('Create')
      ? `<br><a class="button" href="${escapeHtml(s.link.href)}">${escapeHtml(s.link.label)}</a>`
      : ` (<a href="${escapeHtml(s.link.href)}">${escapeHtml(s.link.label)}</a>)`
    : '';
  return `<li>${escapeHtml(s.text)}${code}${link}</li>`;
}

function part(p: PartView): string {
  return (
    `<section class="part"><header><h3>${escapeHtml(p.name)}</h3>` +
    `<span class="pill ${p.tone}">${escapeHtml(p.state)}</span></header>` +
    (p.detail ? `<p class="detail">${escapeHtml(p.detail)}</p>` : '') +
    (p.steps.length ? `<ol>${p.steps.map(step).join('')}</ol>` : '') +
    '</section>'
  );
}

function teamSection(team: TeamStatus | undefined): string {
  if (!team) return '';
  if (team.admins.length) return `<h2>Team</h2><p>Admins: ${team.admins.map(escapeHtml).join(', ')}</p>`;
  if (team.hasAdmin)
    return '<h2>Team</h2><p>Justin has an admin. (Their names show on this page opened on the machine itself.)</p>';
  const how = team.claimCode
    ? `In Slack, type <code>/hire claim ${escapeHtml(team.claimCode)}</code>: whoever does becomes Justin's first ` +
      'admin, and the code is void.'
    : 'Open this page on the machine Justin runs on, or read its start log, for the one-time code that makes the ' +
      'first admin.';
  return `<h2>Team</h2><p><b>Justin has no admin yet.</b> ${how}</p>`;
}

function queueDetails(s: Status): string {
  const outbox = ['PENDING', 'DONE', 'DEAD'].map((k) => `<td>${s.outbox[k] ?? 0}</td>`).join('');
  const queues = s.queues
    .map(
      (q) =>
        `<tr><th>${escapeHtml(q.name)}</th><td>${q.ready}</td><td>${q.active}</td>` +
        `<td>${q.deferred}</td><td>${q.failed}</td></tr>`,
    )
    .join('');
  const breakers = s.breakers.length
    ? s.breakers.map((b) => `${escapeHtml(b.service)}: ${escapeHtml(b.state.replace('_', '-'))}`).join(' · ')
    : 'no external calls yet';
  return (
    '<details><summary>Queue details</summary>' +
    '<p>Effects (messages and emails on their way out): </p><div class="scroll"><table>' +
    `<tr><th></th><th>pending</th><th>done</th><th>dead</th></tr><tr><th>effects</th>${outbox}</tr></table></div>` +
    '<div class="scroll"><table><tr><th>queue</th><th>ready</th><th>active</th><th>deferred</th><th>failed</th></tr>' +
    `${queues}</table></div>` +
    `<p>Circuit breakers: ${breakers}</p></details>`
  );
}

/** Where the settings came from: the .env that was read (the environment over it), or the environment alone. */
export function describeSettings(envFile: string | undefined): string {
  return envFile
    ? `Settings were read from ${envFile}, with the environment's variables over it.`
    : 'No .env file was found: settings come from the environment only. To keep them in a file, copy ' +
        '.env.example to .env in the directory Justin starts from.';
}

/** The page a person sees at /: whether Justin works, what is not set up, and the next step for each part. */
export function renderStatusPage(
  s: Status,
  view: StatusView,
  { team, settingsHint }: { team?: TeamStatus | undefined; settingsHint: string },
): string {
  const h = view.headline;
  // Why it is degraded or not ready; "needs setup" names the parts in its title, and their cards say the rest.
  const why = h.kind === 'degraded' || h.kind === 'not-ready' ? h.reasons : [];
  const reasons = why.length ? `<ul class="reasons">${why.map((r) => `<li>${escapeHtml(r)}</li>`).join('')}</ul>` : '';
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escapeHtml(h.title)}</title><style>${STYLE}</style></head><body>\n` +
    `<h1 class="${h.tone satisfies Tone}">${escapeHtml(h.title)}</h1>\n${reasons}\n` +
    `${view.parts.map(part).join('\n')}\n` +
    `${teamSection(team)}\n` +
    `<h2>Settings</h2><p>${escapeHtml(settingsHint)} Role: <code>${escapeHtml(s.role)}</code>.</p>\n` +
    `${queueDetails(s)}\n` +
    '<p class="small">Machine-readable: <a href="/status.json">/status.json</a> · <a href="/readyz">/readyz</a> · ' +
    '<a href="/metrics">/metrics</a></p>\n' +
    '</body></html>'
  );
}
