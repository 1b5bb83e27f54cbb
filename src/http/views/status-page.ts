import type { Status } from '../../services/status/get-status.js';
import type { Probe } from '../../services/status/probe.js';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const BADGE: Record<Probe['state'], string> = {
  ok: '🟢 working',
  failing: '🔴 failing',
  off: '⚪ off',
  unchecked: '🟡 configured',
};

function row(label: string, probe: Probe): string {
  return `<tr><th>${escapeHtml(label)}</th><td>${BADGE[probe.state]}</td><td>${escapeHtml(probe.detail)}</td></tr>`;
}

function slackSetup(publicUrl: string | undefined): string {
  const base = publicUrl ?? 'https://YOUR-PUBLIC-URL';
  return (
    '<section><h2>Connect Slack</h2><ol>\n' +
    '<li>Open <a href="https://api.slack.com/apps?new_app=1">api.slack.com/apps</a> → <b>Create New App</b> → ' +
    '<b>From an app manifest</b>, pick your workspace.</li>\n' +
    '<li>Paste <code>manifest.yml</code> from this repository' +
    `${
      publicUrl ? '' : ', replacing <code>https://YOUR-PUBLIC-URL</code> with the URL Slack can reach this service at'
    }` +
    ` (request URLs point at <code>${escapeHtml(base)}/slack/events</code>). ` +
    'Or skip the public URL: turn on Socket Mode and create an app-level token.</li>\n' +
    '<li>Install the app to the workspace, then set <code>SLACK_BOT_TOKEN</code> ' +
    'and <code>SLACK_SIGNING_SECRET</code> (or <code>SLACK_APP_TOKEN</code> for Socket Mode) and restart.</li>\n' +
    '</ol></section>'
  );
}

/** Who runs the workspace; the claim code only when the page was opened on the machine itself. */
export type TeamStatus = { admins: string[]; hasAdmin: boolean; claimCode?: string | undefined };

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

/** The page a person sees at /: what works, what is off and how to turn it on. */
export function renderStatusPage(
  s: Status,
  { publicUrl, team }: { publicUrl: string | undefined; team?: TeamStatus | undefined },
): string {
  const integrations = s.integrations
    .map(
      (i) =>
        row(i.name, i.probe) +
        (i.configured
          ? ''
          : '<tr><td></td><td colspan="2" class="how">To turn on, set:<br>' +
            `${i.howToEnable.map(escapeHtml).join('<br>')}</td></tr>`),
    )
    .join('');
  const outbox = ['PENDING', 'DONE', 'DEAD'].map((k) => `<td>${s.outbox[k] ?? 0}</td>`).join('');
  const queues = s.queues
    .map(
      (q) =>
        `<tr><th>${escapeHtml(q.name)}</th><td>${q.ready}</td><td>${q.active}</td>` +
        `<td>${q.deferred}</td><td>${q.failed}</td></tr>`,
    )
    .join('');
  const breakers = s.breakers.length
    ? s.breakers
        .map((b) => `<tr><th>${escapeHtml(b.service)}</th><td>${escapeHtml(b.state.replace('_', '-'))}</td></tr>`)
        .join('')
    : '<tr><td colspan="2">no external calls yet</td></tr>';
  const slackOff = s.integrations.some((i) => i.name === 'Slack' && !i.configured);

  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Justin status</title>\n' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    '<style>body{font:15px/1.5 system-ui,sans-serif;max-width:860px;margin:2rem auto;padding:0 1rem;color:#1d1c1d}\n' +
    'table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}' +
    'th,td{text-align:left;padding:.3rem .6rem;border-bottom:1px solid #eee;vertical-align:top}\n' +
    'th{font-weight:600;width:14rem}.how{font-size:13px;color:#555}code{background:#f4f4f4;padding:0 .25rem}' +
    '</style></head><body>\n' +
    `<h1>Justin ${s.ready ? 'is ready' : 'is not ready'}</h1>\n` +
    `<p>Role: <b>${escapeHtml(s.role)}</b>. Migrations applied: ${s.migrations.applied} of ${s.migrations.expected}.` +
    `${s.deadLetters ? ` <b>${s.deadLetters} job(s) in the dead-letter queue.</b>` : ''}</p>\n` +
    `${teamSection(team)}\n` +
    `<h2>Core</h2><table>${row('Database', s.database)}${row('Job queue', s.queue)}</table>\n` +
    `<h2>Integrations</h2><table>${integrations}</table>\n` +
    `${slackOff ? slackSetup(publicUrl) : ''}\n` +
    '<h2>Outbox</h2><table><tr><th></th><th>pending</th><th>done</th><th>dead</th></tr>' +
    `<tr><th>effects</th>${outbox}</tr></table>\n` +
    '<h2>Queues</h2><table><tr><th></th><th>ready</th><th>active</th><th>deferred</th><th>failed</th></tr>' +
    `${queues}</table>\n` +
    `<h2>Circuit breakers</h2><table>${breakers}</table>\n` +
    '<p class="how">Machine-readable: <a href="/status.json">/status.json</a> · <a href="/readyz">/readyz</a> · ' +
    '<a href="/metrics">/metrics</a></p>\n' +
    '</body></html>'
  );
}
