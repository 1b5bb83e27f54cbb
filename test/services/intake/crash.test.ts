import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { processEmail } from '../../../src/services/intake/process-email.js';
import { receiveEmail } from '../../../src/services/intake/receive-email.js';
import { applicationEmail } from '../../factories/mime.js';
import { scannedPdf } from '../../factories/pdf.js';
import { useTestBoss } from '../../setup/boss.js';
import { useTestDatabase } from '../../setup/database.js';
import { eventually } from '../../setup/workers.js';

// A worker is killed (SIGKILL) in the middle of turning a message into an application: its
// transaction has locked the message and is writing the candidate. Nothing it did may stay,
// and the retry must produce exactly one application.
const db = useTestDatabase();
const q = useTestBoss(db);
const fixture = fileURLToPath(new URL('./fixtures/process-one.ts', import.meta.url));

describe('intake with a worker killed mid-message', () => {
  it('leaves nothing half-written, and the retry processes the message exactly once', async () => {
    const role = await db.prisma.role.create({
      data: { title: `Compiler Engineer ${randomBytes(2).toString('hex')}` },
    });
    const gmailMessageId = randomBytes(8).toString('hex');
    const raw = applicationEmail({
      from: 'Frances Allen <frances@example.org>',
      subject: role.title,
      attachments: [{ filename: 'cv.pdf', contentType: 'application/pdf', content: scannedPdf() }],
    });
    await receiveEmail({ prisma: db.prisma, boss: q.boss }, { mailbox: 'jobs@example.com', gmailMessageId, raw });
    const inbound = await db.prisma.inboundEmail.findUniqueOrThrow({ where: { gmailMessageId } });

    // Hold the candidate's row uncommitted, so the worker stops mid-transaction writing it.
    const blocker = new pg.Client({ connectionString: db.url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query(
      'INSERT INTO "Candidate" (id, email, "displayEmail", name, "updatedAt") ' +
        "VALUES (gen_random_uuid(), 'frances@example.org', 'x', 'x', now())",
    );
    const child = fork(fixture, [db.url, inbound.id], { execArgv: ['--import', 'tsx'], stdio: 'ignore' });
    await eventually(
      async () => {
        const waiting = await db.prisma.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%Candidate%'`;
        return waiting[0]!.n > 0;
      },
      { timeoutMs: 20_000 },
    );
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    await blocker.query('ROLLBACK');
    await blocker.end();

    // The dead worker's transaction is rolled back once Postgres sees its client gone.
    await eventually(
      async () =>
        (
          await db.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND query ILIKE '%Candidate%' AND state <> 'idle'
              AND pid <> pg_backend_pid()`
        )[0]!.n === 0,
    );
    expect(await db.prisma.candidate.count({ where: { email: 'frances@example.org' } })).toBe(0);
    expect((await db.prisma.inboundEmail.findUniqueOrThrow({ where: { id: inbound.id } })).status).toBe('RECEIVED');

    // The job's retry.
    expect(
      await processEmail({ prisma: db.prisma, boss: q.boss, mailbox: 'jobs@example.com' }, { inboundId: inbound.id }),
    ).toMatchObject({ kind: 'new-application' });
    expect(
      await processEmail({ prisma: db.prisma, boss: q.boss, mailbox: 'jobs@example.com' }, { inboundId: inbound.id }),
    ).toMatchObject({ kind: 'already-processed' });
    const candidate = await db.prisma.candidate.findUniqueOrThrow({
      where: { email: 'frances@example.org' },
      include: { applications: true, documents: true },
    });
    expect(candidate.applications).toHaveLength(1);
    expect(candidate.documents).toHaveLength(1);
  }, 60_000);
});
