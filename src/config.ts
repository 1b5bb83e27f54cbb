import { z } from 'zod';
import type { HttpLimits } from './http/limits.js';

// The only reader of process.env (serve.ts passes it in). Each integration is all-or-nothing:
// every variable absent means the integration is off (the status page says how to turn it
// on); some present and some missing, or any malformed, stops the start with every problem
// listed at once.

type VarDoc = { integration: Integration; purpose: string; where: string };
export type Integration = 'core' | 'slack' | 'google' | 'anthropic';

/** Every variable Justin reads, what it is for and where to get it (also the source of .env.example). */
export const VARIABLES: Record<string, VarDoc> = {
  ROLE: { integration: 'core', purpose: 'which part runs: all (default), web or worker', where: 'your deployment' },
  PORT: { integration: 'core', purpose: 'HTTP port of the web process (default 3000)', where: 'your deployment' },
  HOST: {
    integration: 'core',
    purpose: 'interface to listen on (default 127.0.0.1, this machine only; the Docker image sets 0.0.0.0)',
    where: 'your deployment',
  },
  HTTP_REQUEST_TIMEOUT_MS: {
    integration: 'core',
    purpose: 'longest time a client may take to send one whole request, headers and body (default 10000)',
    where: 'your choice',
  },
  HTTP_IDLE_TIMEOUT_MS: {
    integration: 'core',
    purpose: 'a connection that sends nothing for this long is closed (default 30000)',
    where: 'your choice',
  },
  HTTP_KEEP_ALIVE_TIMEOUT_MS: {
    integration: 'core',
    purpose: 'an idle keep-alive connection is closed after this long (default 72000, above most load balancers)',
    where: 'your choice',
  },
  HTTP_MAX_UNVERIFIED_BODIES: {
    integration: 'core',
    purpose: 'Slack and Pub/Sub bodies read at once before their signature is checked; more are refused (default 64)',
    where: 'your choice',
  },
  STATUS_TOKEN: {
    integration: 'core',
    purpose:
      'optional: the status page and /status.json then need it (Authorization: Bearer <token> or ?token=); set it ' +
      'when they are reachable from outside',
    where: 'generate: node -e "console.log(crypto.randomBytes(24).toString(\'base64url\'))"',
  },
  METRICS_TOKEN: {
    integration: 'core',
    purpose: 'optional: /metrics then needs it (Authorization: Bearer <token>, as Prometheus sends it, or ?token=)',
    where: 'generate it as STATUS_TOKEN',
  },
  LOG_LEVEL: {
    integration: 'core',
    purpose: 'pino level: fatal, error, warn, info (default), debug, trace',
    where: 'your choice',
  },
  DATABASE_URL: {
    integration: 'core',
    purpose: 'PostgreSQL URL; without it an embedded Postgres runs with data under DATA_DIR',
    where: 'your Postgres provider (postgres://user:pass@host:5432/db)',
  },
  DATA_DIR: {
    integration: 'core',
    purpose: 'where the embedded Postgres keeps its data (default .data)',
    where: 'your choice',
  },
  PUBLIC_URL: {
    integration: 'core',
    purpose: 'the https URL Slack and Google reach this service at (request URLs, OAuth redirect)',
    where: 'your tunnel or load balancer, e.g. https://justin.example.com',
  },
  ENCRYPTION_KEY: {
    integration: 'core',
    purpose: '32 random bytes, base64, that encrypt stored OAuth tokens',
    where: 'generate: node -e "console.log(crypto.randomBytes(32).toString(\'base64\'))"',
  },
  WORKER_CONCURRENCY: {
    integration: 'core',
    purpose: 'jobs one worker process runs at once per queue (default 4)',
    where: 'your choice',
  },
  DATABASE_POOL_SIZE: {
    integration: 'core',
    purpose: 'Postgres connections one process opens at start and keeps (default 10)',
    where: 'your choice',
  },
  SLACK_BOT_TOKEN: {
    integration: 'slack',
    purpose: 'bot token (xoxb-…) for the Web API',
    where: 'api.slack.com/apps → your app → OAuth & Permissions → Bot User OAuth Token',
  },
  SLACK_SIGNING_SECRET: {
    integration: 'slack',
    purpose: 'verifies that HTTP requests come from Slack',
    where: 'api.slack.com/apps → your app → Basic Information → App Credentials → Signing Secret',
  },
  SLACK_APP_TOKEN: {
    integration: 'slack',
    purpose: 'optional app-level token (xapp-…) for Socket Mode: no public URL needed',
    where: 'api.slack.com/apps → your app → Basic Information → App-Level Tokens (scope connections:write)',
  },
  SLACK_ADMINS: {
    integration: 'slack',
    purpose:
      'comma-separated Slack user ids (U…) who are admins from the start, so someone can grant the first team roles',
    where: 'Slack → a profile → ⋮ → Copy member ID',
  },
  SLACK_API_URL: {
    integration: 'slack',
    purpose: 'Slack Web API base (default https://slack.com/api/); point at a fake for local runs',
    where: 'only for testing',
  },
  GOOGLE_CLIENT_ID: {
    integration: 'google',
    purpose: 'OAuth client for the recruiting mailbox and calendars',
    where: 'console.cloud.google.com → APIs & Services → Credentials → OAuth client ID (Web application)',
  },
  GOOGLE_CLIENT_SECRET: {
    integration: 'google',
    purpose: 'secret of that OAuth client',
    where: 'same page as GOOGLE_CLIENT_ID',
  },
  GOOGLE_SERVICE_ACCOUNT_JSON: {
    integration: 'google',
    purpose: 'alternative to OAuth: a service account key (JSON) with domain-wide delegation',
    where: 'console.cloud.google.com → IAM → Service accounts → Keys; then admin.google.com → Security → API controls',
  },
  GMAIL_MAILBOX: {
    integration: 'google',
    purpose: 'the recruiting mailbox address, e.g. jobs@example.com',
    where: 'your Google Workspace',
  },
  GMAIL_PUBSUB_TOPIC: {
    integration: 'google',
    purpose: 'optional Pub/Sub topic for Gmail push (projects/<p>/topics/<t>); without it Justin polls',
    where: 'console.cloud.google.com → Pub/Sub → Topics',
  },
  GMAIL_PUSH_AUDIENCE: {
    integration: 'google',
    purpose:
      'the audience set on the Pub/Sub push subscription (default PUBLIC_URL + /gmail/push); push tokens for any ' +
      'other audience are refused',
    where: 'console.cloud.google.com → Pub/Sub → Subscriptions → your push subscription → Authentication',
  },
  GMAIL_PUSH_SERVICE_ACCOUNT: {
    integration: 'google',
    purpose:
      'optional: the service account the push subscription authenticates as; tokens from any other account are refused',
    where: 'the same subscription page',
  },
  GOOGLE_ROOT_URL: {
    integration: 'google',
    purpose: 'Google API root (default https://www.googleapis.com/); point at a fake for local runs',
    where: 'only for testing',
  },
  GOOGLE_AUTH_URL: {
    integration: 'google',
    purpose:
      "Google's OAuth consent page (default https://accounts.google.com/o/oauth2/v2/auth); point at a fake for local " +
      'runs',
    where: 'only for testing',
  },
  GOOGLE_TOKEN_URL: {
    integration: 'google',
    purpose:
      "Google's OAuth token endpoint (default https://oauth2.googleapis.com/token); point at a fake for local runs",
    where: 'only for testing',
  },
  GOOGLE_CERTS_URL: {
    integration: 'google',
    purpose:
      "Google's token-signing certificates (default https://www.googleapis.com/oauth2/v1/certs); point at a fake for " +
      'local runs',
    where: 'only for testing',
  },
  ANTHROPIC_API_KEY: {
    integration: 'anthropic',
    purpose: 'Claude API key',
    where: 'console.anthropic.com → Settings → API Keys',
  },
  ANTHROPIC_BASE_URL: {
    integration: 'anthropic',
    purpose: 'Anthropic API base (default https://api.anthropic.com); point at a fake for local runs',
    where: 'only for testing',
  },
  ANTHROPIC_MODEL_FAST: {
    integration: 'anthropic',
    purpose: 'Haiku-class model for classification (default claude-haiku-4-5)',
    where: 'docs.anthropic.com → Models',
  },
  ANTHROPIC_MODEL_SMART: {
    integration: 'anthropic',
    purpose:
      'Sonnet-class model for drafting and CV reading (default claude-sonnet-5-5; claude-sonnet-4-5 reaches end of ' +
      'life on 30 Nov 2026)',
    where: 'docs.anthropic.com → Models',
  },
};

