import { fork, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUES, type QueueName } from '../../src/jobs/queues.js';
import { eventually } from '../setup/workers.js';
import { acme, applies, firstDay } from '../journeys/support/acme.js';
import { textOf } from '../journeys/support/slack-surface.js';
import { JourneyWorld } from '../journeys/support/world.js';

// Justin as deployed at scale: one web process and two worker processes on one Postgres, with
// Slack, Google and Anthropic as local HTTP fakes. Under a load of applications arriving and
// interviews being scheduled, one worker is killed with SIGKILL in the middle of its work. The
// other finishes everything: each mail is processed once, each card posted once, each email to a
// candidate sent once, each interview booked once.
//
// A killed worker's jobs come back when pg-boss expires them; this test shortens every queue's
// expiry to 20 s (as an operator could) so it waits about a minute rather than a queue's quarter hour.

const fixture = fileURLToPath(new URL('./fixtures/justin-process.ts', import.meta.url));
const world = new JourneyWorld({ env: { ROLE: 'web' } });
const team = acme(world);
const workers: ChildProcess[] = [];
const workerLogs: string[] = [];
const LONG = { timeoutMs: 240_000, everyMs: 200 };

const keyOf = (n: number) => `sk-ant-worker-${n}`;

function startWorker(n: number): Promise<ChildProcess> {
  const child = fork(fixture, [], {
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      ...world.env,
      ROLE: 'worker',
      ANTHROPIC_API_KEY: keyOf(n),
      WORKER_CONCURRENCY: '2',
      JUSTIN_TEST_NOW: world.clock.now().toISOString(),
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  for (const stream of [child.stdout!, child.stderr!])
    stream.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) workerLogs.push(`w${n} ${line}`);
    });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) =>
      reject(new Error(`worker ${n} exited (${code}) before it was up:\n${workerLogs.join('\n')}`)),
    );
  });
}

/** Every process sets the queues as the code says when it starts: shortened again after each start. */
async function shortenExpiry(): Promise<void> {
  for (const name of Object.keys(QUEUES) as QueueName[])
    await world.justin.boss.updateQueue(name, { expireInSeconds: 20 });
}

function stopWorker(worker: ChildProcess): Promise<unknown> {
  const exited = new Promise((r) => worker.once('exit', r));
  worker.kill('SIGTERM');
  return exited;
}

beforeAll(async () => {
  await world.start();
  workers.push(await startWorker(1), await startWorker(2));
  await shortenExpiry();
}, 120_000);

afterAll(async () => {
  // CRASH_LOG=<file> keeps every process's log lines, to see who did what around the kill.
  if (process.env.CRASH_LOG)
    writeFileSync(
      process.env.CRASH_LOG,
      [...workerLogs, ...world.logs.map((l) => `web ${JSON.stringify(l)}`)].join('\n'),
    );
  await Promise.all(workers.filter((w) => w.exitCode === null && w.signalCode === null).map(stopWorker));
  await world.stop();
}, 60_000);

const cardsOf = (name: string) => world.messagesIn(team.hiring.id).filter((m) => textOf(m).startsWith(`${name} · `));

