import type { PrismaClient } from '../../db/prisma.js';
import { afterInterviewPolicyOf } from '../../domain/interviews/after-interview-policy.js';
import { dueReminderLead, LONGEST_LEAD_MINUTES } from '../../domain/interviews/reminder-due.js';
import type { Boss } from '../../jobs/boss.js';
import { REMINDER_KIND, reminderKey } from '../notices/interview-reminder.js';
import { sendNotice } from '../notices/send-notice.js';

const PAGE = 500;

/**
 * Sends each interviewer of a booked interview the reminder that is due now (see
 * dueReminderLead), by direct message through the slack.notice effect. Run every minute from a
 * pg-boss schedule. Each reminder is made under the interview's row lock, after checking the
 * interview still stands at the time it was found at, so one racing a reschedule or a
 * cancellation is not sent for a time that is gone. Returns how many were sent.
 */
export async function sendDueReminders({
  prisma,
  boss,
  now,
}: {
  prisma: PrismaClient;
  boss: Boss;
  now: () => Date;
}): Promise<number> {
  const at = now();
  let sent = 0;
  // Every booked interview within the longest lead, a page at a time: which are due depends on
  // each role's leads, so none can be left out by a cap.
  for (let cursor: string | undefined; ; ) {
    const page = await upcoming(prisma, at, cursor);
    for (const interview of page) sent += await remind(prisma, boss, interview, at);
    if (page.length < PAGE) return sent;
    cursor = page.at(-1)!.id;
  }
}

type Upcoming = Awaited<ReturnType<typeof upcoming>>[number];

function upcoming(prisma: PrismaClient, at: Date, cursor: string | undefined) {
  return prisma.interview.findMany({
    where: {
      status: 'BOOKED',
      startsAt: { gt: at, lte: new Date(at.getTime() + LONGEST_LEAD_MINUTES * 60_000) },
    },
    orderBy: { id: 'asc' },
    take: PAGE,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    select: {
      id: true,
      startsAt: true,
      bookedAt: true,
      application: { select: { role: { select: { policy: true } } } },
      // Someone who has left (deactivated) is not written to.
      interviewers: { where: { user: { deactivatedAt: null } }, select: { userId: true } },
      notices: { where: { kind: REMINDER_KIND }, select: { key: true } },
    },
  });
}

/** The reminders due for one interview, made in one transaction under its row lock. */
async function remind(prisma: PrismaClient, boss: Boss, interview: Upcoming, at: Date): Promise<number> {
  const { reminderLeadMinutes: leads } = afterInterviewPolicyOf(interview.application.role.policy);
  const keys = new Set(interview.notices.map((n) => n.key));
  const due = interview.interviewers.flatMap(({ userId }) => {
    const had = new Set(leads.filter((lead) => keys.has(reminderKey(interview.id, userId, lead))));
    const lead = dueReminderLead({
      leads,
      startsAt: interview.startsAt!,
      bookedAt: interview.bookedAt,
      sent: had,
      now: at,
    });
    return lead === null ? [] : [{ userId, lead }];
  });
  if (!due.length) return 0;
  return prisma.$transaction(async (tx) => {
    const still = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Interview"
      WHERE id = ${interview.id}::uuid AND status = 'BOOKED' AND "startsAt" = ${interview.startsAt}
      FOR UPDATE`;
    if (!still.length) return 0;
    const seats = await tx.interviewInterviewer.findMany({
      where: { interviewId: interview.id },
      select: { userId: true },
    });
    let made = 0;
    for (const { userId, lead } of due) {
      if (!seats.some((s) => s.userId === userId)) continue;
      const key = reminderKey(interview.id, userId, lead);
      if (await tx.slackNotice.findUnique({ where: { key }, select: { id: true } })) continue;
      await sendNotice(tx, boss, { key, kind: REMINDER_KIND, userId, interviewId: interview.id }, { now: at });
      made++;
    }
    return made;
  });
}