/** Variables whose presence turns an integration on; the others in it are optional tuning. */
const REQUIRED_WHEN_ON: Record<Exclude<Integration, 'core'>, string[][]> = {
  slack: [['SLACK_BOT_TOKEN'], ['SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN']],
  google: [['GMAIL_MAILBOX'], ['GOOGLE_CLIENT_ID', 'GOOGLE_SERVICE_ACCOUNT_JSON']],
  anthropic: [['ANTHROPIC_API_KEY']],
};

const url = z.url({ protocol: /^https?$/ });
const nonEmpty = z.string().trim().min(1);

const ZEnv = z.object({
  ROLE: z.enum(['all', 'web', 'worker']).default('all'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: nonEmpty.default('127.0.0.1'),
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  HTTP_IDLE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(72_000),
  HTTP_MAX_UNVERIFIED_BODIES: z.coerce.number().int().min(1).max(10_000).default(64),
  STATUS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATA_DIR: nonEmpty.default('.data'),
  PUBLIC_URL: url.optional(),
  ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded')
    .optional(),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(10),
  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', 'must be a bot token starting with xoxb-').optional(),
  SLACK_SIGNING_SECRET: z
    .string()
    .regex(/^[0-9a-f]{32}$/i, 'must be the 32 hex characters Slack shows')
    .optional(),
  SLACK_APP_TOKEN: z.string().startsWith('xapp-', 'must be an app-level token starting with xapp-').optional(),
  SLACK_ADMINS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[UW][A-Z0-9]{2,}$/, 'must be Slack member ids like U012ABCDEF, comma-separated')))
    .optional(),
  SLACK_API_URL: url.default('https://slack.com/api/'),
  GOOGLE_CLIENT_ID: z
    .string()
    .endsWith('.apps.googleusercontent.com', 'must end with .apps.googleusercontent.com')
    .optional(),
  GOOGLE_CLIENT_SECRET: nonEmpty.optional(),
  GOOGLE_SERVICE_ACCOUNT_JSON: z
    .string()
    .refine((v) => {
      try {
        const key = JSON.parse(v) as Record<string, unknown>;
        return (
          key.type === 'service_account' && typeof key.private_key === 'string' && typeof key.client_email === 'string'
        );
      } catch {
        return false;
      }
    }, 'must be a service account key file\'s JSON (type "service_account")')
    .optional(),
  GMAIL_MAILBOX: z.email('must be an email address').optional(),
  GMAIL_PUBSUB_TOPIC: z
    .string()
    .regex(/^projects\/[^/]+\/topics\/[^/]+$/, 'must look like projects/<project>/topics/<topic>')
    .optional(),
  GMAIL_PUSH_AUDIENCE: nonEmpty.optional(),
  GMAIL_PUSH_SERVICE_ACCOUNT: z.email('must be an email address').optional(),
  GOOGLE_ROOT_URL: url.default('https://www.googleapis.com/'),
  GOOGLE_CERTS_URL: url.default('https://www.googleapis.com/oauth2/v1/certs'),
  GOOGLE_AUTH_URL: url.default('https://accounts.google.com/o/oauth2/v2/auth'),
  GOOGLE_TOKEN_URL: url.default('https://oauth2.googleapis.com/token'),
  ANTHROPIC_API_KEY: z.string().startsWith('sk-ant-', 'must start with sk-ant-').optional(),
  ANTHROPIC_BASE_URL: url.default('https://api.anthropic.com'),
  ANTHROPIC_MODEL_FAST: nonEmpty.default('claude-haiku-4-5'),
  ANTHROPIC_MODEL_SMART: nonEmpty.default('claude-sonnet-5-5'),
});

