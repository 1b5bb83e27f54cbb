import { describe, expect, it } from 'vitest';
import type { PrismaClient } from '../../src/db/prisma.js';
import { Replay } from '../replay/harness.js';
import { acceptsOptionReader, happyPathAgent } from '../replay/scripted-agent.js';
import { useTestBoss } from '../setup/boss.js';
import { useTestDatabase } from '../setup/database.js';

const db = useTestDatabase();
const q = useTestBoss(db);

class Killed extends Error {}

/**
 * A client that "dies" once, right after its Nth write to the agent's tables has been made:
 * outside a transaction the write is committed and the worker is gone before the next line;
 * inside one, the transaction rolls back. The job then runs again, as pg-boss would retry it.
 */
function dyingAt(n: number) {
  let writes = 0;
  let hit = false;
  const wrap = (prisma: PrismaClient) =>
    prisma.$extends({
      query: {
        $allModels: {
          async $allOperations({ model, operation, args, query }) {
            const result = await query(args);
            if (
              (model === 'AgentStep' || model === 'AgentRun') &&
              /create|update|upsert/.test(operation) &&
              ++writes === n
            ) {
              hit = true;
              throw new Killed(`killed after write ${n} (${model}.${operation})`);
            }
            return result;
          },
        },
      },
    }) as unknown as PrismaClient;
  return { wrap, hit: () => hit };
}

describe('a run killed at any step resumes with no duplicate or lost effect', () => {
  it('kills the happy path after each of its agent writes in turn; every time: two emails, one event, one booking, ' +
    'no repeated Slack post', async () => {
    let killedAt = 0;
    const only = Number(process.env.KILL_AT ?? 0);
    for (let n = only || 1; n < 80; n++) {
      const death = dyingAt(n);
      const r = await Replay.start({
        prisma: db.prisma,
        boss: q.boss,
        start: '2026-03-02T09:00:00Z',
        wrapPrisma: death.wrap,
      });
      try {
        r.claude.agentResponder = happyPathAgent;
        r.claude.readingResponder = acceptsOptionReader;
        await r.propose();
        await r.approve();
        await r.candidateWrites('Option 2 works for me.');
        if (!death.hit()) break; // past the last write: every point was covered
        killedAt = n;
        const where = `killed at write ${n}`;
        expect(
          r.google.sent.map((m) => m.text.split('\n')[0]),
          where,
        ).toEqual([
          'Hi Ada, thanks for applying! Which of these times suits you?',
          expect.stringMatching(/^Hi Ada, you are booked/),
        ]);
        expect(r.google.events.size, where).toBe(1);
        const interview = await db.prisma.interview.findUniqueOrThrow({ where: { id: r.setup.interview.id } });
        expect(interview.status, where).toBe('BOOKED');
        expect(await db.prisma.interviewerBooking.count({ where: { interviewId: interview.id } }), where).toBe(1);
        const posts = r.slack.messages.map((m) => `${m.channel}|${m.thread_ts ?? ''}|${m.text}`);
        expect(new Set(posts).size, where).toBe(posts.length);
        const events = await db.prisma.agentStep.count({
          where: { run: { applicationId: r.setup.application.id }, name: 'event' },
        });
        expect(events, where).toBe(2);
      } finally {
        if (only)
          console.log(
            (await r.transcript()).join('\n'),
            r.failures.map((f) => f.error.slice(0, 200)),
          );
        await r.stop();
      }
    }
    expect(killedAt).toBeGreaterThan(10);
  }, 180_000);
});
