import { describe, expect, it } from 'vitest';
import { describeStatus, type DescribeContext } from '../../../src/services/status/describe-status.js';
import type { IntegrationStatus, Status } from '../../../src/services/status/get-status.js';
import type { Probe } from '../../../src/services/status/probe.js';

// The status page's judgement, case by case: ready, degraded (what and why), needs setup, not ready.
const ok = (detail: string): Probe => ({ state: 'ok', detail });
const off: Probe = { state: 'off', detail: 'not configured' };
const integration = (name: string, probe: Probe, extra: Partial<IntegrationStatus> = {}): IntegrationStatus => ({
  name,
  configured: probe.state !== 'off',
  probe,
  howToEnable: [],
  ...extra,
});
const allWorking = [
  integration('Slack', ok('connected to Acme as @justin')),
  integration('Gmail and Google Calendar', ok('Gmail readable as jobs@acme.test'), { connected: true }),
  integration('Anthropic (Claude)', ok('API key accepted')),
];
const status = (over: Partial<Status> = {}): Status => ({
  role: 'all',
  envFile: undefined,
  database: ok('reachable'),
  migrations: { applied: 11, expected: 11 },
  queue: ok('started'),
  ready: true,
  integrations: allWorking,
  outbox: {},
  queues: [],
  deadLetters: 0,
  breakers: [],
  ...over,
});
const ctx: DescribeContext = {
  publicUrl: 'https://justin.acme.test',
  createSlackAppLink: 'https://api.slack.com/apps?new_app=1&manifest_json=%7B%7D',
  envFileHint: '/srv/justin/.env',
  socketMode: false,
};
const replace = (name: string, i: IntegrationStatus) => allWorking.map((x) => (x.name.startsWith(name) ? i : x));
const part = (view: ReturnType<typeof describeStatus>, name: string) => view.parts.find((p) => p.name === name)!;

