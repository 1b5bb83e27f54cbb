import type { IntegrationStatus, Status } from './get-status.js';

// What the status page says, decided from the facts (getStatus) and nothing else: one headline (ready, degraded and
// why, needs setup, or not ready), and for each part its state in words with a tone (the page colours it), what it
// found, and the next step with every variable and URL it needs. Pure, so each case is a table row in a test.

export type Tone = 'good' | 'warn' | 'bad' | 'off';

/** One step a person takes: words, then the variables or commands to type, then maybe a link. */
export type Step = { text: string; code?: string[]; link?: { href: string; label: string } };

export type PartView = { name: string; state: string; tone: Tone; detail: string; steps: Step[] };

export type StatusView = {
  headline: { kind: 'ready' | 'degraded' | 'needs-setup' | 'not-ready'; title: string; tone: Tone; reasons: string[] };
  parts: PartView[];
};

export type DescribeContext = {
  /** PUBLIC_URL, when set: the Slack app's request URLs and Google's redirect URI hang off it. */
  publicUrl: string | undefined;
  /** Slack's app-creation page with Justin's manifest filled in (HTTP or Socket Mode variant, see app-manifest.ts). */
  createSlackAppLink: string;
  /** Where settings go: the .env that was read, or the one that would be. */
  envFileHint: string;
  /** Whether Slack runs over Socket Mode (SLACK_APP_TOKEN) rather than HTTP. */
  socketMode: boolean;
};

const BREAKER_OF: Record<string, string> = { slack: 'Slack', gmail: 'Google', calendar: 'Google' };

/** The page's headline and one row per part: database, workers, Slack, Google, Anthropic. */
export function describeStatus(s: Status, ctx: DescribeContext): StatusView {
  const open = new Set(s.breakers.filter((b) => b.state !== 'closed').map((b) => BREAKER_OF[b.service] ?? b.service));
  const find = (name: string) => s.integrations.find((i) => i.name.startsWith(name));
  const parts = [
    database(s),
    workers(s),
    slack(find('Slack'), open.has('Slack'), ctx),
    google(find('Gmail'), open.has('Google'), ctx),
    anthropic(find('Anthropic'), ctx),
  ];

  const core = parts.slice(0, 2).filter((p) => p.tone === 'bad');
  if (core.length) {
    return {
      headline: { kind: 'not-ready', title: 'Justin is not ready', tone: 'bad', reasons: core.map(reason) },
      parts,
    };
  }
  const failing = parts.filter((p) => p.tone === 'bad');
  if (failing.length) {
    const names = failing.map((p) => p.name).join(', ');
    const title = `Justin is degraded: ${names} ${failing.length > 1 ? 'are' : 'is'} failing`;
    return { headline: { kind: 'degraded', title, tone: 'bad', reasons: failing.map(reason) }, parts };
  }
  const unset = parts.filter((p) => p.tone === 'warn' || p.tone === 'off');
  if (unset.some((p) => p.name !== 'Workers')) {
    const todo = unset.filter((p) => p.name !== 'Workers');
    return {
      headline: {
        kind: 'needs-setup',
        title: `Justin needs setup: ${todo.map((p) => p.name).join(', ')}`,
        tone: 'warn',
        reasons: todo.map(reason),
      },
      parts,
    };
  }
  return { headline: { kind: 'ready', title: 'Justin is ready', tone: 'good', reasons: [] }, parts };
}

const reason = (p: PartView) => `${p.name}: ${p.state}${p.detail ? ` (${p.detail})` : ''}`;

function database(s: Status): PartView {
  if (s.database.state !== 'ok') {
    return { name: 'Database', state: 'unreachable', tone: 'bad', detail: s.database.detail, steps: [] };
  }
  const { applied, expected } = s.migrations;
  if (applied < expected) {
    return {
      name: 'Database',
      state: 'migrating',
      tone: 'bad',
      detail: `${applied} of ${expected} migrations applied`,
      steps: [],
    };
  }
  return { name: 'Database', state: 'working', tone: 'good', detail: `${applied} migrations applied`, steps: [] };
}

function workers(s: Status): PartView {
  if (s.role === 'web') {
    return { name: 'Workers', state: 'run elsewhere', tone: 'off', detail: 'this process has ROLE=web', steps: [] };
  }
  if (s.queue.state !== 'ok')
    return { name: 'Workers', state: 'stopped', tone: 'bad', detail: s.queue.detail, steps: [] };
  if (s.deadLetters) {
    return {
      name: 'Workers',
      state: 'working, with failed jobs',
      tone: 'warn',
      detail: `${s.deadLetters} job(s) gave up after their retries (the dead-letter queue; see the queue details)`,
      steps: [],
    };
  }
  return { name: 'Workers', state: 'working', tone: 'good', detail: 'job queue started', steps: [] };
}

