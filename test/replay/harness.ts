import type { Job } from 'pg-boss';
import { createClaude } from '../../src/ai/claude.js';
import type { PrismaClient } from '../../src/db/prisma.js';
import type { Boss } from '../../src/jobs/boss.js';
import type { JobDeps } from '../../src/jobs/definition.js';
import { JOB_DEFINITIONS } from '../../src/jobs/register-workers.js';
import type { QueueName } from '../../src/jobs/queues.js';
import { createCalendarAvailability } from '../../src/services/scheduling/availability.js';
import { approveSlots } from '../../src/services/scheduling/decide-slots.js';
import { editSlots } from '../../src/services/scheduling/edit-slots.js';
import { proposeSlots } from '../../src/services/scheduling/propose-slots.js';
import { receiveEmail } from '../../src/services/intake/receive-email.js';
import { createSlackClient } from '../../src/slack/web-client.js';
import { createInterviewSetup } from '../factories/index.js';
import { FakeAnthropic, type ScriptStep } from '../fakes/anthropic-api.js';
import { FakeGoogle } from '../fakes/google-api.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { silentLog } from '../setup/boss.js';
import { testGoogleAuth } from '../setup/google-auth.js';
import { jobDeps } from '../setup/workers.js';

export const MAILBOX = 'jobs@example.com';
/** Queues the harness runs itself on its clock, never by cron. */
const CRON_QUEUES = new Set([
  'outbox.sweep',
  'calendar.check-responses',
  'gmail.poll',
  'gmail.watch',
  'agent.follow-ups',
]);

export type ReplayOptions = {
  prisma: PrismaClient;
  boss: Boss;
  /** The scenario's clock starts here (UTC). */
  start: string;
  people?: Array<{ name?: string; zone?: string }>;
  /** Role.policy.agent. */
  agentPolicy?: object;
  candidateZone?: string | null;
  /** One Anthropic fake for many scenarios (its prompt cache is shared, as Anthropic's is); started by the caller. */
  claude?: FakeAnthropic;
  /** Lets a test break the database client (a worker killed at a chosen step). */
  wrapPrisma?: (prisma: PrismaClient) => PrismaClient;
};

/**
 * Runs a scheduling conversation through the real code: the job handlers (pg-boss storage,
 * fetched and run here in order, on a clock the scenario moves), the real Slack, Google and
 * Anthropic clients over HTTP to local fakes. A candidate's email is real MIME, received the
 * way Gmail sync stores it; a team click calls the same service the button does. The
 * transcript records every email, Slack post, calendar change and agent step.
 */
export class Replay {
  readonly slack = new FakeSlackApi();
  readonly google = new FakeGoogle();
  readonly claude: FakeAnthropic;
  clock: Date;
  deps!: JobDeps;
  setup!: Awaited<ReturnType<typeof createInterviewSetup>>;
  /** Job handler failures the harness retried, like pg-boss would. */
  readonly failures: Array<{ queue: string; error: string }> = [];
  private inbound = 0;

  private constructor(private readonly options: ReplayOptions) {
    this.clock = new Date(options.start);
    this.claude = options.claude ?? new FakeAnthropic();
  }

