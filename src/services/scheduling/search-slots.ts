import type { DbOrTx } from '../../db/prisma.js';
import { findSlots } from '../../domain/scheduling/find-slots.js';
import type { AvailabilitySource } from './availability.js';
import type { InterviewPlan, Person } from './load-interview-plan.js';
import { slotQueryFor, type Booked } from './slot-query-for.js';
import { heldByItself, heldFor } from './hold-slots.js';
import { withoutOwnTime } from './own-time.js';

const DAY = 86_400_000;

/**
 * The interviewers' bookings around a window, except the interview's own (moving it may
 * overlap where it is now). Caps count whole weeks, so look a week either side.
 */
export async function bookingsOf(
  db: DbOrTx,
  people: readonly Person[],
  from: Date,
  to: Date,
  except: string,
): Promise<Booked[]> {
  return db.interviewerBooking.findMany({
    where: {
      userId: { in: people.map((p) => p.userId) },
      interviewId: { not: except },
      endsAt: { gt: new Date(from.getTime() - 7 * DAY) },
      startsAt: { lt: new Date(to.getTime() + 7 * DAY) },
    },
    select: { userId: true, startsAt: true, endsAt: true },
  });
}

/**
 * Times for an interview from fresh calendars over the role's search window: what proposing
 * to the team and the agent's find_slots both ask. Returns the query too (its candidate zone,
 * for messages) and the fresh calendars (their read problems, for the team).
 */
export async function searchSlots(
  { prisma, availability }: { prisma: DbOrTx; availability: AvailabilitySource },
  {
    plan,
    now,
    candidateWindows = [],
    report = true,
  }: { plan: InterviewPlan; now: Date; candidateWindows?: Array<{ start: string; end: string }>; report?: boolean },
) {
  const window = { start: now, end: new Date(now.getTime() + plan.policy.searchDays * DAY) };
  // This interview's own holds (an earlier round's, until Google has removed them) are not in its way.
  const fresh = withoutOwnTime(
    await availability.busyFor(plan.people, window.start, new Date(window.end.getTime() + DAY)),
    await heldByItself(prisma, plan.interview.id),
  );
  const booked = await bookingsOf(prisma, plan.people, window.start, window.end, plan.interview.id);
  const held = await heldFor(prisma, plan.people, window.start, window.end, plan.interview.id);
  // Moving a booked interview: its own time is what the candidate (or the team) wants away from.
  const { status, startsAt, endsAt } = plan.interview;
  const avoid = status === 'BOOKED' && startsAt && endsAt ? [{ start: startsAt, end: endsAt }] : [];
  const query = slotQueryFor({ plan, fresh, booked, held, avoid, window, now, candidateWindows });
  return { query, fresh, result: findSlots(query, { report }) };
}
