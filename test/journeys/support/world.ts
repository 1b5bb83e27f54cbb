import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll } from 'vitest';
import { startJustin, type Justin } from '../../../src/compose.js';
import { loadConfig } from '../../../src/config.js';
import { SCHEDULES } from '../../../src/jobs/queues.js';
import { createLogger } from '../../../src/logger.js';
import { FakeAnthropic } from '../../fakes/anthropic-api.js';
import { FakeGoogle } from '../../fakes/google-api.js';
import { FakeSlackApi, type FakeMessage } from '../../fakes/slack-api.js';
import { createEmptyDatabase } from '../../setup/database.js';
import { SIGNING_SECRET } from '../../setup/slack.js';
import { eventually } from '../../setup/workers.js';
import { Candidate } from './candidate.js';
import { JourneyClock } from './clock.js';
import { journeyAgent, journeyReader } from './model.js';
import { Person, type View } from './slack-person.js';
import { textOf } from './slack-surface.js';

/** A Monday morning: slots, holds and business days read the same on every run. */
const DEFAULT_START = '2027-03-01T08:00:00Z';
const PUSHER = 'gmail-push@acme-hiring.iam.gserviceaccount.com';

export type WorldOptions = {
  /** Where the clock starts (default a Monday, 08:00 UTC). */
  start?: string;
  /** Settings beyond the defaults (e.g. SLACK_ADMINS), as an operator would set them. */
  env?: Record<string, string>;
};

/**
 * Justin as `npm start` composes it (compose.ts, on a database with nothing in it) with the
 * outside world around it: Slack, Google (Gmail, Calendar, OAuth) and Anthropic as local HTTP
 * fakes, a workspace of people, candidates with mailboxes, and a clock. A journey acts only
 * as those people and that world can, and asserts on what they see.
 */
export class JourneyWorld {
  readonly slack = new FakeSlackApi();
  readonly google: FakeGoogle;
  readonly model = new FakeAnthropic();
  readonly clock: JourneyClock;
  readonly teamId = 'T0ACME';
  readonly signingSecret = SIGNING_SECRET;
  readonly mailbox = 'jobs@acme.example';
  /** Where Slack and Google reach Justin; the world's browser maps it to the local port, as a tunnel would. */
  readonly publicUrl = 'https://justin.acme.example';
  /** Every log line the service wrote, for a journey's last check and for debugging (JOURNEY_LOG=1 prints them). */
  readonly logs: Array<Record<string, any>> = [];
  /** The settings the service was started with, for a test that starts more processes of it (other roles). */
  readonly env: Record<string, string> = {};
  private service: Justin | undefined;
  private database: Awaited<ReturnType<typeof createEmptyDatabase>> | undefined;
  private serviceOrigin = '';

  constructor(private readonly options: WorldOptions = {}) {
    this.clock = new JourneyClock(options.start ?? DEFAULT_START);
    this.google = new FakeGoogle({ mailbox: this.mailbox });
  }

  get justin(): Justin {
    if (!this.service) throw new Error('the world has not started');
    return this.service;
  }

  /** The service's own address (what PUBLIC_URL leads to). */
  get origin(): string {
    return this.serviceOrigin;
  }

  async start(): Promise<void> {
    await Promise.all([this.slack.start(), this.google.start(), this.model.start()]);
    this.slack.teamId = this.teamId;
    // Slack answers a post to a person with their DM channel (D…), as a journey expects to see it.
    this.slack.imChannels = true;
    this.model.agentResponder = journeyAgent;
    this.model.readingResponder = journeyReader;
    this.database = await createEmptyDatabase();
    Object.assign(this.env, {
      DATABASE_URL: this.database.url,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      WORKER_CONCURRENCY: '2',
      DATABASE_POOL_SIZE: '6',
      PUBLIC_URL: this.publicUrl,
      ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
      SLACK_BOT_TOKEN: 'xoxb-journey',
      SLACK_SIGNING_SECRET: this.signingSecret,
      SLACK_API_URL: this.slack.url,
      GMAIL_MAILBOX: this.mailbox,
      GOOGLE_CLIENT_ID: 'justin-journeys.apps.googleusercontent.com',
      GOOGLE_CLIENT_SECRET: 'journey-secret',
      GOOGLE_ROOT_URL: this.google.url,
      GOOGLE_AUTH_URL: `${this.google.origin}/o/oauth2/v2/auth`,
      GOOGLE_TOKEN_URL: `${this.google.origin}/token`,
      GOOGLE_CERTS_URL: `${this.google.origin}/oauth2/v1/certs`,
      GMAIL_PUBSUB_TOPIC: 'projects/acme-hiring/topics/gmail',
      GMAIL_PUSH_SERVICE_ACCOUNT: PUSHER,
      ANTHROPIC_API_KEY: 'sk-ant-journey',
      ANTHROPIC_BASE_URL: this.model.url,
      ...this.options.env,
    });
    const config = loadConfig(this.env);
    const log = createLogger({
      level: 'info',
      destination: {
        write: (line: string) => {
          this.logs.push(JSON.parse(line) as Record<string, any>);
          if (process.env.JOURNEY_LOG) process.stdout.write(line);
        },
      },
    });
    this.service = await startJustin(config, log, { now: this.clock.now });
    const { port } = this.service.server.server.address() as AddressInfo;
    this.serviceOrigin = `http://127.0.0.1:${port}`;
    this.google.configurePush({
      url: `${this.serviceOrigin}/gmail/push`,
      audience: `${this.publicUrl}/gmail/push`,
      serviceAccount: PUSHER,
    });
    this.clock.onMoved = () => this.runSchedules();
  }