  static async start(options: ReplayOptions): Promise<Replay> {
    const replay = new Replay(options);
    await Promise.all([
      replay.slack.start(),
      replay.google.start(),
      options.claude ? undefined : replay.claude.start(),
    ]);
    if (!options.claude) replay.claude.now = () => replay.clock.getTime();
    const auth = testGoogleAuth();
    const google = { auth, rootUrl: replay.google.url, mailbox: MAILBOX };
    const prisma = options.wrapPrisma ? options.wrapPrisma(options.prisma) : options.prisma;
    replay.deps = jobDeps({
      prisma,
      boss: options.boss,
      slack: createSlackClient({ token: 'xoxb-test', apiUrl: replay.slack.url, log: silentLog }),
      google,
      availability: createCalendarAvailability(google),
      ai: {
        claude: createClaude({ apiKey: 'sk-test', baseUrl: replay.claude.url, maxRetries: 0, timeoutMs: 10_000 }),
        modelFast: 'claude-haiku-4-5',
        modelSmart: 'claude-sonnet-5-5',
      },
      now: () => replay.clock,
    });
    replay.setup = await createInterviewSetup(options.prisma, {
      people: options.people ?? [{ name: 'Bea Berg' }],
      policy: { slotsToOffer: 3 },
    });
    const { role, application } = replay.setup;
    await options.prisma.role.update({
      where: { id: role.id },
      data: { policy: { ...(role.policy as object), agent: options.agentPolicy ?? {} } },
    });
    await options.prisma.application.update({
      where: { id: application.id },
      data: { stage: 'SCHEDULING', planPosition: 0, slackChannelId: 'C0ROLE', slackMessageTs: '1700000000.000100' },
    });
    if (options.candidateZone !== undefined) {
      await options.prisma.candidate.update({
        where: { id: replay.setup.candidate.id },
        data: { timeZone: options.candidateZone },
      });
      await options.prisma.interview.update({
        where: { id: replay.setup.interview.id },
        data: { candidateZone: options.candidateZone },
      });
    }
    return replay;
  }

  async stop(): Promise<void> {
    // Scenarios share a database: this one's runs must not wake in the next one's cron.
    await this.options.prisma.agentRun.updateMany({
      where: { applicationId: this.setup?.application.id },
      data: { followUpAt: null },
    });
    await this.options.prisma.interview.updateMany({
      where: { id: this.setup?.interview.id },
      data: { status: 'COMPLETED' },
    });
    await Promise.all([this.slack.stop(), this.google.stop(), this.options.claude ? undefined : this.claude.stop()]);
  }

  /** Scripted model answers: `agent` for the tool-using agent, `reading` for reply classification. */
  script({ agent = [], reading = [] }: { agent?: ScriptStep[]; reading?: ScriptStep[] }): this {
    this.claude.agentScript.push(...agent);
    this.claude.readingScript.push(...reading);
    return this;
  }

  /** The scheduler proposes times to the team (as scheduling.start would). */
  async propose(): Promise<string[]> {
    const result = await proposeSlots(
      { ...this.deps, availability: this.deps.availability! },
      { interviewId: this.setup.interview.id, runKey: 'replay' },
    );
    if (result.status !== 'proposed') throw new Error(`no proposal: ${result.status}`);
    await this.drain();
    return result.proposalIds;
  }

  /** A recruiter clicks Approve all (or approves some). */
  async approve(proposalIds?: string[]): Promise<void> {
    await approveSlots(this.deps, {
      interviewId: this.setup.interview.id,
      actor: { type: 'USER', id: 'U0RECRUITER' },
      ...(proposalIds ? { proposalIds } : {}),
    });
    await this.drain();
  }

  /** A recruiter edits the proposal: keeps some times and adds one. */
  async edit(keepIds: string[], added: Date): Promise<void> {
    const result = await editSlots(
      { ...this.deps, availability: this.deps.availability! },
      { interviewId: this.setup.interview.id, keepIds, added, actor: { type: 'USER', id: 'U0RECRUITER' } },
    );
    if (result.status !== 'approved') throw new Error(`edit refused: ${JSON.stringify(result)}`);
    await this.drain();
  }

  /** The candidate (or someone else) answers our last email, as real MIME through intake. */
  async candidateWrites(text: string, { from }: { from?: string } = {}): Promise<void> {
    const last = this.google.sent.at(-1);
    if (!last) throw new Error('the candidate has nothing to reply to');
    const candidate = await this.options.prisma.candidate.findUniqueOrThrow({ where: { id: this.setup.candidate.id } });
    const quoted = last.text
      .split('\n')
      .map((l) => `> ${l}`)
      .join('\r\n');
    const raw = [
      `From: ${from ?? `${candidate.name} <${candidate.displayEmail}>`}`,
      `To: ${MAILBOX}`,
      `Subject: Re: ${last.subject.replace(/^re:\s*/i, '')}`,
      `Message-ID: <reply-${++this.inbound}-${Date.now()}@mail.example.org>`,
      `In-Reply-To: <${last.messageId}>`,
      `References: <${last.messageId}>`,
      `Date: ${this.clock.toUTCString()}`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      text,
      '',
      `On ${this.clock.toUTCString()} Justin <${MAILBOX}> wrote:`,
      quoted,
      '',
    ].join('\r\n');
    await receiveEmail(this.deps, {
      mailbox: MAILBOX,
      gmailMessageId: `in-${this.inbound}-${Date.now()}`,
      gmailThreadId: last.threadId,
      raw: Buffer.from(raw),
    });
    await this.drain();
  }