describe('the status page headline', () => {
  it('is ready when every part works, each in words and green', () => {
    const view = describeStatus(status(), ctx);
    expect(view.headline).toEqual({ kind: 'ready', title: 'Justin is ready', tone: 'good', reasons: [] });
    expect(view.parts.map((p) => [p.name, p.state, p.tone])).toEqual([
      ['Database', 'working', 'good'],
      ['Workers', 'working', 'good'],
      ['Slack', 'working', 'good'],
      ['Google', 'working', 'good'],
      ['Anthropic', 'working', 'good'],
    ]);
  });

  it.each([
    [
      'Slack refusing the token',
      status({
        integrations: replace(
          'Slack',
          integration('Slack', {
            state: 'failing',
            detail: 'Slack refused the bot token (invalid_auth): check SLACK_BOT_TOKEN',
          }),
        ),
      }),
      'Slack: failing (Slack refused the bot token (invalid_auth): check SLACK_BOT_TOKEN)',
    ],
    [
      "Slack's circuit breaker open, though its last probe worked",
      status({ breakers: [{ service: 'slack', state: 'open' }] }),
      'Slack: failing (calls to Slack paused after repeated failures (circuit breaker open); ' +
        'Justin retries on its own)',
    ],
    [
      'Google not answering',
      status({
        integrations: replace(
          'Gmail',
          integration(
            'Gmail and Google Calendar',
            { state: 'failing', detail: 'no answer within 5 s' },
            { connected: true },
          ),
        ),
      }),
      'Google: failing (no answer within 5 s)',
    ],
  ])('is degraded, saying what and why: %s', (_case, s, reason) => {
    const view = describeStatus(s, ctx);
    expect(view.headline.kind).toBe('degraded');
    expect(view.headline.tone).toBe('bad');
    expect(view.headline.title).toMatch(/^Justin is degraded: (Slack|Google) is failing$/);
    expect(view.headline.reasons).toEqual([reason]);
  });

  it('needs setup on a fresh install, with every variable and URL of each next step', () => {
    const fresh = [
      integration('Slack', off),
      integration('Gmail and Google Calendar', off),
      integration('Anthropic (Claude)', off),
    ];
    const view = describeStatus(status({ integrations: fresh }), { ...ctx, publicUrl: undefined, envFileHint: '.env' });
    expect(view.headline).toMatchObject({ kind: 'needs-setup', title: 'Justin needs setup: Slack, Google, Anthropic' });
    const slack = part(view, 'Slack');
    expect(slack).toMatchObject({ state: 'not set up', tone: 'warn' });
    expect(slack.steps[0]!.link).toEqual({ href: ctx.createSlackAppLink, label: 'Create the Slack app' });
    const slackCode = slack.steps.flatMap((s) => s.code ?? []);
    expect(slackCode).toEqual(['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_ADMINS']); // Socket Mode: no public URL
    const googleCode = part(view, 'Google').steps.flatMap((s) => s.code ?? []);
    expect(googleCode).toEqual([
      'https://YOUR-PUBLIC-URL/google/callback',
      'GMAIL_MAILBOX',
      'GOOGLE_CLIENT_ID',
      'GOOGLE_CLIENT_SECRET',
      'ENCRYPTION_KEY',
      'PUBLIC_URL',
      '/hire connect google',
    ]);
    expect(part(view, 'Anthropic').steps.flatMap((s) => s.code ?? [])).toEqual(['ANTHROPIC_API_KEY']);
  });

  it('asks for the signing secret when Slack reaches Justin over its public URL', () => {
    const view = describeStatus(status({ integrations: replace('Slack', integration('Slack', off)) }), ctx);
    expect(part(view, 'Slack').steps.flatMap((s) => s.code ?? [])).toEqual([
      'SLACK_BOT_TOKEN',
      'SLACK_SIGNING_SECRET',
      'SLACK_ADMINS',
    ]);
  });

  it('needs setup when Google is configured but the mailbox not connected: /hire connect google', () => {
    const google = integration(
      'Gmail and Google Calendar',
      { state: 'failing', detail: 'not connected' },
      { connected: false },
    );
    const view = describeStatus(status({ integrations: replace('Gmail', google) }), ctx);
    expect(view.headline).toMatchObject({ kind: 'needs-setup', title: 'Justin needs setup: Google' });
    expect(part(view, 'Google')).toMatchObject({ state: 'not connected', tone: 'warn' });
    expect(part(view, 'Google').steps.flatMap((s) => s.code ?? [])).toEqual([
      'https://justin.acme.test/google/callback',
      '/hire connect google',
    ]);
  });

  it('is not ready when the database is unreachable or behind on migrations, whatever else works', () => {
    expect(describeStatus(status({ database: { state: 'failing', detail: 'ECONNREFUSED' } }), ctx).headline).toEqual({
      kind: 'not-ready',
      title: 'Justin is not ready',
      tone: 'bad',
      reasons: ['Database: unreachable (ECONNREFUSED)'],
    });
    const behind = describeStatus(status({ migrations: { applied: 9, expected: 11 } }), ctx);
    expect(behind.headline.reasons).toEqual(['Database: migrating (9 of 11 migrations applied)']);
  });

  it('says a probe is still checking, in words, without calling the integration failing', () => {
    const s = status({
      integrations: replace('Slack', integration('Slack', { state: 'unchecked', detail: 'checking now' })),
    });
    const view = describeStatus(s, ctx);
    expect(part(view, 'Slack')).toMatchObject({ state: 'checking', tone: 'off' });
    expect(view.headline.kind).toBe('needs-setup'); // not "ready" before Slack has answered
  });

  it('keeps the headline on failed jobs but flags them under Workers', () => {
    const view = describeStatus(status({ deadLetters: 3 }), ctx);
    expect(part(view, 'Workers')).toMatchObject({ state: 'working, with failed jobs', tone: 'warn' });
  });
});
