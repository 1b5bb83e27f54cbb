import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSlackNoticePerformer } from '../../../src/outbox/performers/slack-notice.js';
import { sendDueReminders } from '../../../src/services/interviews/send-reminders.js';
import { renderInterviewReminder, reminderKey } from '../../../src/services/notices/interview-reminder.js';
import { bookSlot } from '../../../src/services/scheduling/book-slot.js';
import { eraseCandidate } from '../../../src/services/candidates/erase-candidate.js';
import { cancelInterview } from '../../../src/services/scheduling/cancel-interview.js';
import { swapInterviewer } from '../../../src/services/scheduling/swap-interviewer.js';
import { createSlackClient } from '../../../src/slack/web-client.js';
import { FakeSlackApi } from '../../fakes/slack-api.js';
import { createInterviewSetup } from '../../factories/index.js';
import { silentLog, useTestBoss } from '../../setup/boss.js';
import { useTestDatabase } from '../../setup/database.js';
import { fakeFreeBusy } from '../../setup/fake-calendar.js';
import { useNock } from '../../setup/google.js';
import { textOf } from '../../journeys/support/slack-surface.js';

const db = useTestDatabase();
const q = useTestBoss(db);
useNock();
const slack = new FakeSlackApi();
slack.imChannels = true;
beforeAll(() => slack.start());
afterAll(() => slack.stop());

// Monday 9 March 2026, 10:00 UTC: 11:00 in Berlin and Madrid (both UTC+1 until the 29th).
const TEN = new Date('2026-03-09T10:00:00Z');
const MIN = 60_000;
const minus = (d: Date, minutes: number) => new Date(d.getTime() - minutes * MIN);
const system = { type: 'SYSTEM' as const, id: 'test' };

let calendar: ReturnType<typeof fakeFreeBusy> | undefined;
beforeEach(() => {
  calendar = undefined;
});
const availability = () => (calendar ??= fakeFreeBusy()).availability;
const remind = (now: Date) => sendDueReminders({ prisma: db.prisma, boss: q.boss, now: () => now });
/** Runs the schedule at `now`: how many reminders it made about this interview (tests share the database). */
const remindAbout = async (interviewId: string, now: Date) => {
  const before = await db.prisma.slackNotice.count({ where: { interviewId } });
  await remind(now);
  return (await db.prisma.slackNotice.count({ where: { interviewId } })) - before;
};

/** Bea (Berlin) and Carl (Madrid) interview together; the step finds out two things. */
async function panel({ leads, people }: { leads?: number[]; people?: number } = {}) {
  const names = ['Bea', 'Carl', 'Dan'].slice(0, people ?? 2);
  const setup = await createInterviewSetup(db.prisma, {
    people: names.map((name) => ({ name, zone: name === 'Carl' ? 'Europe/Madrid' : 'Europe/Berlin' })),
    mode: people ? 'POOL' : 'ALL',
    needed: 2,
  });
  await db.prisma.interviewStage.update({
    where: { id: setup.role.stages[0]!.id },
    data: {
      competencies: [
        { id: 'c1', name: 'System design', good: 'splits a service into parts and says why' },
        { id: 'c2', name: 'Communication', good: '' },
      ],
    },
  });
  if (leads)
    await db.prisma.role.update({
      where: { id: setup.role.id },
      data: { policy: { ...(setup.role.policy as object), afterInterview: { reminderLeadMinutes: leads } } },
    });
  return setup;
}

const book = (interviewId: string, start: Date, now: Date, reschedule = false) =>
  bookSlot(
    { prisma: db.prisma, boss: q.boss, availability: availability(), now: () => now },
    { interviewId, start, actor: system, reschedule },
  );

const notices = (interviewId: string) =>
  db.prisma.slackNotice.findMany({ where: { interviewId }, orderBy: { key: 'asc' } });
const refreshes = (noticeId: string) =>
  db.prisma.outboxEffect.count({ where: { kind: 'slack.notice', payload: { path: ['noticeId'], equals: noticeId } } });

/** Delivers a notice as the outbox would, to the fake Slack. */
async function deliver(noticeId: string, now: Date) {
  const performer = createSlackNoticePerformer({
    client: createSlackClient({ token: 'xoxb-test', apiUrl: slack.url, log: silentLog }),
    prisma: db.prisma,
    now: () => now,
  });
  return performer.perform({
    id: randomUUID(),
    idempotencyKey: `notice:${noticeId}:${randomUUID()}`,
    payload: { noticeId },
    attempt: 1,
    previousAttemptAt: null,
    signal: new AbortController().signal,
  });
}
const dm = (ts: string) => slack.messages.find((m) => m.ts === ts)!;

