import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../../db/prisma.js';
import { AppError } from '../../errors.js';
import type { Boss } from '../../jobs/boss.js';
import { recordEffect } from '../../outbox/record-effect.js';
import type { Actor } from '../pipeline/move-application.js';
import type { AvailabilitySource } from './availability.js';
import { checkTime } from './check-time.js';
import { loadInterviewPlan } from './load-interview-plan.js';
import { refreshNotices } from '../notices/send-notice.js';

const DAY = 86_400_000;

export type SwapResult = { status: 'swapped' } | { status: 'refused'; reasons: string[] };

/**
 * Replaces one interviewer of a booked interview with another pool member, if that person is
 * free then (fresh calendar, caps, bookings, under the same locks as a booking). The calendar
 * event is updated in place: the new person is invited, the old one told it is off.
 */
export async function swapInterviewer(
  deps: { prisma: PrismaClient; boss: Boss; availability: AvailabilitySource; now: () => Date },
  {
    interviewId,
    outUserId,
    inUserId,
    actor,
  }: { interviewId: string; outUserId: string; inUserId: string; actor: Actor },
): Promise<SwapResult> {
  const plan = await loadInterviewPlan(deps.prisma, interviewId);
  const incoming = plan.people.find((p) => p.userId === inUserId);
  if (!incoming) return { status: 'refused', reasons: ['that person is not in this interview step’s pool'] };
  const start = plan.interview.startsAt;
  if (!start) return { status: 'refused', reasons: ['the interview is not booked'] };
  const fresh = await deps.availability.busyFor(
    [incoming],
    new Date(start.getTime() - DAY),
    new Date(start.getTime() + DAY),
  );

  return deps.prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ status: string; startsAt: Date | null }>>`
      SELECT status::text AS status, "startsAt" FROM "Interview" WHERE id = ${interviewId}::uuid FOR UPDATE`;
    if (rows[0]?.status !== 'BOOKED' || rows[0].startsAt?.getTime() !== start.getTime()) {
      throw new AppError('STALE_STATE', `interview ${interviewId} changed`, {
        userMessage: 'The interview changed since this message; nothing was swapped.',
      });
    }
    const seats = await tx.interviewInterviewer.findMany({ where: { interviewId }, select: { userId: true } });
    if (!seats.some((s) => s.userId === outUserId)) {
      throw new AppError('STALE_STATE', 'already swapped', {
        userMessage: 'That interviewer was already swapped out.',
      });
    }
    if (seats.some((s) => s.userId === inUserId))
      return { status: 'refused', reasons: [`${incoming.name} is already on this interview`] };
    for (const id of [inUserId, outUserId].sort())
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`interviewer:${id}`}, 0))`;
    const booked = await tx.interviewerBooking.findMany({
      where: {
        userId: inUserId,
        endsAt: { gt: new Date(start.getTime() - 8 * DAY) },
        startsAt: { lt: new Date(start.getTime() + 8 * DAY) },
      },
      select: { userId: true, startsAt: true, endsAt: true },
    });
    const verdict = checkTime({
      plan,
      people: [incoming],
      asPanel: true,
      fresh,
      booked,
      start,
      now: deps.now(),
      minNoticeMinutes: 0,
    });
    if (!verdict.possible) return { status: 'refused', reasons: verdict.reasons };

    await tx.interviewerBooking.delete({ where: { interviewId_userId: { interviewId, userId: outUserId } } });
    await tx.interviewerBooking.create({
      data: { interviewId, userId: inUserId, startsAt: start, endsAt: plan.interview.endsAt! },
    });
    await tx.interviewInterviewer.delete({ where: { interviewId_userId: { interviewId, userId: outUserId } } });
    await tx.interviewInterviewer.create({ data: { interviewId, userId: inUserId } });
    // The one swapped out is told their reminder no longer holds; the others see the new panel.
    await refreshNotices(tx, deps.boss, { interviewId }, deps.now());
    const data = { interviewId, out: outUserId, in: inUserId };
    await tx.applicationEvent.create({
      data: {
        applicationId: plan.application.id,
        actorType: actor.type,
        actorId: actor.id ?? null,
        type: 'interviewer.swapped',
        data,
      },
    });
    await tx.auditEntry.create({
      data: {
        actorType: actor.type,
        actorId: actor.id ?? null,
        action: 'interview.swap',
        subjectType: 'Interview',
        subjectId: interviewId,
        data,
      },
    });
    const change = randomUUID();
    await recordEffect(
      { tx, boss: deps.boss },
      {
        kind: 'calendar.sync',
        idempotencyKey: `calendar:${interviewId}:swap:${change}`,
        applicationId: plan.application.id,
        payload: { interviewId },
        now: deps.now(),
      },
    );
    // The card names who interviews.
    await recordEffect(
      { tx, boss: deps.boss },
      {
        kind: 'slack.card',
        idempotencyKey: `card:${plan.application.id}:swap:${change}`,
        applicationId: plan.application.id,
        payload: { applicationId: plan.application.id },
        now: deps.now(),
      },
    );
    return { status: 'swapped' };
  });
}