type Env = z.infer<typeof ZEnv>;

export type Config = {
  role: Env['ROLE'];
  /** The `.env` file the settings were read from (see env-file.ts), shown on the status page; undefined if none. */
  envFile: string | undefined;
  http: {
    port: number;
    host: string;
    publicUrl: string | undefined;
    limits: HttpLimits;
    /** When set, the status page (and its JSON) and /metrics need these. */
    statusToken?: string | undefined;
    metricsToken?: string | undefined;
  };
  logLevel: Env['LOG_LEVEL'];
  database: { url: string | undefined; dataDir: string; poolSize: number };
  encryptionKey: Buffer | undefined;
  workerConcurrency: number;
  slack:
    | {
        botToken: string;
        signingSecret: string | undefined;
        appToken: string | undefined;
        apiUrl: string;
        admins: string[];
      }
    | undefined;
  google:
    | {
        mailbox: string;
        oauth: { clientId: string; clientSecret: string; authUrl: string; tokenUrl: string } | undefined;
        serviceAccountJson: string | undefined;
        pubsubTopic: string | undefined;
        push: { audience: string | undefined; serviceAccount: string | undefined; certsUrl: string };
        rootUrl: string;
      }
    | undefined;
  anthropic: { apiKey: string; baseUrl: string; modelFast: string; modelSmart: string } | undefined;
};

