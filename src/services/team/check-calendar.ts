import type { PrismaClient, Tx } from '../../db/prisma.js';
import { asAppError } from '../../errors.js';
import type { Boss } from '../../jobs/boss.js';
import type { Logger } from '../../logger.js';
import type { GoogleDeps } from '../../outbox/performers/index.js';
import { recordEffect } from '../../outbox/record-effect.js';
import {
  calendarUnreadableForPerson,
  calendarUnreadableForRecruiter,
  type CalendarAccess,
} from '../../slack/blocks/calendar-unreadable.js';
import type { AvailabilitySource } from '../scheduling/availability.js';

export type CalendarCheckDeps = {
  prisma: PrismaClient;
  boss: Boss;
  log: Logger;
  now: () => Date;
  availability: AvailabilitySource | undefined;
  google: GoogleDeps | undefined;
};

/**
 * - readable / unreadable: what free/busy for the next day showed;
 * - already-reported: this calendar id was found unreadable before (and said so);
 * - not-connected: Google is off or not connected yet, so nothing can be said; the next sync asks again.
 */
export type CalendarVerdict =
  | 'readable'
  | 'unreadable'
  | 'already-reported'
  | 'not-connected'
  | 'no-calendar'
  | 'inactive';

export const CALENDAR_UNREADABLE = 'person.calendar_unreadable';
const DAY_MS = 86_400_000;

/**
 * Reads a person's free/busy for the next day, the way scheduling will read it. If Google cannot
 * read it, the person and the recruiters of the roles they interview for are told privately,
 * once per (person, calendar id), with what to do, and it is audited.
 */
export async function checkPersonCalendar(
  deps: CalendarCheckDeps,
  { userId }: { userId: string },
): Promise<CalendarVerdict> {
  const user = await deps.prisma.user.findUnique({ where: { id: userId } });
  if (!user || user.deactivatedAt) return 'inactive';
  if (!user.calendarId) return 'no-calendar';
  if (!deps.availability || !deps.google) return 'not-connected';
  const reported = await deps.prisma.auditEntry.findFirst({
    where: {
      action: CALENDAR_UNREADABLE,
      subjectType: 'user',
      subjectId: user.slackUserId,
      data: { path: ['calendarId'], equals: user.calendarId },
    },
    select: { id: true },
  });
  if (reported) return 'already-reported';

  const from = deps.now();
  let problems: string[];
  try {
    const person = {
      userId: user.id,
      slackUserId: user.slackUserId,
      name: user.name,
      email: user.email,
      calendarId: user.calendarId,
      zone: user.timeZone,
      workingHours: user.workingHours,
      dailyCap: user.dailyInterviewCap,
      weeklyCap: user.weeklyInterviewCap,
      busyPolicy: user.busyPolicy,
    };
    const busy = await deps.availability.busyFor([person], from, new Date(from.getTime() + DAY_MS));
    problems = busy.get(user.id)?.problems ?? [];
  } catch (err) {
    const e = asAppError(err);
    // Not connected yet (OAuth before an admin connects the mailbox), or Google refusing the
    // mailbox itself: neither is the person's to fix, so nobody is told and the next sync asks again.
    if (e.code !== 'INTEGRATION_OFF' && e.code !== 'EXTERNAL_PERMANENT') throw e;
    deps.log.warn({ userId, err: e.message }, 'calendar not checked: Google is not connected or refused the mailbox');
    return 'not-connected';
  }
  if (problems.length === 0) return 'readable';
  const access: CalendarAccess = {
    mode: deps.google.auth.impersonates ? 'delegation' : 'oauth',
    mailbox: deps.google.mailbox,
  };
  const calendar = { userId: user.id, slackUserId: user.slackUserId, calendarId: user.calendarId, problems, access };
  await deps.prisma.$transaction((tx) => reportUnreadable({ tx, boss: deps.boss }, calendar));
  return 'unreadable';
}

type Unreadable = {
  userId: string;
  slackUserId: string;
  calendarId: string;
  problems: string[];
  access: CalendarAccess;
};

/** The private messages and the audit entry, in one transaction; the idempotency keys make it once. */
async function reportUnreadable({ tx, boss }: { tx: Tx; boss: Boss }, c: Unreadable): Promise<void> {
  const key = (to: string) => `calendar-unreadable:${c.userId}:${c.calendarId}:${to}`;
  const first = await recordEffect(
    { tx, boss },
    {
      kind: 'slack.post',
      idempotencyKey: key(c.slackUserId),
      payload: { channel: c.slackUserId, text: calendarUnreadableForPerson(c) },
    },
  );
  if (!first) return; // told before: a retry, or another sync of the same person at once
  const recruiters = await recruitersOfPoolsWith(tx, c.userId, c.slackUserId);
  for (const [recruiter, roleTitles] of recruiters) {
    const text = calendarUnreadableForRecruiter({ ...c, roleTitles });
    await recordEffect(
      { tx, boss },
      { kind: 'slack.post', idempotencyKey: key(recruiter), payload: { channel: recruiter, text } },
    );
  }
  await tx.auditEntry.create({
    data: {
      actorType: 'SYSTEM',
      action: CALENDAR_UNREADABLE,
      subjectType: 'user',
      subjectId: c.slackUserId,
      data: { calendarId: c.calendarId, problems: c.problems, told: [c.slackUserId, ...recruiters.keys()] },
    },
  });
}

/** Recruiters (Slack ids) of roles still hiring whose interview pools include the person, with those roles' titles. */
async function recruitersOfPoolsWith(tx: Tx, userId: string, slackUserId: string): Promise<Map<string, string[]>> {
  const roles = await tx.role.findMany({
    where: { status: { not: 'CLOSED' }, stages: { some: { pool: { some: { userId } } } } },
    orderBy: { title: 'asc' },
    select: { title: true, recruiter: { select: { slackUserId: true, deactivatedAt: true } } },
  });
  const byRecruiter = new Map<string, string[]>();
  for (const { title, recruiter } of roles) {
    // The person is told already, even when they recruit for the role themselves.
    if (!recruiter || recruiter.deactivatedAt || recruiter.slackUserId === slackUserId) continue;
    byRecruiter.set(recruiter.slackUserId, [...(byRecruiter.get(recruiter.slackUserId) ?? []), title]);
  }
  return byRecruiter;
}
