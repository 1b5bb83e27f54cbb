import type { calendar_v3 } from 'googleapis/build/src/apis/calendar/index.js';
import { createCalendarApi } from '../../calendar/calendar-api.js';
import { attendeeResponses } from '../../calendar/event-responses.js';
import type { PrismaClient } from '../../db/prisma.js';
import { callGoogle, googleStatus } from '../../google/map-google-error.js';
import type { Boss } from '../../jobs/boss.js';
import type { GoogleDeps } from '../../outbox/performers/index.js';
import { recordEffect } from '../../outbox/record-effect.js';
import { interviewerFlag } from '../../slack/blocks/interviewer-flag.js';
import type { AvailabilitySource } from './availability.js';
import { checkTime } from './check-time.js';
import { loadInterviewPlan } from './load-interview-plan.js';

const HOUR = 3_600_000;
/** Silence this close to the interview is worth a flag. */
const SILENCE_FLAG_HOURS = 24;

type Deps = { prisma: PrismaClient; boss: Boss; google: GoogleDeps; availability: AvailabilitySource; now: () => Date };

/**
 * Reads interviewers' answers to upcoming interview invitations from the calendar event and
 * records them. A decline, or no answer within a day of the interview, is flagged once in the
 * role's channel with a one-click swap to each pool member who is free then.
 */
export async function checkResponses(deps: Deps): Promise<{ checked: number; flagged: number }> {
  const now = deps.now();
  const upcoming = await deps.prisma.interview.findMany({
    where: {
      status: 'BOOKED',
      startsAt: { gt: now, lt: new Date(now.getTime() + 14 * 24 * HOUR) },
      calendarEventId: { not: null },
    },
    select: {
      id: true,
      calendarEventId: true,
      startsAt: true,
      interviewers: {
        select: { userId: true, response: true, user: { select: { email: true, calendarId: true, name: true } } },
      },
    },
  });
  // Nothing booked, nothing to ask Google (which may not even be connected yet on a new install).
  if (upcoming.length === 0) return { checked: 0, flagged: 0 };
  const api = createCalendarApi(deps.google.auth.as(deps.google.mailbox), deps.google.rootUrl);
  let flagged = 0;
  let failed: unknown;
  for (const interview of upcoming) {
    // One event that cannot be read (not created yet, deleted by hand, a hiccup) must not
    // keep every other interview from being checked.
    let event: calendar_v3.Schema$Event;
    try {
      event = (
        await callGoogle('events.get', () =>
          api.events.get({ calendarId: 'primary', eventId: interview.calendarEventId! }),
        )
      ).data;
    } catch (err) {
      if (googleStatus(err) !== 404) failed ??= err;
      continue;
    }
    const answers = attendeeResponses(event);
    for (const seat of interview.interviewers) {
      const email = (seat.user.calendarId ?? seat.user.email ?? '').toLowerCase();
      const answer = answers.get(email);
      if (answer && answer !== seat.response) {
        await deps.prisma.interviewInterviewer.update({
          where: { interviewId_userId: { interviewId: interview.id, userId: seat.userId } },
          data: { response: answer, respondedAt: now },
        });
      }
      const response = answer ?? seat.response;
      const silentTooLong =
        response === 'NEEDS_ACTION' && interview.startsAt!.getTime() - now.getTime() < SILENCE_FLAG_HOURS * HOUR;
      if (response === 'DECLINED' || silentTooLong) {
        if (
          await flag(deps, {
            interviewId: interview.id,
            userId: seat.userId,
            kind: response === 'DECLINED' ? 'declined' : 'silent',
          })
        )
          flagged++;
      }
    }
  }
  // The others are checked; the job's retry (idempotent: a flag is posted once) tries the failed one again.
  if (failed) throw failed;
  return { checked: upcoming.length, flagged };
}

/** Posts the flag once per interview, person and kind; returns whether it was new. */
async function flag(
  deps: Deps,
  { interviewId, userId, kind }: { interviewId: string; userId: string; kind: 'declined' | 'silent' },
): Promise<boolean> {
  const plan = await loadInterviewPlan(deps.prisma, interviewId);
  const type = `interviewer.${kind}`;
  const seenWhere = {
    applicationId: plan.application.id,
    type,
    data: { path: ['interviewId'], equals: interviewId },
    AND: { data: { path: ['userId'], equals: userId } },
  };
  // A decline stays a decline on every 15-minute check: look before asking the calendars again.
  if (await deps.prisma.applicationEvent.findFirst({ where: seenWhere, select: { id: true } })) return false;
  const start = plan.interview.startsAt!;
  const others = plan.people.filter((p) => p.userId !== userId);
  const seats = await deps.prisma.interviewInterviewer.findMany({ where: { interviewId }, select: { userId: true } });
  const candidates = others.filter((p) => !seats.some((s) => s.userId === p.userId));
  const fresh = candidates.length
    ? await deps.availability.busyFor(
        candidates,
        new Date(start.getTime() - 24 * HOUR),
        new Date(start.getTime() + 24 * HOUR),
      )
    : new Map();
  const booked = await deps.prisma.interviewerBooking.findMany({
    where: {
      userId: { in: candidates.map((c) => c.userId) },
      endsAt: { gt: new Date(start.getTime() - 8 * 24 * HOUR) },
      startsAt: { lt: new Date(start.getTime() + 8 * 24 * HOUR) },
    },
    select: { userId: true, startsAt: true, endsAt: true },
  });
  const free = candidates.filter(
    (c) =>
      checkTime({ plan, people: [c], asPanel: true, fresh, booked, start, now: deps.now(), minNoticeMinutes: 0 })
        .possible,
  );
  const who = plan.people.find((p) => p.userId === userId);
  const channel = plan.role.slackChannelId ?? plan.role.recruiterSlackId;
  return deps.prisma.$transaction(async (tx) => {
    // Checked again here: two checks running at once must post one flag.
    if (await tx.applicationEvent.findFirst({ where: seenWhere, select: { id: true } })) return false;
    await tx.applicationEvent.create({
      data: {
        applicationId: plan.application.id,
        actorType: 'SYSTEM',
        actorId: 'calendar',
        type,
        data: { interviewId, userId, freeToSwap: free.map((f) => f.userId) },
      },
    });
    if (channel) {
      const { text, blocks } = interviewerFlag({
        interviewId,
        kind,
        interviewer: who?.name ?? 'An interviewer',
        outUserId: userId,
        candidateName: plan.candidate.name,
        stageName: plan.stage.name,
        start,
        free: free.map((f) => ({ userId: f.userId, name: f.name })),
      });
      await recordEffect(
        { tx, boss: deps.boss },
        {
          kind: 'slack.post',
          idempotencyKey: `${type}:${interviewId}:${userId}`,
          applicationId: plan.application.id,
          payload: { channel, text, blocks },
        },
      );
    }
    return true;
  });
}