  async stop(): Promise<void> {
    await this.service?.stop();
    await Promise.all([this.slack.stop(), this.google.stop(), this.model.stop()]);
    await this.database?.drop();
  }

  /** Someone in the Slack workspace (Slack knows their name, email and time zone). */
  person(slackId: string, name: string, { email, tz = 'Europe/Berlin' }: { email?: string; tz?: string } = {}): Person {
    const address = email ?? `${name.split(/\s+/)[0]!.toLowerCase()}@acme.example`;
    this.slack.addUser(slackId, { name, email: address, tz });
    return new Person(this, slackId, name, address);
  }

  /** Someone outside the company with a mailbox. */
  candidate(name: string, email: string): Candidate {
    return new Candidate(this, name, email);
  }

  /** A channel that exists in the workspace. */
  channel(id: string, name: string): { id: string; name: string; toString(): string } {
    this.slack.addChannel({ id, name });
    return { id, name, toString: () => `<#${id}|${name}>` };
  }

  /** Top-level messages in a channel (or a thread's replies), as they look now; `since` a mark(). */
  messagesIn(channel: string, { thread, since = 0 }: { thread?: string; since?: number } = {}): FakeMessage[] {
    return this.slack.messages
      .slice(since)
      .filter((m) => m.channel === channel && (thread ? m.thread_ts === thread : !m.thread_ts));
  }

  /** A point in Slack's history: messages posted after it are "new" to `message(…, { since })`. */
  mark(): number {
    return this.slack.messages.length;
  }

  /** Waits for a message in a channel (or thread) whose words match, and returns it as it is now. */
  async message(
    channel: string,
    words: RegExp,
    { thread, since, timeoutMs = 10_000 }: { thread?: string; since?: number; timeoutMs?: number } = {},
  ): Promise<FakeMessage> {
    const where = { ...(thread ? { thread } : {}), ...(since !== undefined ? { since } : {}) };
    return eventually(async () => this.messagesIn(channel, where).findLast((m) => words.test(textOf(m))), {
      timeoutMs,
    }).catch(() => {
      const seen = this.messagesIn(channel, where).map((m) => `  - ${textOf(m).slice(0, 300).replace(/\n/g, ' | ')}`);
      throw new Error(
        `no message matching ${words} in ${channel}${thread ? ` (thread ${thread})` : ''}; there are:\n` +
          `${seen.join('\n')}`,
      );
    });
  }

  /** Waits for a message only `slackId` sees (chat.postEphemeral) whose words match. */
  async ephemeral(slackId: string, words: RegExp): Promise<{ channel: string; text: string; blocks?: unknown[] }> {
    return eventually(async () => this.slack.ephemerals.findLast((e) => e.user === slackId && words.test(textOf(e))), {
      timeoutMs: 10_000,
    }).catch(() => {
      throw new Error(
        `${slackId} was shown nothing matching ${words}; they were shown:\n${this.slack.ephemerals
          .filter((e) => e.user === slackId)
          .map((e) => `  - ${e.text}`)
          .join('\n')}`,
      );
    });
  }

  /** The candidate card for `name` in a channel. */
  card(channel: string, name: string): Promise<FakeMessage> {
    return this.message(channel, new RegExp(`^${name} · `));
  }

  /** Waits until the card for `name` says `words` (cards are updated in place). */
  async cardSays(channel: string, name: string, words: RegExp): Promise<FakeMessage> {
    const card = await this.card(channel, name);
    await eventually(async () => words.test(textOf(card)), { timeoutMs: 10_000 }).catch(() => {
      throw new Error(`the card for ${name} never said ${words}; it says:\n${textOf(card)}`);
    });
    return card;
  }

  /** Waits for a direct message to a person whose words match, and returns it as it is now. */
  async dm(person: { slackId: string; name: string }, words: RegExp, { since }: { since?: number } = {}) {
    const dms = () =>
      this.slack.dmsTo(person.slackId).filter((m) => since === undefined || this.slack.messages.indexOf(m) >= since);
    return eventually(async () => dms().findLast((m) => words.test(textOf(m))), { timeoutMs: 10_000 }).catch(() => {
      const seen = dms().map((m) => `  - ${textOf(m).slice(0, 300).replace(/\n/g, ' | ')}`);
      throw new Error(`${person.name} got no direct message matching ${words}; they got:\n${seen.join('\n')}`);
    });
  }

