import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeSettings } from '../../src/http/views/status-page.js';
import { useJustin } from '../setup/app.js';
import { slackAppEnv } from '../setup/slack.js';

// The status page at / as a person sees it, on the whole app: the headline, each part's state in words, the next
// steps, the prefilled "Create the Slack app" link, no pg-boss internals, escaped text, and an answer at once
// whatever Slack does.

/** A Slack Web API that answers auth.test with `reply`, or never answers at all. */
function fakeSlack(reply: Record<string, unknown> | 'hang'): { url: () => string; server: Server } {
  const server = createServer((req, res) => {
    if (reply === 'hang') return; // accepts the connection, never answers
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reply));
  });
  return { server, url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/` };
}
const hanging = fakeSlack('hang');
const refusing = fakeSlack({ ok: false, error: 'invalid_auth' });
const hostile = fakeSlack({ ok: true, team: '<script>alert(1)</script> & Co', user: 'justin', user_id: 'U0BOT' });
beforeAll(async () => {
  for (const f of [hanging, refusing, hostile]) await new Promise<void>((r) => f.server.listen(0, '127.0.0.1', r));
});
afterAll(() => {
  for (const f of [hanging, refusing, hostile]) f.server.closeAllConnections();
  for (const f of [hanging, refusing, hostile]) f.server.close();
});

const fresh = useJustin((databaseUrl) => ({ DATABASE_URL: databaseUrl, PORT: '0' }));
const slow = useJustin((databaseUrl) => slackAppEnv({ databaseUrl, slackApiUrl: hanging.url() }));
const refused = useJustin((databaseUrl) => slackAppEnv({ databaseUrl, slackApiUrl: refusing.url() }));
const odd = useJustin((databaseUrl) => slackAppEnv({ databaseUrl, slackApiUrl: hostile.url() }));

const page = async (app: typeof fresh) =>
  (await app.justin.server.inject({ method: 'GET', url: '/', headers: { host: 'localhost:3000' } })).body;
const pill = (html: string, part: string) =>
  new RegExp(`<h3>${part}</h3><span class="pill (\\w+)">([^<]+)</span>`).exec(html)?.slice(1, 3);

describe('the status page', () => {
  it('on a fresh install says Justin needs setup, and what to do for each integration', async () => {
    const html = await page(fresh);
    expect(html).toContain('<h1 class="warn">Justin needs setup: Slack, Google, Anthropic</h1>');
    expect(pill(html, 'Database')).toEqual(['good', 'working']);
    expect(pill(html, 'Workers')).toEqual(['good', 'working']);
    expect(pill(html, 'Slack')).toEqual(['warn', 'not set up']);
    for (const name of [
      'SLACK_BOT_TOKEN',
      'SLACK_APP_TOKEN',
      'GMAIL_MAILBOX',
      'GOOGLE_CLIENT_ID',
      'GOOGLE_CLIENT_SECRET',
    ])
      expect(html).toContain(`<code>${name}</code>`);
    for (const name of ['ENCRYPTION_KEY', 'PUBLIC_URL', 'ANTHROPIC_API_KEY', '/hire connect google'])
      expect(html).toContain(`<code>${name}</code>`);
    expect(html).toContain('<code>https://YOUR-PUBLIC-URL/google/callback</code>');
    expect(html).toContain('No .env file was found');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
  });

  it('links "Create the Slack app" to Slack with the Socket Mode manifest filled in (no public URL here)', async () => {
    const html = await page(fresh);
    const href = /<a class="button" href="([^"]+)">Create the Slack app<\/a>/.exec(html)![1]!.replaceAll('&amp;', '&');
    const url = new URL(href);
    expect(`${url.origin}${url.pathname}?new_app=${url.searchParams.get('new_app')}`).toBe(
      'https://api.slack.com/apps?new_app=1',
    );
    const manifest = JSON.parse(url.searchParams.get('manifest_json')!);
    expect(manifest).toMatchObject({
      display_information: { name: 'Justin' },
      settings: { socket_mode_enabled: true },
    });
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toContain('/hire');
  });

  it("folds the queue details away, without pg-boss's own queues", async () => {
    const html = await page(fresh);
    expect(html).toMatch(/<details><summary>Queue details<\/summary>[\s\S]*outbox\.deliver[\s\S]*<\/details>/);
    expect(html).not.toContain('__pgboss__');
    const json = (await fresh.justin.server.inject({ method: 'GET', url: '/status.json' })).json();
    expect(json.queues.map((q: { name: string }) => q.name).filter((n: string) => n.startsWith('__pgboss__'))).toEqual(
      [],
    );
  });

  it('answers at once while Slack hangs, saying Slack is being checked', async () => {
    const started = Date.now();
    const html = await page(slow);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(pill(html, 'Slack')).toEqual(['off', 'checking']);
    const again = Date.now();
    await page(slow);
    expect(Date.now() - again).toBeLessThan(1_000);
  });

  it('says Justin is degraded when Slack refuses the token, and why', async () => {
    const html = await page(refused);
    expect(html).toContain('<h1 class="bad">Justin is degraded: Slack is failing</h1>');
    expect(html).toContain('Slack refused the bot token (invalid_auth): check SLACK_BOT_TOKEN');
    expect(pill(html, 'Slack')).toEqual(['bad', 'failing']);
  });

  it("escapes what comes from outside, such as the workspace's name", async () => {
    const html = await page(odd);
    expect(pill(html, 'Slack')).toEqual(['good', 'working']);
    expect(html).toContain('connected to &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co as @justin');
    expect(html).not.toContain('<script>');
  });

  it('names the .env file the settings were read from', () => {
    expect(describeSettings('/srv/justin/.env')).toBe(
      "Settings were read from /srv/justin/.env, with the environment's variables over it.",
    );
  });
});
