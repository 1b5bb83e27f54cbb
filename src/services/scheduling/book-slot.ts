import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../../db/prisma.js';
import { findSlots, type RankedSlot } from '../../domain/scheduling/find-slots.js';
import { interviewEventId } from '../../calendar/interview-event.js';
import { AppError } from '../../errors.js';
import type { Boss } from '../../jobs/boss.js';
import { recordEffect } from '../../outbox/record-effect.js';
import { lockApplicationOfInterview, moveApplicationInTx, type Actor } from '../pipeline/move-application.js';
import type { AvailabilitySource } from './availability.js';
import { checkTime } from './check-time.js';
import { loadInterviewPlan } from './load-interview-plan.js';
import { slotQueryFor } from './slot-query-for.js';
import { bookingsOf } from './search-slots.js';
import { heldByItself, heldFor, releaseHolds } from './hold-slots.js';
import { withoutOwnTime } from './own-time.js';
import { refreshNotices } from '../notices/send-notice.js';

export type BookSlotOptions = {
  interviewId: string;
  start: Date;
  /** The people the slot was proposed with; kept when they are all still free. */
  interviewerIds?: string[] | undefined;
  /** The proposal chosen, if the time came from one. */
  proposalId?: string | undefined;
  actor: Actor;
  /** Move a booked interview to this time (same event, same people when they are free). */
  reschedule?: boolean;
};

export type BookResult =
  | { status: 'booked'; start: Date; end: Date; interviewerIds: string[]; swapped: boolean }
  | { status: 'already-booked'; start: Date; end: Date }
  | { status: 'gone'; reasons: string[]; alternatives: RankedSlot[] };

const DAY = 86_400_000;
/** A chosen time must still be this far away when it is booked. */
const BOOKING_NOTICE_MINUTES = 15;

/**
 * Books an interview at a chosen time, only if the time is still possible.
 *
 * Fresh free/busy is fetched first (network, outside any transaction). Then, in one
 * transaction: the interview row is locked, each interviewer of the pool is locked (advisory
 * locks in id order, so two bookings never deadlock), bookings already in the database are
 * re-read, and the slot engine re-checks the time against all of it. Only then are the
 * interviewer bookings inserted, where an exclusion constraint refuses any overlap that slipped
 * past the check, and the calendar event is recorded in the outbox. A time that is gone comes
 * back with its reasons and the next best times.
 */