  /** A modal as Slack shows it now (after any views.update). */
  view(id: string): View {
    const found = this.slackViews().find((v) => v.view.id === id);
    if (!found) throw new Error(`no modal ${id}`);
    return found.view;
  }

  /** The latest App Home view Justin published for a person. */
  homeOf(slackId: string): View | undefined {
    return this.slack.homes.get(slackId) as View | undefined;
  }

  /** Every modal opened, with the trigger it was opened with. */
  slackViews(): Array<{ triggerId?: string; view: View }> {
    return this.slack.views.map((v) => ({
      triggerId: v.triggerId,
      view: { ...(v.view as object), id: v.id, hash: v.hash } as View,
    }));
  }

  /**
   * A browser on the machine: opens a URL (a path on the service, the public URL, or Google's
   * pages) and follows redirects, as a person clicking a link does.
   */
  async open(url: string): Promise<{ status: number; url: string; html: string }> {
    let target = url.startsWith('/') ? `${this.origin}${url}` : url;
    for (let hop = 0; hop < 10; hop++) {
      target = target.replace(this.publicUrl, this.origin);
      const response = await fetch(target, { redirect: 'manual' });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        target = new URL(location, target).toString();
        continue;
      }
      return { status: response.status, url: target, html: await response.text() };
    }
    throw new Error(`too many redirects from ${url}`);
  }

  /**
   * What pg-boss's cron would have run while the clock moved: one job of every schedule, each
   * waited for, then everything they started. The one thing the world writes, and only into
   * pg-boss's queue, as its cron does: the clock is the world's, and cron reads the real one.
   */
  private async runSchedules(): Promise<void> {
    for (const { queue } of SCHEDULES) {
      const deadline = Date.now() + 10_000;
      let id: string | null = null;
      // An exclusive queue takes no second job while one is queued or running: wait for it.
      while (!(id = await this.justin.boss.send(queue, {}))) {
        if (Date.now() > deadline) throw new Error(`the ${queue} schedule could not run`);
        await sleep(50);
      }
      await eventually(
        async () =>
          ['completed', 'failed', 'cancelled'].includes((await this.justin.boss.getJobById(queue, id!))?.state ?? ''),
        { timeoutMs: 20_000 },
      );
    }
    await this.settled();
  }

  /** Waits until no job is ready or running: whatever the last action started has finished. */
  async settled({ timeoutMs = 20_000 }: { timeoutMs?: number } = {}): Promise<void> {
    let quiet = 0;
    const deadline = Date.now() + timeoutMs;
    while (quiet < 3) {
      const busy = await this.busyQueues();
      quiet = busy.length === 0 ? quiet + 1 : 0;
      if (Date.now() > deadline) throw new Error(`still busy: ${busy.map((b) => `${b.name} (${b.n})`).join(', ')}`);
      await sleep(40);
    }
  }

  private busyQueues(): Promise<Array<{ name: string; n: number }>> {
    // Read-only: which queues have work due now (pg-boss's own table).
    // The dead-letter queue has no worker by design: what lands there is a problem, not work.
    return this.justin.prisma.$queryRawUnsafe<Array<{ name: string; n: number }>>(
      "SELECT name, count(*)::int AS n FROM pgboss.job WHERE state <= 'active' AND start_after <= now() AND name <> " +
        "'dead-letter' GROUP BY name",
    );
  }

  /**
   * What went wrong unseen: failed jobs, dead outbox effects and error logs. A journey ends by
   * expecting none (read-only).
   */
  async problems(): Promise<string[]> {
    await this.settled();
    const failed = await this.justin.prisma.$queryRawUnsafe<Array<{ name: string; output: unknown }>>(
      `SELECT name, COALESCE(output, data) AS output FROM pgboss.job WHERE state = 'failed' OR name = 'dead-letter'`,
    );
    const dead = await this.justin.prisma.$queryRawUnsafe<Array<{ kind: string; lastError: string }>>(
      `SELECT kind, "lastError" FROM "OutboxEffect" WHERE status = 'DEAD'`,
    );
    const errors = this.logs.filter((l) => l.level === 'error' || l.level === 'fatal');
    return [
      ...failed.map((f) => `job ${f.name} failed: ${JSON.stringify(f.output).slice(0, 300)}`),
      ...dead.map((d) => `effect ${d.kind} is dead: ${d.lastError}`),
      ...errors.map((e) => `error log: ${e.msg} ${JSON.stringify(e.err ?? '').slice(0, 300)}`),
    ];
  }
}

/** One world for a journey file: started before its steps, stopped after. */
export function useWorld(options: WorldOptions = {}): JourneyWorld {
  const world = new JourneyWorld(options);
  beforeAll(() => world.start(), 60_000);
  afterAll(() => world.stop(), 60_000);
  return world;
}