describe('interviewer reminders', () => {
  it('a DM per interviewer at each lead; moved, the same DM says the new time; cancelled, says so', async () => {
    const { interview, users } = await panel();
    const [bea, carl] = users as [(typeof users)[0], (typeof users)[0]];
    expect(await book(interview.id, TEN, new Date('2026-03-02T09:00:00Z'))).toMatchObject({ status: 'booked' });
    await db.prisma.interview.update({ where: { id: interview.id }, data: { meetUrl: 'https://meet.google.com/abc' } });

    expect(await remindAbout(interview.id, minus(TEN, 1441))).toBe(0);
    expect(await remindAbout(interview.id, minus(TEN, 1440))).toBe(2);
    expect(await remindAbout(interview.id, minus(TEN, 1430))).toBe(0);
    const sent = await notices(interview.id);
    expect(sent.map((n) => [n.key, n.kind, n.userId])).toEqual(
      [
        [reminderKey(interview.id, bea.id, 1440), 'interview.reminder', bea.id],
        [reminderKey(interview.id, carl.id, 1440), 'interview.reminder', carl.id],
      ].sort(),
    );
    const beas = sent.find((n) => n.userId === bea.id)!;
    const carls = sent.find((n) => n.userId === carl.id)!;
    expect(await refreshes(beas.id)).toBe(1);

    // Each in their own zone, with what the step finds out, the rest of the panel and the link.
    const posted = await deliver(beas.id, minus(TEN, 1440));
    const ts = posted.externalId!;
    expect(dm(ts).channel).toBe(`D${bea.slackUserId}`);
    expect(textOf(dm(ts))).toContain('When: Monday 9 March 2026, 11:00–12:00 (Europe/Berlin, UTC+1)');
    expect(textOf(dm(ts))).toContain(`Also on the panel: <@${carl.slackUserId}>`);
    expect(textOf(dm(ts))).toContain('• System design: splits a service into parts and says why');
    expect(textOf(dm(ts))).toContain('Join: meet.google.com/abc');
    const carlSees = await renderInterviewReminder(db.prisma, carls, minus(TEN, 1440));
    expect(textOf(carlSees!)).toContain('(Europe/Madrid, UTC+1)');

    // Moved to Tuesday: both reminders are refreshed in the booking's transaction.
    const moved = new Date('2026-03-10T13:00:00Z');
    expect(await book(interview.id, moved, minus(TEN, 1400), true)).toMatchObject({ status: 'booked' });
    expect(await refreshes(beas.id)).toBe(2);
    expect(await refreshes(carls.id)).toBe(2);
    expect(await deliver(beas.id, minus(TEN, 1400))).toMatchObject({ externalId: ts });
    expect(slack.dmsTo(bea.slackUserId)).toHaveLength(1);
    expect(textOf(dm(ts))).toContain('When: Tuesday 10 March 2026, 14:00–15:00 (Europe/Berlin, UTC+1)');

    // 24 hours before the new time: the 24-hour reminder is that same message, not a second one.
    expect(await remindAbout(interview.id, minus(moved, 1440))).toBe(0);
    expect(await remindAbout(interview.id, minus(moved, 15))).toBe(2);

    await cancelInterview(
      { prisma: db.prisma, boss: q.boss },
      { interviewId: interview.id, actor: system, reason: 'moved', now: minus(moved, 10) },
    );
    expect(await refreshes(beas.id)).toBe(3);
    await deliver(beas.id, minus(moved, 10));
    expect(textOf(dm(ts))).toMatch(/^Cancelled: Technical interview with /);
    expect(dm(ts).blocks?.some((b) => (b as { type: string }).type === 'actions')).toBe(false);
    // The 15-minute one, never posted, is not posted now to say it is cancelled.
    const fifteen = (await notices(interview.id)).find((n) => n.key === reminderKey(interview.id, bea.id, 15))!;
    expect(await deliver(fifteen.id, minus(moved, 10))).toEqual({ result: { skipped: 'nothing to show' } });
    expect(slack.dmsTo(bea.slackUserId)).toHaveLength(1);
  });

  it('booked two hours ahead: no late 24-hour reminder; the 1-hour and 15-minute ones come', async () => {
    const { interview } = await panel({ leads: [1440, 60, 15] });
    await book(interview.id, TEN, minus(TEN, 120));
    expect(await remindAbout(interview.id, minus(TEN, 119))).toBe(0);
    expect(await remindAbout(interview.id, minus(TEN, 60))).toBe(2);
    expect(await remindAbout(interview.id, minus(TEN, 15))).toBe(2);
    expect((await notices(interview.id)).map((n) => n.key.split(':').at(-1)).sort()).toEqual(['15', '15', '60', '60']);
  });

  it('booked ten minutes ahead: the shortest lead still goes; nothing once it has started', async () => {
    const { interview } = await panel();
    await book(interview.id, TEN, minus(TEN, 20));
    expect(await remindAbout(interview.id, minus(TEN, 10))).toBe(2);
    const { interview: late } = await panel();
    await book(late.id, TEN, minus(TEN, 20));
    expect(await remindAbout(late.id, TEN)).toBe(0);
  });

  it('someone who has left (deactivated) is not written to', async () => {
    const { interview, users } = await panel();
    await book(interview.id, TEN, new Date('2026-03-02T09:00:00Z'));
    await db.prisma.user.update({ where: { id: users[1]!.id }, data: { deactivatedAt: new Date() } });
    expect(await remindAbout(interview.id, minus(TEN, 10))).toBe(1);
    expect((await notices(interview.id)).map((n) => n.userId)).toEqual([users[0]!.id]);
  });

  it('erasing the candidate re-renders the reminders of interviews already held, without the name', async () => {
    const { interview, candidate } = await panel();
    await book(interview.id, TEN, new Date('2026-03-02T09:00:00Z'));
    await remindAbout(interview.id, minus(TEN, 15));
    await db.prisma.interview.update({ where: { id: interview.id }, data: { status: 'COMPLETED' } });
    const [first] = await notices(interview.id);
    await db.prisma.slackNotice.update({ where: { id: first!.id }, data: { channel: 'D0X', ts: '1.000002' } });
    await eraseCandidate({ prisma: db.prisma, boss: q.boss }, { candidateId: candidate.id, actorId: 'U0ADMIN' });
    expect(await refreshes(first!.id)).toBe(2);
    const shown = await renderInterviewReminder(db.prisma, { ...first!, ts: '1.000002' }, TEN);
    expect(shown?.text).toMatch(/^Interview reminder: Technical interview with Erased candidate, /);
    expect(JSON.stringify(shown)).not.toContain(candidate.name);
  });

  it('a role that wants no reminders gets none', async () => {
    const { interview } = await panel({ leads: [] });
    await book(interview.id, TEN, new Date('2026-03-02T09:00:00Z'));
    expect(await remindAbout(interview.id, minus(TEN, 10))).toBe(0);
  });

  it('swapped out: that reminder says so; the panel sees the new name; the one swapped in is reminded', async () => {
    const { interview, users } = await panel({ people: 3 });
    await book(interview.id, TEN, new Date('2026-03-02T09:00:00Z'));
    const seated = (await db.prisma.interviewInterviewer.findMany({ where: { interviewId: interview.id } })).map(
      (s) => s.userId,
    );
    const [out, stays] = seated as [string, string];
    const incoming = users.find((u) => !seated.includes(u.id))!;
    expect(await remindAbout(interview.id, minus(TEN, 1440))).toBe(2);
    const before = await notices(interview.id);
    const outs = before.find((n) => n.userId === out)!;
    await db.prisma.slackNotice.update({ where: { id: outs.id }, data: { channel: 'D0X', ts: '1.000001' } });

    const swapped = await swapInterviewer(
      { prisma: db.prisma, boss: q.boss, availability: availability(), now: () => minus(TEN, 1400) },
      { interviewId: interview.id, outUserId: out, inUserId: incoming.id, actor: system },
    );
    expect(swapped).toEqual({ status: 'swapped' });
    for (const n of before) expect(await refreshes(n.id)).toBe(2);
    const told = await renderInterviewReminder(db.prisma, { ...outs, ts: '1.000001' }, minus(TEN, 1400));
    expect(told?.text).toMatch(/^You are no longer on this interview: /);
    const staysSees = await renderInterviewReminder(
      db.prisma,
      before.find((n) => n.userId === stays)!,
      minus(TEN, 1400),
    );
    expect(textOf(staysSees!)).toContain(`Also on the panel: <@${incoming.slackUserId}>`);

    expect(await remindAbout(interview.id, minus(TEN, 1400))).toBe(1);
    expect((await notices(interview.id)).filter((n) => n.userId === incoming.id).map((n) => n.key)).toEqual([
      reminderKey(interview.id, incoming.id, 1440),
    ]);
  });
});