export async function bookSlot(
  deps: { prisma: PrismaClient; boss: Boss; availability: AvailabilitySource; now: () => Date },
  { interviewId, start, interviewerIds, proposalId, actor, reschedule = false }: BookSlotOptions,
): Promise<BookResult> {
  const plan = await loadInterviewPlan(deps.prisma, interviewId);
  const end = new Date(start.getTime() + plan.stage.durationMinutes * 60_000);
  const freshWindow = { start: new Date(start.getTime() - DAY), end: new Date(start.getTime() + 14 * DAY) };
  const calendars = await deps.availability.busyFor(plan.people, freshWindow.start, freshWindow.end);
  // When moving a booking, the calendars still show its old time as busy: that time is ours to
  // give up; so are the times held for this very interview (the chosen one among them).
  const own =
    reschedule && plan.interview.startsAt && plan.interview.endsAt
      ? { start: plan.interview.startsAt, end: plan.interview.endsAt }
      : undefined;
  const fresh = withoutOwnTime(calendars, [...(own ? [own] : []), ...(await heldByItself(deps.prisma, interviewId))]);
  if (reschedule && interviewerIds === undefined)
    interviewerIds = (
      await deps.prisma.interviewInterviewer.findMany({ where: { interviewId }, select: { userId: true } })
    ).map((i) => i.userId);

  try {
    return await deps.prisma.$transaction(async (tx) => {
      // The application first, then the interview: the order closing an application takes them in.
      await lockApplicationOfInterview(tx, interviewId);
      const locked = await tx.$queryRaw<Array<{ status: string; startsAt: Date | null; endsAt: Date | null }>>`
        SELECT status::text AS status, "startsAt", "endsAt" FROM "Interview"
        WHERE id = ${interviewId}::uuid FOR UPDATE`;
      const current = locked[0];
      if (!current)
        throw new AppError('NOT_FOUND', `interview ${interviewId} not found`, {
          userMessage: 'That interview no longer exists.',
        });
      if (current.status === 'BOOKED' && current.startsAt?.getTime() === start.getTime())
        return { status: 'already-booked', start, end: current.endsAt! };
      const movable = reschedule && current.status === 'BOOKED';
      if (
        !movable &&
        (current.status === 'BOOKED' || current.status === 'COMPLETED' || current.status === 'CANCELLED')
      ) {
        throw new AppError('STALE_STATE', `interview ${interviewId} is ${current.status}`, {
          userMessage:
            current.status === 'BOOKED'
              ? 'This interview is already booked at another time; reschedule it instead.'
              : `This interview is ${current.status.toLowerCase()}.`,
        });
      }
      if (reschedule && !movable)
        throw new AppError('STALE_STATE', `interview ${interviewId} is ${current.status}`, {
          userMessage: 'Only a booked interview can be rescheduled.',
        });
      for (const person of plan.people)
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`interviewer:${person.userId}`}, 0))`;
      // Our own old bookings do not count against the new time; they are replaced only on success.
      const booked = await bookingsOf(tx, plan.people, freshWindow.start, freshWindow.end, interviewId);
      const held = await heldFor(tx, plan.people, freshWindow.start, freshWindow.end, interviewId);
      const now = deps.now();

      // Prefer the people the time was proposed with; in a pool, anyone free will do.
      const proposed = interviewerIds?.length ? plan.people.filter((p) => interviewerIds.includes(p.userId)) : [];
      const keepProposed = proposed.length > 0 && proposed.length === interviewerIds?.length;
      const facts = { plan, fresh, booked, held, start, now, minNoticeMinutes: BOOKING_NOTICE_MINUTES };
      let verdict = keepProposed ? checkTime({ ...facts, people: proposed, asPanel: true }) : checkTime(facts);
      let swapped = false;
      if (!verdict.possible && keepProposed && plan.stage.panelMode === 'POOL') {
        const fromPool = checkTime(facts);
        if (fromPool.possible) [verdict, swapped] = [fromPool, true];
      }
      if (!verdict.possible) {
        const next = findSlots(
          slotQueryFor({ plan, fresh, booked, held, window: { start: now, end: freshWindow.end }, now }),
          { report: false },
        );
        await tx.auditEntry.create({
          data: {
            actorType: actor.type,
            actorId: actor.id ?? null,
            action: 'interview.book_refused',
            subjectType: 'Interview',
            subjectId: interviewId,
            data: { start: start.toISOString(), reasons: verdict.reasons },
          },
        });
        return { status: 'gone', reasons: verdict.reasons, alternatives: next.slots.slice(0, 3) };
      }

      const chosen = verdict.interviewerIds;
      if (movable) await tx.interviewerBooking.deleteMany({ where: { interviewId } });
      await tx.interviewerBooking.createMany({
        data: chosen.map((userId) => ({ interviewId, userId, startsAt: start, endsAt: end })),
      });
      await tx.interviewInterviewer.deleteMany({ where: { interviewId, userId: { notIn: chosen } } });
      await tx.interviewInterviewer.createMany({
        data: chosen.map((userId) => ({ interviewId, userId })),
        skipDuplicates: true,
      });
      await tx.interview.update({
        where: { id: interviewId },
        data: {
          status: 'BOOKED',
          startsAt: start,
          endsAt: end,
          calendarEventId: interviewEventId(interviewId),
          bookedAt: now,
        },
      });
      // Reminders already sent about it say the new time (and the new panel), in place.
      await refreshNotices(tx, deps.boss, { interviewId }, now);
      if (proposalId) {
        await tx.slotProposal.update({ where: { id: proposalId }, data: { status: 'CHOSEN' } });
      }
      await tx.slotProposal.updateMany({
        where: { interviewId, status: { in: ['PROPOSED', 'APPROVED', 'OFFERED'] } },
        data: { status: 'WITHDRAWN' },
      });
      // The chosen time's hold gives way to the booking's own event; the others are freed.
      await releaseHolds(tx, deps.boss, { interviewId, now });
      // One calendar sync per committed change (the key is this transaction's own): a move
      // back to an earlier time must still reach the calendar.
      const change = randomUUID();
      await recordEffect(
        { tx, boss: deps.boss },
        {
          kind: 'calendar.sync',
          idempotencyKey: `calendar:${interviewId}:${change}`,
          applicationId: plan.application.id,
          payload: { interviewId },
          now,
        },
      );
      const data = {
        interviewId,
        start: start.toISOString(),
        end: end.toISOString(),
        interviewerIds: chosen,
        swapped,
        ...(proposalId ? { proposalId } : {}),
        ...(own ? { from: own.start.toISOString() } : {}),
      };
      if (movable) {
        // A moved event asks everyone again; their earlier answers no longer hold.
        await tx.interviewInterviewer.updateMany({
          where: { interviewId },
          data: { response: 'NEEDS_ACTION', respondedAt: null },
        });
        await tx.applicationEvent.create({
          data: {
            applicationId: plan.application.id,
            actorType: actor.type,
            actorId: actor.id ?? null,
            type: 'interview.rescheduled',
            data,
          },
        });
        await tx.auditEntry.create({
          data: {
            actorType: actor.type,
            actorId: actor.id ?? null,
            action: 'interview.reschedule',
            subjectType: 'Interview',
            subjectId: interviewId,
            data,
          },
        });
        await recordEffect(
          { tx, boss: deps.boss },
          {
            kind: 'slack.card',
            idempotencyKey: `card:${plan.application.id}:moved:${change}`,
            applicationId: plan.application.id,
            payload: { applicationId: plan.application.id },
          },
        );
        return { status: 'booked', start, end, interviewerIds: chosen, swapped };
      }
      // The application moves to "interview scheduled" in the same transaction; its stage-change
      // job refreshes the card and tells the thread.
      const app = await tx.application.findUniqueOrThrow({
        where: { id: plan.application.id },
        select: { stage: true },
      });
      if (app.stage === 'SCHEDULING')
        await moveApplicationInTx(tx, deps.boss, {
          applicationId: plan.application.id,
          command: { type: 'interview_booked' },
          actor,
          data,
          now,
        });
      else
        await recordEffect(
          { tx, boss: deps.boss },
          {
            kind: 'slack.card',
            idempotencyKey: `card:${plan.application.id}:booked:${change}`,
            applicationId: plan.application.id,
            payload: { applicationId: plan.application.id },
          },
        );
      await tx.applicationEvent.create({
        data: {
          applicationId: plan.application.id,
          actorType: actor.type,
          actorId: actor.id ?? null,
          type: 'interview.booked',
          data,
        },
      });
      await tx.auditEntry.create({
        data: {
          actorType: actor.type,
          actorId: actor.id ?? null,
          action: 'interview.book',
          subjectType: 'Interview',
          subjectId: interviewId,
          data,
        },
      });
      return { status: 'booked', start, end, interviewerIds: chosen, swapped };
    });
  } catch (err) {
    // The exclusion constraint: another booking took one of these people's time between our
    // check and our insert (possible only through a path that skipped the locks). Nothing was written.
    if (isExclusionViolation(err))
      return {
        status: 'gone',
        reasons: ['an interviewer was booked for an overlapping interview a moment ago'],
        alternatives: [],
      };
    throw err;
  }
}

function isExclusionViolation(err: unknown): boolean {
  const text = `${(err as Error)?.message ?? ''} ${JSON.stringify((err as { cause?: unknown })?.cause ?? '')}`;
  return text.includes('23P01') || text.includes('InterviewerBooking_no_overlap');
}
