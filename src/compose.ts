import type { FastifyInstance } from 'fastify';
import type { WebClient } from '@slack/web-api';
import type { Config } from './config.js';
import { defaultPaths, applyMigrations, readMigrationList } from './db/migrations.js';
import { createPrisma, openConnections, type PrismaClient } from './db/prisma.js';
import { resolveDatabase } from './db/resolve-database.js';
import { buildServer } from './http/server.js';
import { createBoss, ensureQueues, ensureSchedules, type Boss } from './jobs/boss.js';
import { registerWorkers } from './jobs/register-workers.js';
import type { Logger } from './logger.js';
import { createMetrics } from './metrics.js';
import { createPerformers, type GoogleDeps } from './outbox/performers/index.js';
import { createGoogleAuth } from './google/google-auth.js';
import { createClaude } from './ai/claude.js';
import { googleOAuthRoutes } from './http/routes/google-oauth.js';
import { loadMailboxTokens } from './services/google/mailbox-credential.js';
import { signLink } from './google/token-crypto.js';
import { gmailPushRoute } from './http/routes/gmail-push.js';
import { createPushVerifier } from './gmail/verify-push.js';
import { probeCalendar, probeGmail } from './services/status/probe-google.js';
import { createCalendarAvailability, type AvailabilitySource } from './services/scheduling/availability.js';
import { BreakerRegistry } from './resilience/circuit-breaker.js';
import { cachedProbe } from './services/status/probe.js';
import type { StatusDeps } from './services/status/get-status.js';
import { createSlackClient } from './slack/web-client.js';
import type { App } from '@slack/bolt';
import { createSlackApp } from './slack/app.js';
import { BotIdentity } from './slack/bot-identity.js';
import { FastifyReceiver } from './slack/fastify-receiver.js';
import { recordSlackDelivery } from './services/slack/record-delivery.js';
import { currentClaimCode } from './services/team/first-admin.js';

export type Justin = {
  config: Config;
  prisma: PrismaClient;
  boss: Boss;
  server: FastifyInstance;
  slack: WebClient | undefined;
  /** The Bolt app, when Slack is configured and this process serves the web role. */
  slackApp: App | undefined;
  databaseUrl: string;
  /** Graceful stop: no new requests or jobs, in-flight jobs finish (or go back to the queue), pools close. */
  stop(): Promise<void>;
};

/**
 * The composition root: config → database → migrations → Prisma → pg-boss → clients →
 * workers and/or web server. The only place that constructs clients.
 */
