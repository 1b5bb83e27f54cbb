// Intake throughput: raw MIME with a PDF CV → stored, read, deduplicated and committed as an
// application with its extracted CV text, through the real queues and workers.
import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '../../src/db/prisma.js';
import type { Boss } from '../../src/jobs/boss.js';
import { receiveEmail } from '../../src/services/intake/receive-email.js';
import { applicationEmail } from '../factories/mime.js';
import { textPdf } from '../factories/pdf.js';
import { testGoogleAuth } from '../setup/fake-calendar.js';
import { jobDeps, startWorkers } from '../setup/workers.js';

export async function benchIntake(prisma: PrismaClient, boss: Boss, { messages = 10_000 } = {}) {
  const role = await prisma.role.create({ data: { title: `Bench Engineer ${randomBytes(2).toString('hex')}`, intakeTag: `bench${randomBytes(2).toString('hex')}` } });
  const deps = jobDeps({ prisma, boss, google: { auth: testGoogleAuth(), rootUrl: 'http://127.0.0.1:9/', mailbox: 'jobs@example.com' } });
  await startWorkers(deps, { concurrency: Number(process.env.BENCH_WORKERS ?? 8) });
  const memory: number[] = [];
  const started = performance.now();
  const tag = randomBytes(3).toString('hex');
  for (let i = 0; i < messages; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, messages - i) }, (_, j) => {
        const n = i + j;
        const raw = applicationEmail({
          from: `Candidate ${n} <candidate.${tag}.${n}@example.org>`,
          to: `jobs+${role.intakeTag}@example.com`,
          subject: 'Application',
          attachments: [{ filename: `cv-${n}.pdf`, contentType: 'application/pdf', content: textPdf([`Candidate ${n}`, 'Senior engineer, 8 years of Postgres and TypeScript', `Reference number ${n}`]) }],
        });
        return receiveEmail({ prisma, boss }, { mailbox: 'jobs@example.com', gmailMessageId: `${tag}-${n}`, raw });
      }),
    );
    if (i % 1000 === 0) memory.push(process.memoryUsage().rss);
  }
  const enqueued = performance.now();
  let lastSample = enqueued;
  for (;;) {
    const [apps, docs] = await Promise.all([
      prisma.application.count({ where: { roleId: role.id } }),
      prisma.document.count({ where: { application: { roleId: role.id }, textStatus: { not: 'PENDING' } } }),
    ]);
    if (apps >= messages && docs >= messages) break;
    if (performance.now() - lastSample > 5_000) {
      memory.push(process.memoryUsage().rss);
      lastSample = performance.now();
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const seconds = (performance.now() - started) / 1000;
  memory.push(process.memoryUsage().rss);
  return { messages, seconds, perSecond: messages / seconds, receiveSeconds: (enqueued - started) / 1000, rssMb: memory.map((m) => Math.round(m / 1024 / 1024)) };
}
