// Intake throughput: raw MIME with a PDF CV → stored, read, deduplicated and committed as an
// application with its extracted CV text and a profile from Claude (a local fake of the
// Messages API over HTTP), through the real queues and workers.
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createClaude } from '../../src/ai/claude.js';
import { createSlackClient } from '../../src/slack/web-client.js';
import { silentLog } from '../setup/boss.js';
import type { PrismaClient } from '../../src/db/prisma.js';
import type { Boss } from '../../src/jobs/boss.js';
import { receiveEmails } from '../../src/services/intake/receive-email.js';
import { applicationEmail } from '../factories/mime.js';
import { textPdf } from '../factories/pdf.js';
import { testGoogleAuth } from '../setup/google-auth.js';
import { jobDeps, startWorkers } from '../setup/workers.js';
import { busyShare, machineCpu, ownCpu, postgresCpu, processCpu } from './cpu-meter.js';

/** The fakes of Slack and the Messages API, started in their own process (fake-services.ts). */
async function startFakeServices() {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/bench/fake-services.ts'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async <T>(): Promise<T> => {
    const line = await lines.next();
    if (line.done) throw new Error('the fake services exited');
    return JSON.parse(line.value) as T;
  };
  const urls = await next<{ claudeUrl: string; slackUrl: string }>();
  return {
    ...urls,
    pid: child.pid!,
    /** Stops them; what they served. */
    stop: async () => {
      child.stdin!.end();
      return next<{ claudeCalls: number; slackCalls: number }>();
    },
  };
}

/** `poolSize`: the size of `prisma`'s pool, which the service sizes its card bulkhead by. */
export async function benchIntake(prisma: PrismaClient, boss: Boss, { messages = 10_000, poolSize = 10 } = {}) {
  const role = await prisma.role.create({
    data: {
      title: `Bench Engineer ${randomBytes(2).toString('hex')}`,
      intakeTag: `bench${randomBytes(2).toString('hex')}`,
      slackChannelId: 'C0BENCH',
    },
  });
  // Cards go to a fake of Slack's Web API, as they would go to Slack (without it, every card
  // effect would fail and retry, which is not what a real deployment does), and the profile
  // request to a fake of the Messages API; both in a process of their own.
  const fakes = await startFakeServices();
  const deps = jobDeps({
    prisma,
    boss,
    poolSize,
    slack: createSlackClient({ token: 'xoxb-bench', apiUrl: fakes.slackUrl, log: silentLog }),
    google: { auth: testGoogleAuth(), rootUrl: 'http://127.0.0.1:9/', mailbox: 'jobs@example.com' },
    ai: {
      claude: createClaude({ apiKey: 'sk-ant-bench', baseUrl: fakes.claudeUrl }),
      modelFast: 'claude-haiku-4-5',
      modelSmart: 'claude-sonnet-5-5',
    },
  });
  await startWorkers(deps, { concurrency: Number(process.env.BENCH_WORKERS ?? 8) });
  // RSS and the V8 heap in use (so growth can be told apart: JavaScript objects or native
  // memory), each beside how many messages had become applications by then.
  const memory: { processed: number; rss: number; heap: number }[] = [];
  const processed = () => prisma.application.count({ where: { roleId: role.id } });
  const sample = (done: number) => {
    const m = process.memoryUsage();
    memory.push({ processed: done, rss: m.rss, heap: m.heapUsed });
  };
  const backendPid = (await prisma.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`)[0]!.pid;
  const cpuBefore = {
    own: ownCpu(),
    postgres: postgresCpu(backendPid),
    fakes: processCpu(fakes.pid),
    machine: machineCpu(),
  };
  const started = performance.now();
  const tag = randomBytes(3).toString('hex');
  // As a mailbox sync stores them: a batch of raw messages per transaction.
  for (let i = 0; i < messages; i += 50) {
    const batch = Array.from({ length: Math.min(50, messages - i) }, (_, j) => {
      const n = i + j;
      const raw = applicationEmail({
        from: `Candidate ${n} <candidate.${tag}.${n}@example.org>`,
        to: `jobs+${role.intakeTag}@example.com`,
        subject: 'Application',
        attachments: [
          {
            filename: `cv-${n}.pdf`,
            contentType: 'application/pdf',
            content: textPdf([
              `Candidate ${n}`,
              'Senior engineer, 8 years of Postgres and TypeScript',
              `Reference number ${n}`,
            ]),
          },
        ],
      });
      return { gmailMessageId: `${tag}-${n}`, raw };
    });
    await receiveEmails({ prisma, boss }, 'jobs@example.com', batch);
    if (i % 1000 === 0) sample(await processed());
  }
  const enqueued = performance.now();
  let lastSample = enqueued;
  for (;;) {
    const [apps, docs, understood] = await Promise.all([
      processed(),
      prisma.document.count({ where: { application: { roleId: role.id }, textStatus: { not: 'PENDING' } } }),
      prisma.application.count({ where: { roleId: role.id, fitSummary: { not: null } } }),
    ]);
    if (apps >= messages && docs >= messages && understood >= messages) break;
    if (performance.now() - lastSample > 5_000) {
      sample(apps);
      lastSample = performance.now();
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const seconds = (performance.now() - started) / 1000;
  const own = ownCpu();
  const postgresMs = postgresCpu(backendPid);
  const fakesMs = processCpu(fakes.pid);
  // CPU per message, by who spent it: this process (the workers and the generator) and its
  // JavaScript thread alone, the Postgres server (every backend, pg-boss's included) and the fakes.
  const perMessage = (after: number | null, before: number | null) =>
    after === null || before === null ? null : (after - before) / messages;
  const cpu = {
    processMs: perMessage(own.processMs, cpuBefore.own.processMs)!,
    mainThreadMs: perMessage(own.mainThreadMs, cpuBefore.own.mainThreadMs)!,
    postgresMs: perMessage(postgresMs, cpuBefore.postgres),
    fakesMs: perMessage(fakesMs, cpuBefore.fakes),
    machineBusy: busyShare(cpuBefore.machine, machineCpu()),
  };
  sample(messages);
  const served = await fakes.stop();
  return {
    messages,
    claudeCalls: served.claudeCalls,
    seconds,
    cpu,
    perSecond: messages / seconds,
    receiveSeconds: (enqueued - started) / 1000,
    memory: memory.map((m) => ({
      processed: m.processed,
      rssMb: Math.round(m.rss / 2 ** 20),
      heapMb: Math.round(m.heap / 2 ** 20),
    })),
  };
}