export async function startJustin(
  config: Config,
  log: Logger,
  {
    listen = true,
    now = () => new Date(),
  }: {
    listen?: boolean;
    /** The clock every business decision reads (holds, follow-ups, interviews that ended); tests pass their own. */
    now?: () => Date;
  } = {},
): Promise<Justin> {
  const runsWeb = config.role !== 'worker';
  const runsWorker = config.role !== 'web';

  const db = await resolveDatabase({
    databaseUrl: config.database.url,
    dataDir: `${config.database.dataDir}/pg`,
    log: (line) => log.debug({ component: 'embedded-postgres' }, line),
    notice: (line) => log.warn({ component: 'embedded-postgres' }, line),
  });
  if (db.embedded) log.info('no DATABASE_URL: started embedded Postgres');

  const applied = await applyMigrations(db.url, { log: (line) => log.debug({ component: 'migrations' }, line) });
  if (applied.length) log.info({ applied }, 'migrations applied');
  const expectedMigrations = (await readMigrationList(defaultPaths.migrations)).migrationDirectories.length;

  const prisma = createPrisma(db.url, { max: config.database.poolSize });
  await openConnections(prisma, config.database.poolSize);
  const boss = createBoss({ databaseUrl: db.url, log: log.child({ component: 'pg-boss' }), schedule: runsWorker });
  let bossStarted = false;
  await boss.start();
  bossStarted = true;
  await ensureQueues(boss);
  if (runsWorker) await ensureSchedules(boss);

  const slack = config.slack
    ? createSlackClient({ token: config.slack.botToken, apiUrl: config.slack.apiUrl, log })
    : undefined;
  const breakers = new BreakerRegistry();
  const metrics = createMetrics({ prisma, boss, breakers });
  // The mailbox's OAuth tokens, if an admin connected it (/hire connect google); otherwise a
  // service account with domain-wide delegation, or Google is not connected yet.
  const loadTokens =
    config.google?.oauth && config.encryptionKey
      ? (
          (key: Buffer, mailbox: string) => () =>
            loadMailboxTokens(prisma, { key, mailbox })
        )(config.encryptionKey, config.google.mailbox)
      : undefined;
  const oauthTokens = await loadTokens?.().catch((err: Error) => {
    // A changed ENCRYPTION_KEY cannot open the stored tokens: start anyway, not connected, and say why.
    log.error({ err: err.message }, 'stored Google tokens cannot be decrypted; reconnect with /hire connect google');
    return undefined;
  });
  const google: GoogleDeps | undefined = config.google
    ? {
        // Reloading lets a worker pick up tokens an admin connected through another (web) process.
        auth: createGoogleAuth({
          serviceAccountJson: config.google.serviceAccountJson,
          oauth: config.google.oauth,
          oauthTokens,
          reloadTokens: loadTokens,
        }),
        rootUrl: config.google.rootUrl,
        mailbox: config.google.mailbox,
        pubsubTopic: config.google.pubsubTopic,
      }
    : undefined;
  const availability = google ? createCalendarAvailability(google) : undefined;
  const ai = config.anthropic
    ? {
        claude: createClaude({ apiKey: config.anthropic.apiKey, baseUrl: config.anthropic.baseUrl }),
        modelFast: config.anthropic.modelFast,
        modelSmart: config.anthropic.modelSmart,
      }
    : undefined;

  if (runsWorker) {
    const deliver = {
      prisma,
      boss,
      breakers,
      performers: createPerformers({ slack, prisma, google, boss, poolSize: config.database.poolSize, now }),
      log: log.child({ component: 'outbox' }),
      onOutcome: (kind: string, outcome: string) => metrics.outboxDeliveries.inc({ kind, outcome }),
      now,
    };
    await registerWorkers(
      {
        prisma,
        boss,
        log: log.child({ component: 'worker' }),
        metrics,
        slackEnabled: !!slack,
        slack,
        deliver,
        google,
        availability,
        ai,
        now,
      },
      { concurrency: config.workerConcurrency },
    );
    log.info('workers started');
  }

  // Both roles listen: the web role for everything, a worker only for health and metrics.
  const status: StatusDeps = {
    config,
    prisma,
    boss,
    bossStarted: () => bossStarted,
    breakers,
    expectedMigrations,
    probes: {
      ...(slack ? { slack: cachedProbe(() => probeSlack(slack), { ttlMs: 60_000 }) } : {}),
      ...(config.anthropic
        ? { anthropic: cachedProbe(() => probeAnthropic(config.anthropic!), { ttlMs: 5 * 60_000 }) }
        : {}),
      ...(google
        ? {
            calendar: cachedProbe(() => probeCalendar(google), { ttlMs: 5 * 60_000 }),
            gmail: cachedProbe(() => probeGmail(google, prisma), { ttlMs: 60_000 }),
          }
        : {}),
    },
  };
  const slackApp =
    runsWeb && slack && config.slack
      ? await startSlackApp({
          config: config.slack,
          prisma,
          boss,
          client: slack,
          log,
          availability,
          mailbox: config.google?.mailbox,
          googleConnectLink: connectLinkFor(config),
          now,
        })
      : undefined;
  const server = await buildServer({
    log,
    metrics,
    status,
    surface: runsWeb ? 'full' : 'ops',
    limits: config.http.limits,
    tokens: { status: config.http.statusToken, metrics: config.http.metricsToken },
    plugins: [
      ...(slackApp?.receiver ? [slackApp.receiver.plugin] : []),
      ...(config.google
        ? [
            gmailPushRoute({
              prisma,
              boss,
              mailbox: config.google.mailbox,
              verify: createPushVerifier(config.google.push),
            }),
          ]
        : []),
      ...(google && config.google?.oauth && config.encryptionKey && config.http.publicUrl
        ? [
            googleOAuthRoutes({
              prisma,
              boss,
              auth: google.auth,
              oauth: config.google.oauth,
              key: config.encryptionKey,
              mailbox: config.google.mailbox,
              publicUrl: config.http.publicUrl,
              rootUrl: config.google.rootUrl,
            }),
          ]
        : []),
    ],
  });
  if (slackApp) {
    // Getting in: while nobody is admin, the person who runs Justin reads the code here.
    const code = await currentClaimCode(prisma, config.slack!.admins);
    if (code)
      log.warn(
        `Justin has no admin yet: in Slack, type /hire claim ${code} to become its first admin (the code works once)`,
      );
  }
  if (listen) {
    await server.listen({ port: config.http.port, host: config.http.host });
  } else {
    await server.ready();
  }

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await server.close();
      await slackApp?.app.stop();
      bossStarted = false;
      // graceful: stop fetching, wait for active jobs; any still running at the timeout stay
      // active in the database and are retried after their expiry (handlers are idempotent).
      await boss.stop({ graceful: true, timeout: 20_000 });
      await prisma.$disconnect();
      await db.stop();
    })());

  return { config, prisma, boss, server, slack, slackApp: slackApp?.app, databaseUrl: db.url, stop };
}