describe('a worker killed mid-run', () => {
  it('under intake and scheduling load, the other worker finishes: every mail processed once, every card and ' +
    'email sent once, every interview booked once', async () => {
    await firstDay(world, team);
    // Workers read Google's tokens at start, and after that at most every 30 s: restart them (a deploy)
    // so they use the tokens Ada has just connected through the web process.
    await Promise.all(workers.splice(0).map(stopWorker));
    workers.push(await startWorker(1), await startWorker(2));
    await shortenExpiry();
    const scheduled = [
      world.candidate('Ines Ito', 'ines@mail.example'),
      world.candidate('Omar Oz', 'omar@mail.example'),
    ];
    const arriving = Array.from({ length: 6 }, (_, i) =>
      world.candidate(`Applicant ${String.fromCharCode(65 + i)} Load`, `applicant${i}@mail.example`),
    );
    for (const c of scheduled) await applies(world, team, c);
    const proposals = [];
    for (const c of scheduled) {
      const card = await world.card(team.hiring.id, c.name);
      await team.hugo.clicks(card, 'Advance to screening');
      await world.cardSays(team.hiring.id, c.name, /Stage\nScreening/);
      await team.hugo.clicks(card, 'Schedule: Intro call');
      proposals.push(await world.message(team.hiring.id, new RegExp(`Times for ${c.name}: Intro call`)));
    }

    // The load: six applications arrive while both proposals are approved. Worker 1 is killed as it
    // asks the model something (reading a CV, or an agent turn), with that job half done.
    const killed = armKill(workers[0]!);
    const applying = Promise.all(
      arriving.map((c) =>
        c.emails({
          subject: 'Application: Backend Engineer',
          text: `Hello,\n\nI would like to apply for the Backend Engineer role.\n\n${c.name}`,
          cv: [c.name, 'Software engineer', 'TypeScript, Postgres'],
        }),
      ),
    );
    for (const p of proposals) await team.rita.clicks(p, 'Approve all');
    await applying;
    await Promise.race([killed, sleep(60_000).then(() => Promise.reject(new Error('worker 1 never asked the model')))]);
    expect(workers[0]!.signalCode).toBe('SIGKILL');

    // The candidates being scheduled get their options, choose, and are booked.
    for (const c of scheduled) {
      await eventually(async () => c.inbox().length >= 1, LONG);
      await c.replies('Option 2 works for me, thank you.');
    }
    for (const c of scheduled) await eventually(async () => c.inbox().length >= 2, LONG);
    for (const c of arriving) await eventually(async () => cardsOf(c.name).length > 0, LONG);
    await eventually(async () => world.google.events.size >= 2, LONG);
    await quiet();

    // Every mail processed once: one application per candidate, every inbound mail processed.
    const all = [...scheduled, ...arriving];
    const prisma = world.justin.prisma;
    expect(await prisma.candidate.count()).toBe(all.length);
    expect(await prisma.application.count()).toBe(all.length);
    expect(await prisma.inboundEmail.count({ where: { status: { not: 'PROCESSED' } } })).toBe(0);
    // Every card posted once.
    for (const c of all) expect(cardsOf(c.name), c.name).toHaveLength(1);
    // Every email sent once: two to each scheduled candidate (options, then the booking), none twice.
    for (const c of scheduled) {
      expect(c.inbox().map((m) => m.text.split('\n')[2])).toEqual([
        expect.stringMatching(/Which of these times suits you/),
        expect.stringMatching(/You are booked/),
      ]);
    }
    const sent = world.google.sent.map((m) => `${m.to}\n${m.text}`);
    expect(new Set(sent).size).toBe(sent.length);
    // Every interview booked once, on the calendar once.
    expect(await prisma.interview.count({ where: { status: 'BOOKED' } })).toBe(2);
    expect(world.google.events.size).toBe(2);
    expect(await prisma.outboxEffect.count({ where: { status: { not: 'DONE' } } })).toBe(0);
    // The killed worker's job was taken up again by the other.
    const retried = await prisma.$queryRawUnsafe<Array<{ n: number }>>(
      "SELECT count(*)::int AS n FROM pgboss.job WHERE retry_count > 0 AND state = 'completed'",
    );
    expect(retried[0]!.n).toBeGreaterThan(0);
    // The surviving worker and the web process are still up.
    expect(workers[1]!.exitCode).toBeNull();
    expect((await world.open('/healthz')).status).toBeLessThan(500);
  }, 420_000);
});

/**
 * Kills worker 1 (SIGKILL) when it asks the model something: the job that asked (reading a CV, or an
 * agent turn) is in the middle of its work. Each worker has its own API key, so the fake knows who asks.
 */
function armKill(worker: ChildProcess): Promise<void> {
  const model = world.model as unknown as { handle: (req: IncomingMessage) => Promise<unknown> };
  const handle = model.handle.bind(model);
  return new Promise((resolve) => {
    model.handle = (req) => {
      const key = req.headers['x-api-key'] ?? req.headers.authorization?.replace(/^Bearer /, '');
      if (key === keyOf(1) && worker.exitCode === null && worker.signalCode === null) {
        worker.once('exit', () => resolve());
        worker.kill('SIGKILL');
      }
      return handle(req);
    };
  });
}

/** The schedules (cron) run on their own; "quiet" is about the work the load started. */
const CRON = ['outbox.sweep', 'gmail.poll', 'interviews.remind', 'agent.follow-ups', 'interviews.complete'];
const MORE_CRON = ['scorecards.chase', 'offers.chase', 'digest.due', 'calendar.check-responses', 'dead-letter'];

/** No job ready, running or waiting to be retried, three times in a row (read-only, pg-boss's table). */
async function quiet(): Promise<void> {
  let calm = 0;
  await eventually(async () => {
    const [{ n }] = (await world.justin.prisma.$queryRawUnsafe<Array<{ n: number }>>(
      "SELECT count(*)::int AS n FROM pgboss.job WHERE state IN ('created', 'retry', 'active') AND NOT name = ANY($1)",
      [...CRON, ...MORE_CRON],
    )) as [{ n: number }];
    calm = n === 0 ? calm + 1 : 0;
    return calm >= 3;
  }, LONG);
}
