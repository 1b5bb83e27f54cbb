import type { PrismaClient } from '../../db/prisma.js';
import { findSlots } from '../../domain/scheduling/find-slots.js';
import { DEFAULT_WORKING_HOURS, ZStoredWorkingHours } from '../../domain/scheduling/scheduling-policy.js';
import { parseSlotQuery, ZBusyPolicy } from '../../domain/scheduling/slot-query.js';
import type { Boss } from '../../jobs/boss.js';
import { recordEffect } from '../../outbox/record-effect.js';
import type { AvailabilitySource } from '../scheduling/availability.js';
import type { Person } from '../scheduling/load-interview-plan.js';
import { bookingsOf } from '../scheduling/search-slots.js';
import { refreshNotices } from '../notices/send-notice.js';

const DAY = 86_400_000;
export const DEBRIEF_MINUTES = 30;

/** The debrief meeting's calendar event id: base32hex, stable per debrief (see interviewEventId). */
export const debriefEventId = (debriefId: string) => `jd${debriefId.replaceAll('-', '')}`;

/**
 * When the role asks for it: a 30-minute debrief meeting for the panel and the hiring manager,
 * at the best time in the next five days that every one of them has free (fresh calendars,
 * their working hours, their other interviews; ranked by the slot engine), at least two hours
 * ahead. The event is made by the outbox (calendar.debrief); the debrief message says when, or
 * that no time was found.
 */
export async function bookDebriefMeeting(
  { prisma, boss, availability }: { prisma: PrismaClient; boss: Boss; availability: AvailabilitySource | undefined },
  { interviewId, now }: { interviewId: string; now: Date },
): Promise<'booked' | 'no-time' | 'not-wanted'> {
  const debrief = await prisma.debrief.findUnique({
    where: { interviewId },
    select: {
      id: true,
      postedAt: true,
      meetingStartsAt: true,
      interview: {
        select: {
          applicationId: true,
          // Those who declined the interview are not on its debrief.
          interviewers: { where: { response: { not: 'DECLINED' } }, select: { user: true } },
          application: { select: { role: { select: { hiringManager: true } } } },
        },
      },
    },
  });
  if (!debrief?.postedAt || debrief.meetingStartsAt || !availability) return 'not-wanted';
  const users = [...debrief.interview.interviewers.map((i) => i.user), debrief.interview.application.role.hiringManager]
    .filter((u): u is NonNullable<typeof u> => !!u)
    .filter((u, i, all) => all.findIndex((x) => x.id === u.id) === i);
  const people: Person[] = users.map((u) => ({
    userId: u.id,
    slackUserId: u.slackUserId,
    name: u.name,
    email: u.email,
    calendarId: u.calendarId ?? u.email,
    zone: u.timeZone,
    workingHours: u.workingHours,
    dailyCap: null,
    weeklyCap: null,
    busyPolicy: u.busyPolicy,
  }));
  const window = { start: now, end: new Date(now.getTime() + 5 * DAY) };
  const fresh = await availability.busyFor(people, window.start, window.end);
  const booked = await bookingsOf(prisma, people, window.start, window.end, interviewId);
  const query = parseSlotQuery({
    now: now.toISOString(),
    interviewers: people.map((p) => {
      const hours = ZStoredWorkingHours.safeParse(p.workingHours);
      const policy = ZBusyPolicy.safeParse(p.busyPolicy ?? undefined);
      return {
        id: p.userId,
        name: p.name,
        zone: p.zone,
        weeklyHours: (hours.success ? hours.data : DEFAULT_WORKING_HOURS).weekly,
        overrides: (hours.success ? hours.data : DEFAULT_WORKING_HOURS).overrides,
        busy: fresh.get(p.userId)?.busy ?? [
          { start: window.start.toISOString(), end: window.end.toISOString(), kind: 'unknown' as const },
        ],
        ...(policy.success ? { policy: policy.data } : {}),
        booked: booked
          .filter((b) => b.userId === p.userId)
          .map((b) => ({ start: b.startsAt.toISOString(), end: b.endsAt.toISOString() })),
      };
    }),
    stage: { durationMinutes: DEBRIEF_MINUTES, mode: 'panel', needed: people.length },
    candidate: { zone: people[0]?.zone ?? 'UTC' },
    window: { start: window.start.toISOString(), end: window.end.toISOString() },
    minNoticeMinutes: 120,
    gridMinutes: 30,
    maxSlots: 1,
  });
  const best = findSlots(query, { report: false }).slots[0];
  return prisma.$transaction(async (tx) => {
    const again = await tx.debrief.findUniqueOrThrow({ where: { interviewId }, select: { meetingStartsAt: true } });
    if (again.meetingStartsAt) return 'not-wanted';
    await tx.applicationEvent.create({
      data: {
        applicationId: debrief.interview.applicationId,
        actorType: 'SYSTEM',
        actorId: 'debrief',
        type: best ? 'debrief.meeting-booked' : 'debrief.meeting-no-time',
        data: { interviewId, ...(best ? { startsAt: new Date(best.start).toISOString() } : {}) },
      },
    });
    if (!best) return 'no-time';
    await tx.debrief.update({
      where: { interviewId },
      data: { meetingStartsAt: new Date(best.start), meetingEventId: debriefEventId(debrief.id) },
    });
    await recordEffect(
      { tx, boss },
      {
        kind: 'calendar.debrief',
        idempotencyKey: `debrief-meeting:${debrief.id}`,
        applicationId: debrief.interview.applicationId,
        payload: { interviewId },
        now,
      },
    );
    await refreshNotices(tx, boss, { interviewId }, now);
    return 'booked';
  });
}