  /** Moves the clock on, then runs what the cron would have run by then. */
  async advance(ms: number): Promise<void> {
    this.clock = new Date(this.clock.getTime() + ms);
    await this.runCron('agent.follow-ups');
    await this.drain();
  }

  async runCron(queue: QueueName): Promise<void> {
    const def = JOB_DEFINITIONS.find((d) => d.queue === queue)!;
    await def.handle(
      this.deps,
      {},
      { log: silentLog, signal: new AbortController().signal, jobId: `cron-${Date.now()}`, retryCount: 0 },
    );
  }

  /**
   * Runs every queued job until none is left, in queue order, each job to completion. A job
   * that throws is run again with the same payload (as pg-boss retries it), up to 5 times.
   */
  async drain(): Promise<void> {
    for (let pass = 0; pass < 200; pass++) {
      let ran = 0;
      for (const def of JOB_DEFINITIONS) {
        if (CRON_QUEUES.has(def.queue)) continue;
        const jobs = (await this.options.boss.fetch(def.queue, { batchSize: 10 })) as Job<unknown>[];
        for (const job of jobs) {
          ran++;
          for (let attempt = 0; ; attempt++) {
            try {
              const ctx = { log: silentLog, signal: new AbortController().signal, jobId: job.id, retryCount: attempt };
              const data = def.schema.parse(job.data);
              if (def.handleBatch) await def.handleBatch(this.deps, [data], ctx);
              else await def.handle(this.deps, data, ctx);
              break;
            } catch (err) {
              this.failures.push({ queue: def.queue, error: (err as Error).message });
              if (attempt >= 5) throw err;
            }
          }
          await this.options.boss.complete(def.queue, job.id);
        }
      }
      if (ran === 0) return;
    }
    throw new Error('jobs kept coming after 200 passes: a loop?');
  }

  /** Everything that happened, in order of kind: emails, Slack posts, calendar, agent steps. */
  async transcript(): Promise<string[]> {
    const lines: string[] = [];
    const runs = await this.options.prisma.agentRun.findMany({
      where: { applicationId: this.setup.application.id },
      include: { steps: { orderBy: { seq: 'asc' } } },
      orderBy: { startedAt: 'asc' },
    });
    for (const run of runs) {
      lines.push(
        `run ${run.id.slice(0, 8)}: ${run.status}, ${run.turns} model calls, ${run.inputTokens} input ` +
          `(+${run.cacheReadTokens} cached, ${run.cacheWriteTokens} written), ${run.outputTokens} output, ` +
          `$${run.costUsd.toString()}`,
      );
      for (const s of run.steps)
        lines.push(
          `  ${s.seq}. ${s.kind} ${s.name ?? ''} ${JSON.stringify(
            s.kind === 'MODEL_CALL'
              ? s.output
              : s.kind === 'NOTE'
                ? (s.output ?? s.input)
                : { in: s.input, out: s.output },
          ).slice(0, 400)}`,
        );
    }
    for (const m of this.google.sent)
      lines.push(`email to ${m.to}: ${m.subject}\n    ${m.text.trim().replace(/\n/g, '\n    ')}`);
    for (const m of this.slack.messages)
      lines.push(`slack ${m.channel}${m.thread_ts ? ' (thread)' : ''}: ${m.text.slice(0, 300)}`);
    for (const e of this.google.events.values())
      lines.push(`calendar ${e.id}: ${e.status} ${e.start.dateTime}–${e.end.dateTime} ${e.hangoutLink ?? ''}`);
    return lines;
  }
}
