import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, VARIABLES } from '../src/config.js';

const SECRET = '0123456789abcdef0123456789abcdef';
const KEY = Buffer.alloc(32, 7).toString('base64');

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('loadConfig', () => {
  it('starts with nothing set: every integration off, defaults filled in', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      role: 'all',
      http: { port: 3000, host: '127.0.0.1' },
      database: { url: undefined, dataDir: '.data' },
    });
    expect(config.slack).toBeUndefined();
    expect(config.google).toBeUndefined();
    expect(config.anthropic).toBeUndefined();
  });

  it('turns an integration on when its variables are all there', () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: SECRET,
      ANTHROPIC_API_KEY: 'sk-ant-x',
    });
    expect(config.slack).toEqual({
      botToken: 'xoxb-1',
      signingSecret: SECRET,
      appToken: undefined,
      apiUrl: 'https://slack.com/api/',
      admins: [],
    });
    expect(config.anthropic?.modelFast).toBe('claude-haiku-4-5');
  });

  it('reads bootstrap admins as a list of member ids', () => {
    expect(
      loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: SECRET, SLACK_ADMINS: 'U0A1, U0B2' }).slack?.admins,
    ).toEqual(['U0A1', 'U0B2']);
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: SECRET, SLACK_ADMINS: 'alice' })[0]).toMatch(
      /^SLACK_ADMINS: must be Slack member ids/,
    );
  });

  it('sizes the database pool: 10 unless told, and never fewer than two', () => {
    expect(loadConfig({}).database.poolSize).toBe(10);
    expect(loadConfig({ DATABASE_POOL_SIZE: '25' }).database.poolSize).toBe(25);
    expect(problems({ DATABASE_POOL_SIZE: '1' })[0]).toMatch(/^DATABASE_POOL_SIZE: /);
  });

  it('accepts Socket Mode instead of a signing secret', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slack?.appToken).toBe('xapp-1');
  });

  it('lists every problem at once, each with what the variable is for and where to get it', () => {
    const found = problems({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
      SLACK_BOT_TOKEN: 'xoxp-user-token',
      GOOGLE_CLIENT_ID: 'abc.apps.googleusercontent.com',
      ANTHROPIC_API_KEY: 'wrong',
      ENCRYPTION_KEY: 'short',
    });
    const keys = found.map((p) => p.split(':')[0]);
    expect(keys).toEqual(
      expect.arrayContaining([
        'PORT',
        'DATABASE_URL',
        'SLACK_BOT_TOKEN',
        'ANTHROPIC_API_KEY',
        'ENCRYPTION_KEY',
        'SLACK_SIGNING_SECRET or SLACK_APP_TOKEN',
        'GMAIL_MAILBOX',
        'GOOGLE_CLIENT_SECRET',
        'PUBLIC_URL',
      ]),
    );
    expect(found.find((p) => p.startsWith('SLACK_BOT_TOKEN'))).toMatch(/xoxb-.*OAuth & Permissions/);
    expect(found.find((p) => p.startsWith('GOOGLE_CLIENT_SECRET'))).toMatch(/missing, but GOOGLE_CLIENT_ID is set/);
  });

  it('treats a half-configured integration as an error, not as off', () => {
    expect(problems({ SLACK_SIGNING_SECRET: SECRET })).toEqual([expect.stringMatching(/^SLACK_BOT_TOKEN: missing/)]);
    expect(problems({ GMAIL_MAILBOX: 'jobs@example.com' })).toEqual([
      expect.stringMatching(/^GOOGLE_CLIENT_ID or GOOGLE_SERVICE_ACCOUNT_JSON/),
    ]);
  });

  it('does not count base URLs alone as turning an integration on', () => {
    expect(
      loadConfig({ SLACK_API_URL: 'http://127.0.0.1:9/api/', ANTHROPIC_BASE_URL: 'http://127.0.0.1:9' }).slack,
    ).toBeUndefined();
  });

  it('never echoes a secret value in its messages', () => {
    const found = problems({ SLACK_BOT_TOKEN: 'xoxp-super-secret-value', SLACK_SIGNING_SECRET: 'not-hex-secret' });
    expect(found.join('\n')).not.toMatch(/super-secret|not-hex-secret/);
  });

  it('accepts a full Google OAuth setup', () => {
    const config = loadConfig({
      GMAIL_MAILBOX: 'jobs@example.com',
      GOOGLE_CLIENT_ID: 'abc.apps.googleusercontent.com',
      GOOGLE_CLIENT_SECRET: 's',
      ENCRYPTION_KEY: KEY,
      PUBLIC_URL: 'https://justin.example.com',
    });
    expect(config.google?.oauth).toEqual({
      clientId: 'abc.apps.googleusercontent.com',
      clientSecret: 's',
      authUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
      tokenUrl: 'https://oauth2.googleapis.com/token',
    });
    expect(config.encryptionKey?.length).toBe(32);
  });

  it('documents every variable in .env.example', () => {
    const example = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
    for (const name of Object.keys(VARIABLES)) expect(example, name).toMatch(new RegExp(`^#? ?${name}=`, 'm'));
  });
});