export class ConfigError extends Error {
  // A plain field, not a parameter property: the preflight (scripts/preflight.mjs) loads this file with Node's own
  // type stripping, which accepts only erasable TypeScript.
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Justin cannot start; fix these settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
    this.name = 'ConfigError';
  }
}

function describe(key: string): string {
  const doc = VARIABLES[key];
  return doc ? ` (${doc.purpose}; get it from ${doc.where})` : '';
}

/** Parses and cross-checks the environment. Throws ConfigError listing every problem. */
export function loadConfig(
  source: Record<string, string | undefined>,
  { envFile }: { envFile?: string | undefined } = {},
): Config {
  // An empty value counts as absent, as in most .env tooling.
  const raw = Object.fromEntries(
    Object.keys(VARIABLES)
      .map((k) => [k, source[k]?.trim()] as const)
      .filter(([, v]) => v !== undefined && v !== ''),
  );
  const problems: string[] = [];
  const parsed = ZEnv.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0]);
      problems.push(`${key}: ${issue.message}${describe(key)}`);
    }
  }

  for (const [integration, groups] of Object.entries(REQUIRED_WHEN_ON)) {
    const present = Object.entries(VARIABLES).some(
      ([k, d]) => d.integration === integration && raw[k] !== undefined && !isTuningDefault(k),
    );
    if (!present) continue;
    for (const anyOf of groups) {
      if (!anyOf.some((k) => raw[k] !== undefined)) {
        const names = anyOf.join(' or ');
        problems.push(`${names}: missing, but other ${integration} settings are set${describe(anyOf[0]!)}`);
      }
    }
  }
  if (raw.GOOGLE_CLIENT_ID && !raw.GOOGLE_CLIENT_SECRET) {
    problems.push(`GOOGLE_CLIENT_SECRET: missing, but GOOGLE_CLIENT_ID is set${describe('GOOGLE_CLIENT_SECRET')}`);
  }
  if (raw.GOOGLE_CLIENT_ID && !raw.ENCRYPTION_KEY) {
    problems.push(
      'ENCRYPTION_KEY: missing, but Google OAuth is set up and its tokens must be stored ' +
        `encrypted${describe('ENCRYPTION_KEY')}`,
    );
  }
  if (raw.GOOGLE_CLIENT_ID && !raw.PUBLIC_URL) {
    problems.push(`PUBLIC_URL: missing, but Google OAuth needs a redirect URL${describe('PUBLIC_URL')}`);
  }

  if (problems.length || !parsed.success) throw new ConfigError(problems);
  return toConfig(parsed.data, envFile);
}

