import type { DbOrTx, Tx } from '../../db/prisma.js';
import { schedulingPolicyOf } from '../../domain/scheduling/scheduling-policy.js';
import type { Boss } from '../../jobs/boss.js';
import { recordEffect } from '../../outbox/record-effect.js';
import type { Person } from './load-interview-plan.js';
import type { Booked } from './slot-query-for.js';
import type { OwnTime } from './own-time.js';

/** Proposal states whose time is still wanted: held while in one of these. */
export const LIVE_PROPOSAL = ['PROPOSED', 'APPROVED', 'OFFERED'] as const;

/**
 * Holds new proposals' times on the interviewers' calendars when the role asks for it. The hold
 * is made (and later removed) by the calendar.hold effect, which renders from the proposal at
 * delivery: recorded here in the transaction that proposes them.
 */
export async function holdProposals(
  tx: Tx,
  boss: Boss,
  { interviewId, proposalIds, now }: { interviewId: string; proposalIds: string[]; now: Date },
): Promise<void> {
  const interview = await tx.interview.findUniqueOrThrow({
    where: { id: interviewId },
    select: { applicationId: true, application: { select: { role: { select: { policy: true } } } } },
  });
  if (!schedulingPolicyOf(interview.application.role.policy).holdProposedSlots) return;
  for (const proposalId of proposalIds) {
    await recordEffect(
      { tx, boss },
      {
        kind: 'calendar.hold',
        idempotencyKey: `hold:${proposalId}:place`,
        applicationId: interview.applicationId,
        payload: { proposalId },
        now,
      },
    );
  }
}

/**
 * Releases the holds of an interview's proposals that are no longer wanted (withdrawn, or chosen:
 * the booking's own event takes over). Call after changing their status, in the same transaction.
 */
export async function releaseHolds(
  tx: Tx,
  boss: Boss,
  { interviewId, now }: { interviewId: string; now: Date },
): Promise<void> {
  const done = await tx.slotProposal.findMany({
    where: { interviewId, status: { notIn: [...LIVE_PROPOSAL] } },
    select: { id: true, interview: { select: { applicationId: true } } },
  });
  if (done.length === 0) return;
  const placed = await tx.outboxEffect.findMany({
    where: { idempotencyKey: { in: done.map((p) => `hold:${p.id}:place`) } },
    select: { idempotencyKey: true },
  });
  const held = new Set(placed.map((e) => e.idempotencyKey.split(':')[1]));
  for (const proposal of done.filter((p) => held.has(p.id))) {
    await recordEffect(
      { tx, boss },
      {
        kind: 'calendar.hold',
        idempotencyKey: `hold:${proposal.id}:release`,
        applicationId: proposal.interview.applicationId,
        payload: { proposalId: proposal.id },
        now,
      },
    );
  }
}

/**
 * Times held for other interviews of these people: busy for a new proposal, whatever the
 * calendars say yet (a hold may still be on its way to Google).
 */
export async function heldFor(
  db: DbOrTx,
  people: readonly Person[],
  from: Date,
  to: Date,
  except: string,
): Promise<Booked[]> {
  const ids = people.map((p) => p.userId);
  const held = await db.slotProposal.findMany({
    where: {
      interviewId: { not: except },
      status: { in: [...LIVE_PROPOSAL] },
      interviewerIds: { hasSome: ids },
      endsAt: { gt: from },
      startsAt: { lt: to },
      interview: {
        status: { notIn: ['CANCELLED', 'COMPLETED'] },
        application: { role: { policy: { path: ['scheduling', 'holdProposedSlots'], equals: true } } },
      },
    },
    select: { startsAt: true, endsAt: true, interviewerIds: true },
  });
  return held.flatMap((h) =>
    h.interviewerIds
      .filter((id) => ids.includes(id))
      .map((userId) => ({ userId, startsAt: h.startsAt, endsAt: h.endsAt })),
  );
}

/**
 * The interview's own times on the calendars as holds (placed, and not yet known released):
 * busy in free/busy, yet free for this interview (see own-time.ts).
 */
export async function heldByItself(db: DbOrTx, interviewId: string): Promise<OwnTime[]> {
  const proposals = await db.slotProposal.findMany({
    where: { interviewId },
    select: { id: true, startsAt: true, endsAt: true, interviewerIds: true },
  });
  if (proposals.length === 0) return [];
  const keys = proposals.flatMap((p) => [`hold:${p.id}:place`, `hold:${p.id}:release`]);
  const done = new Set(
    (
      await db.outboxEffect.findMany({
        where: { idempotencyKey: { in: keys }, status: 'DONE' },
        select: { idempotencyKey: true },
      })
    ).map((e) => e.idempotencyKey),
  );
  return proposals
    .filter((p) => done.has(`hold:${p.id}:place`) && !done.has(`hold:${p.id}:release`))
    .map((p) => ({ start: p.startsAt, end: p.endsAt, userIds: p.interviewerIds }));
}