/** Bolt over our Fastify server, or over Socket Mode when an app-level token is set. */
/** The "connect Google" link maker, when the OAuth way in is configured. */
function connectLinkFor(config: Config): ((by: string) => string) | undefined {
  const key = config.encryptionKey;
  const base = config.http.publicUrl?.replace(/\/$/, '');
  if (!config.google?.oauth || !key || !base) return undefined;
  return (by) => `${base}/google/connect?link=${encodeURIComponent(signLink(key, { by }))}`;
}

async function startSlackApp({
  config,
  prisma,
  boss,
  client,
  log,
  availability,
  mailbox,
  googleConnectLink,
  now,
}: {
  config: NonNullable<Config['slack']>;
  prisma: PrismaClient;
  boss: Boss;
  client: WebClient;
  log: Logger;
  availability: AvailabilitySource | undefined;
  mailbox: string | undefined;
  googleConnectLink: ((by: string) => string) | undefined;
  now: () => Date;
}): Promise<{ app: App; receiver: FastifyReceiver | undefined }> {
  const identity = new BotIdentity({ prisma, client, log });
  await identity.load();
  void identity.refresh(); // in the background: a slow Slack must not hold up the start
  const common = {
    prisma,
    boss,
    client,
    log,
    botToken: config.botToken,
    admins: config.admins,
    identity,
    apiUrl: config.apiUrl,
    availability,
    mailbox,
    googleConnectLink,
    now,
  };
  if (config.appToken) {
    const app = createSlackApp({ ...common, appToken: config.appToken });
    await app.start();
    log.info('Slack connected over Socket Mode');
    return { app, receiver: undefined };
  }
  const receiver = new FastifyReceiver({
    signingSecret: config.signingSecret!,
    log: log.child({ component: 'slack-receiver' }),
    firstDelivery: (eventId) => recordSlackDelivery(prisma, eventId),
    apiUrl: config.apiUrl,
  });
  return { app: createSlackApp({ ...common, receiver }), receiver };
}

/** Asks Slack who the bot token belongs to; a refused token says so in words, with the variable to fix. */
async function probeSlack(slack: WebClient): Promise<string> {
  try {
    const res = await slack.auth.test();
    return `connected to ${res.team ?? 'workspace'} as @${res.user ?? 'bot'}`;
  } catch (err) {
    const code = (err as { data?: { error?: string } }).data?.error;
    if (code && ['invalid_auth', 'not_authed', 'token_revoked', 'account_inactive', 'token_expired'].includes(code))
      throw new Error(`Slack refused the bot token (${code}): check SLACK_BOT_TOKEN`);
    throw err;
  }
}

async function probeAnthropic({ apiKey, baseUrl }: { apiKey: string; baseUrl: string }): Promise<string> {
  const res = await fetch(new URL('/v1/models?limit=1', baseUrl), {
    headers: { 'x-api-key': apiKey, 'anthropic-version': '2023-06-01' },
    signal: AbortSignal.timeout(5_000),
  });
  await res.body?.cancel();
  if (!res.ok)
    throw new Error(`Anthropic answered ${res.status}${res.status === 401 ? ': the API key is not valid' : ''}`);
  return 'API key accepted';
}