/** Base URLs and model names have defaults; setting only them does not turn an integration on. */
function isTuningDefault(key: string): boolean {
  return (
    /_(URL|MODEL_FAST|MODEL_SMART)$/.test(key) ||
    [
      'GMAIL_PUBSUB_TOPIC',
      'GMAIL_PUSH_AUDIENCE',
      'GMAIL_PUSH_SERVICE_ACCOUNT',
      'SLACK_APP_TOKEN',
      'SLACK_ADMINS',
    ].includes(key)
  );
}

function toConfig(env: Env, envFile: string | undefined): Config {
  return {
    role: env.ROLE,
    envFile,
    http: {
      port: env.PORT,
      host: env.HOST,
      publicUrl: env.PUBLIC_URL,
      limits: {
        requestTimeoutMs: env.HTTP_REQUEST_TIMEOUT_MS,
        idleTimeoutMs: env.HTTP_IDLE_TIMEOUT_MS,
        keepAliveTimeoutMs: env.HTTP_KEEP_ALIVE_TIMEOUT_MS,
        maxUnverifiedBodies: env.HTTP_MAX_UNVERIFIED_BODIES,
      },
      statusToken: env.STATUS_TOKEN,
      metricsToken: env.METRICS_TOKEN,
    },
    logLevel: env.LOG_LEVEL,
    database: { url: env.DATABASE_URL, dataDir: env.DATA_DIR, poolSize: env.DATABASE_POOL_SIZE },
    encryptionKey: env.ENCRYPTION_KEY ? Buffer.from(env.ENCRYPTION_KEY, 'base64') : undefined,
    workerConcurrency: env.WORKER_CONCURRENCY,
    slack: env.SLACK_BOT_TOKEN
      ? {
          botToken: env.SLACK_BOT_TOKEN,
          signingSecret: env.SLACK_SIGNING_SECRET,
          appToken: env.SLACK_APP_TOKEN,
          apiUrl: env.SLACK_API_URL,
          admins: env.SLACK_ADMINS ?? [],
        }
      : undefined,
    google: env.GMAIL_MAILBOX
      ? {
          mailbox: env.GMAIL_MAILBOX,
          oauth:
            env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET
              ? {
                  clientId: env.GOOGLE_CLIENT_ID,
                  clientSecret: env.GOOGLE_CLIENT_SECRET,
                  authUrl: env.GOOGLE_AUTH_URL,
                  tokenUrl: env.GOOGLE_TOKEN_URL,
                }
              : undefined,
          serviceAccountJson: env.GOOGLE_SERVICE_ACCOUNT_JSON,
          pubsubTopic: env.GMAIL_PUBSUB_TOPIC,
          push: {
            audience:
              env.GMAIL_PUSH_AUDIENCE ??
              (env.PUBLIC_URL ? `${env.PUBLIC_URL.replace(/\/$/, '')}/gmail/push` : undefined),
            serviceAccount: env.GMAIL_PUSH_SERVICE_ACCOUNT,
            certsUrl: env.GOOGLE_CERTS_URL,
          },
          rootUrl: env.GOOGLE_ROOT_URL,
        }
      : undefined,
    anthropic: env.ANTHROPIC_API_KEY
      ? {
          apiKey: env.ANTHROPIC_API_KEY,
          baseUrl: env.ANTHROPIC_BASE_URL,
          modelFast: env.ANTHROPIC_MODEL_FAST,
          modelSmart: env.ANTHROPIC_MODEL_SMART,
        }
      : undefined,
  };
}

/** How to turn an integration on, for the status page. */
export function howToEnable(integration: Exclude<Integration, 'core'>): string[] {
  return REQUIRED_WHEN_ON[integration].map((anyOf) =>
    anyOf.map((k) => `${k}: ${VARIABLES[k]?.where}`).join('  — or —  '),
  );
}
