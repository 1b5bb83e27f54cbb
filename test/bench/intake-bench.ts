// Intake throughput: raw MIME with a PDF CV → stored, read, deduplicated and committed as an
// application with its extracted CV text and a profile from Claude (a local fake of the
// Messages API over HTTP), through the real queues and workers.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClaude } from '../../src/ai/claude.js';
import { createSlackClient } from '../../src/slack/web-client.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { silentLog } from '../setup/boss.js';
import type { PrismaClient } from '../../src/db/prisma.js';
import type { Boss } from '../../src/jobs/boss.js';
import { receiveEmails } from '../../src/services/intake/receive-email.js';
import { applicationEmail } from '../factories/mime.js';
import { textPdf } from '../factories/pdf.js';
import { testGoogleAuth } from '../setup/google-auth.js';
import { jobDeps, startWorkers } from '../setup/workers.js';
import { busyShare, machineCpu, ownCpu, postgresCpu } from './cpu-meter.js';

/** A local stand-in for the Messages API: answers every request with a valid profile in the JSON format. */
async function fakeClaude(): Promise<{ url: string; calls: () => number; close: () => void }> {
  let calls = 0;
  const answer = JSON.stringify({
    id: 'msg_bench', type: 'message', role: 'assistant', model: 'claude-sonnet-5-5', stop_reason: 'end_turn',
    content: [{ type: 'text', text: JSON.stringify({
      profile: { name: 'Candidate', headline: 'Senior engineer', location: null, yearsExperience: 8, skills: ['Postgres', 'TypeScript'], languages: ['English'], experience: [], education: [] },
      fit: { summary: 'Eight years of Postgres and TypeScript.', strengths: ['Postgres'], gaps: [], rating: 4 },
    }) }],
    usage: { input_tokens: 1500, output_tokens: 250, cache_read_input_tokens: 1200, cache_creation_input_tokens: 0 },
  });
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      calls++;
      res.writeHead(200, { 'content-type': 'application/json' }).end(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls: () => calls, close: () => server.close() };
}

export async function benchIntake(prisma: PrismaClient, boss: Boss, { messages = 10_000 } = {}) {
  const role = await prisma.role.create({ data: { title: `Bench Engineer ${randomBytes(2).toString('hex')}`, intakeTag: `bench${randomBytes(2).toString('hex')}`, slackChannelId: 'C0BENCH' } });
  const claude = await fakeClaude();
  // Cards go to a local fake of Slack's Web API, as they would go to Slack: without it, every
  // card effect would fail and retry, which is not what a real deployment does.
  const slack = await new FakeSlackApi().start();
  const deps = jobDeps({
    prisma,
    boss,
    slack: createSlackClient({ token: 'xoxb-bench', apiUrl: slack.url, log: silentLog }),
    google: { auth: testGoogleAuth(), rootUrl: 'http://127.0.0.1:9/', mailbox: 'jobs@example.com' },
    ai: { claude: createClaude({ apiKey: 'sk-ant-bench', baseUrl: claude.url }), modelFast: 'claude-haiku-4-5', modelSmart: 'claude-sonnet-5-5' },
  });
  await startWorkers(deps, { concurrency: Number(process.env.BENCH_WORKERS ?? 8) });
  const memory: number[] = [];
  const backendPid = (await prisma.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`)[0]!.pid;
  const cpuBefore = { own: ownCpu(), postgres: postgresCpu(backendPid), machine: machineCpu() };
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
        attachments: [{ filename: `cv-${n}.pdf`, contentType: 'application/pdf', content: textPdf([`Candidate ${n}`, 'Senior engineer, 8 years of Postgres and TypeScript', `Reference number ${n}`]) }],
      });
      return { gmailMessageId: `${tag}-${n}`, raw };
    });
    await receiveEmails({ prisma, boss }, 'jobs@example.com', batch);
    if (i % 1000 === 0) memory.push(process.memoryUsage().rss);
  }
  const enqueued = performance.now();
  let lastSample = enqueued;
  for (;;) {
    const [apps, docs, understood] = await Promise.all([
      prisma.application.count({ where: { roleId: role.id } }),
      prisma.document.count({ where: { application: { roleId: role.id }, textStatus: { not: 'PENDING' } } }),
      prisma.application.count({ where: { roleId: role.id, fitSummary: { not: null } } }),
    ]);
    if (apps >= messages && docs >= messages && understood >= messages) break;
    if (performance.now() - lastSample > 5_000) {
      memory.push(process.memoryUsage().rss);
      lastSample = performance.now();
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const seconds = (performance.now() - started) / 1000;
  const own = ownCpu();
  const postgresMs = postgresCpu(backendPid);
  // CPU per message, by who spent it: this process (workers, the fakes, the generator) and its
  // JavaScript thread alone, and the Postgres server (every backend, pg-boss's included).
  const cpu = {
    processMs: (own.processMs - cpuBefore.own.processMs) / messages,
    mainThreadMs: (own.mainThreadMs - cpuBefore.own.mainThreadMs) / messages,
    postgresMs: postgresMs === null || cpuBefore.postgres === null ? null : (postgresMs - cpuBefore.postgres) / messages,
    machineBusy: busyShare(cpuBefore.machine, machineCpu()),
  };
  memory.push(process.memoryUsage().rss);
  claude.close();
  await slack.stop();
  return { messages, claudeCalls: claude.calls(), seconds, cpu, perSecond: messages / seconds, receiveSeconds: (enqueued - started) / 1000, rssMb: memory.map((m) => Math.round(m / 1024 / 1024)) };
}
