import { describe, expect, it } from 'vitest';
import { completeInterviews } from '../../../src/services/interviews/complete-interviews.js';
import { chaseScorecards } from '../../../src/services/scorecards/chase-scorecards.js';
import { saveScorecard } from '../../../src/services/scorecards/save-scorecard.js';
import { createInterviewSetup } from '../../factories/index.js';
import { useTestBoss } from '../../setup/boss.js';
import { useTestDatabase } from '../../setup/database.js';

const db = useTestDatabase();
const q = useTestBoss(db);
const ended = new Date('2026-03-09T11:00:00Z'); // a Monday
const pick = (value: string) => ({ value: { selected_option: { value } } });
const text = (value: string) => ({ value: { value } });

/** A panel of two whose interview, with one competency, ended at 11:00 and has been completed. */
async function held() {
  const setup = await createInterviewSetup(db.prisma, { people: [{ name: 'Bea' }, { name: 'Carl' }] });
  const { interview, application, users, role } = setup;
  await db.prisma.interviewStage.update({
    where: { id: role.stages[0]!.id },
    data: { competencies: [{ id: 'c1', name: 'SQL', good: 'Joins' }] },
  });
  await db.prisma.application.update({
    where: { id: application.id },
    data: { stage: 'INTERVIEW_SCHEDULED', planPosition: 0 },
  });
  await db.prisma.interview.update({
    where: { id: interview.id },
    data: {
      status: 'BOOKED',
      startsAt: new Date(ended.getTime() - 3_600_000),
      endsAt: ended,
      interviewers: { create: users.map((u) => ({ userId: u.id })) },
    },
  });
  await completeInterviews({ prisma: db.prisma, boss: q.boss, now: () => new Date(ended.getTime() + 60_000) });
  const cards = await db.prisma.scorecard.findMany({
    where: { interviewId: interview.id },
    include: { interviewer: true },
    orderBy: { interviewer: { name: 'asc' } },
  });
  return { ...setup, cards };
}

describe('saving a scorecard', () => {
  it('is owed by each interviewer once the interview ends, and asked for once per person', async () => {
    const { cards, interview } = await held();
    expect(cards.map((c) => [c.interviewer.name, c.status])).toEqual([
      ['Bea', 'PENDING'],
      ['Carl', 'PENDING'],
    ]);
    expect(await db.prisma.slackNotice.count({ where: { scorecard: { interviewId: interview.id } } })).toBe(2);
  });

  it('keeps each submission as a version, audits edits, and counts a repeated modal once', async () => {
    const { cards } = await held();
    const bea = cards[0]!;
    const values = { c_c1: pick('3'), recommendation: pick('YES'), notes: text('Good joins') };
    const save = (viewId: string, v = values) =>
      saveScorecard(
        { prisma: db.prisma, boss: q.boss },
        { scorecardId: bea.id, slackUserId: bea.interviewer.slackUserId, values: v, draft: false, viewId, now: ended },
      );
    expect(await Promise.all([save('V1'), save('V1')])).toEqual([
      { ok: true, submitted: true, version: 1 },
      { ok: true, submitted: true, version: 1 },
    ]);
    expect(await save('V2', { ...values, recommendation: pick('NO') })).toEqual({
      ok: true,
      submitted: true,
      version: 2,
    });
    const versions = await db.prisma.scorecardVersion.findMany({
      where: { scorecardId: bea.id },
      orderBy: { version: 'asc' },
    });
    expect(versions.map((v) => [v.version, v.recommendation])).toEqual([
      [1, 'YES'],
      [2, 'NO'],
    ]);
    expect(await db.prisma.auditEntry.count({ where: { action: 'scorecard.edit', subjectId: bea.id } })).toBe(1);
  });

  it('is refused to anyone but its interviewer, and as a draft once submitted', async () => {
    const { cards } = await held();
    const [bea, carl] = [cards[0]!, cards[1]!];
    const as = (slackUserId: string, draft: boolean) =>
      saveScorecard(
        { prisma: db.prisma, boss: q.boss },
        {
          scorecardId: bea.id,
          slackUserId,
          values: { c_c1: pick('2'), recommendation: pick('NO') },
          draft,
          now: ended,
        },
      );
    expect(await as(carl.interviewer.slackUserId, false)).toEqual({
      ok: false,
      refused: expect.stringMatching(/someone else/),
    });
    expect(await as(bea.interviewer.slackUserId, false)).toMatchObject({ ok: true, version: 1 });
    expect(await as(bea.interviewer.slackUserId, true)).toEqual({
      ok: false,
      refused: expect.stringMatching(/submitted/),
    });
  });

  it('chases a late one an hour after, then on business mornings, then tells the recruiter once', async () => {
    const { cards, role } = await held();
    const bea = cards[0]!;
    // Carl stands in as the role's recruiter; the role allows two chases.
    await db.prisma.role.update({
      where: { id: role.id },
      data: { recruiterId: cards[1]!.interviewerId, policy: { afterInterview: { nudgeLimit: 2 } } },
    });
    const chase = (at: Date) => chaseScorecards({ prisma: db.prisma, boss: q.boss, now: () => at });
    const state = async () => {
      const row = await db.prisma.scorecard.findUniqueOrThrow({ where: { id: bea.id } });
      const notices = await db.prisma.slackNotice.findMany({ where: { scorecardId: bea.id }, select: { kind: true } });
      return { sent: row.nudgesSent, next: row.nextNudgeAt, kinds: notices.map((n) => n.kind).sort() };
    };
    await chase(new Date('2026-03-09T11:30:00Z'));
    expect((await state()).sent).toBe(0);
    await chase(new Date('2026-03-09T12:01:00Z'));
    const first = await state();
    expect(first.sent).toBe(1);
    // The next chase is the next morning in her zone (the factory's), not sooner.
    expect(first.next!.getTime()).toBeGreaterThan(new Date('2026-03-10T00:00:00Z').getTime());
    await chase(new Date(first.next!.getTime() - 60_000));
    expect((await state()).sent).toBe(1);
    await chase(first.next!);
    const second = await state();
    expect(second.sent).toBe(2);
    await chase(second.next!);
    expect(await state()).toEqual({
      sent: 2,
      next: null,
      kinds: ['scorecard.late', 'scorecard.nudge', 'scorecard.nudge', 'scorecard.request'],
    });
    await chase(new Date('2026-03-20T09:00:00Z'));
    expect((await state()).kinds).toHaveLength(4);
  });
});