function probed(name: string, i: IntegrationStatus, breakerOpen: boolean, service: string): PartView | undefined {
  if (breakerOpen) {
    return {
      name,
      state: 'failing',
      tone: 'bad',
      detail: `calls to ${service} paused after repeated failures (circuit breaker open); Justin retries on its own`,
      steps: [],
    };
  }
  if (i.probe.state === 'failing') return { name, state: 'failing', tone: 'bad', detail: i.probe.detail, steps: [] };
  if (i.probe.state === 'unchecked') return { name, state: 'checking', tone: 'off', detail: i.probe.detail, steps: [] };
  if (i.probe.state === 'ok') return { name, state: 'working', tone: 'good', detail: i.probe.detail, steps: [] };
  return undefined;
}

function slack(i: IntegrationStatus | undefined, breakerOpen: boolean, ctx: DescribeContext): PartView {
  if (i?.configured) {
    const view = probed('Slack', i, breakerOpen, 'Slack')!;
    if (view.tone !== 'good') return view;
    return { ...view, detail: `${view.detail}, ${ctx.socketMode ? 'over Socket Mode' : 'over HTTP'}` };
  }
  const http = !!ctx.publicUrl;
  return {
    name: 'Slack',
    state: 'not set up',
    tone: 'warn',
    detail: http ? `Slack will reach Justin at ${ctx.publicUrl}` : 'no PUBLIC_URL: the app will use Socket Mode',
    steps: [
      {
        text: 'Create the Slack app (Justin’s manifest is filled in; pick your workspace and confirm).',
        link: { href: ctx.createSlackAppLink, label: 'Create the Slack app' },
      },
      {
        text: 'Install it to your workspace, then copy OAuth & Permissions → Bot User OAuth Token into',
        code: ['SLACK_BOT_TOKEN'],
      },
      http
        ? { text: 'Copy Basic Information → Signing Secret into', code: ['SLACK_SIGNING_SECRET'] }
        : {
            text: 'Under Basic Information → App-Level Tokens, create a token with the connections:write scope, into',
            code: ['SLACK_APP_TOKEN'],
          },
      {
        text: 'Optional: to be the first admin at once, your own Slack member id (U…) into',
        code: ['SLACK_ADMINS'],
      },
      { text: `Save them in ${ctx.envFileHint} and restart Justin.` },
    ],
  };
}

function google(i: IntegrationStatus | undefined, breakerOpen: boolean, ctx: DescribeContext): PartView {
  const base = ctx.publicUrl?.replace(/\/$/, '') ?? 'https://YOUR-PUBLIC-URL';
  const redirect = `${base}/google/callback`;
  if (i?.configured && i.connected === false) {
    return {
      name: 'Google',
      state: 'not connected',
      tone: 'warn',
      detail: 'set up, but no admin has connected the recruiting mailbox yet',
      steps: [
        { text: 'Check that the OAuth client lists this Authorized redirect URI:', code: [redirect] },
        { text: 'In Slack, an admin types', code: ['/hire connect google'] },
      ],
    };
  }
  if (i?.configured) return probed('Google', i, breakerOpen, 'Google')!;
  return {
    name: 'Google',
    state: 'not set up',
    tone: 'warn',
    detail: 'Gmail (the recruiting mailbox) and Google Calendar',
    steps: [
      {
        text: 'In Google Cloud, create an OAuth client ID (Web application), with the Gmail and Calendar APIs enabled.',
        link: { href: 'https://console.cloud.google.com/apis/credentials', label: 'Google Cloud credentials' },
      },
      { text: 'Add this Authorized redirect URI to it:', code: [redirect] },
      {
        text: `Set these in ${ctx.envFileHint} and restart Justin (ENCRYPTION_KEY: 32 random bytes, base64):`,
        code: [
          'GMAIL_MAILBOX',
          'GOOGLE_CLIENT_ID',
          'GOOGLE_CLIENT_SECRET',
          'ENCRYPTION_KEY',
          ...(ctx.publicUrl ? [] : ['PUBLIC_URL']),
        ],
      },
      { text: 'Then, in Slack, an admin types', code: ['/hire connect google'] },
    ],
  };
}

function anthropic(i: IntegrationStatus | undefined, ctx: DescribeContext): PartView {
  if (i?.configured) return probed('Anthropic', i, false, 'Anthropic')!;
  return {
    name: 'Anthropic',
    state: 'not set up',
    tone: 'warn',
    detail: "Claude reads CVs and candidates' replies, writes the scheduling emails and sums up debriefs",
    steps: [
      {
        text: `Create an API key, set it in ${ctx.envFileHint} and restart Justin:`,
        code: ['ANTHROPIC_API_KEY'],
        link: { href: 'https://console.anthropic.com/settings/keys', label: 'Anthropic console' },
      },
    ],
  };
}
