import type { Tx } from '../../db/prisma.js';
import type { Boss } from '../../jobs/boss.js';
import { recordEffect } from '../../outbox/record-effect.js';
import { releaseHolds } from '../scheduling/hold-slots.js';
import type { Actor } from './move-application.js';

export type UnwindReport = {
  interviewsCancelled: number;
  eventsCancelled: number;
  agentRunsEnded: number;
  emailsStopped: number;
};

/**
 * Stops everything in flight for an application that has just closed (rejected, withdrawn,
 * hired), inside the transaction that closes it, so the two are one change: its interviews
 * are cancelled and their interviewers' time freed, booked ones' calendar events cancelled
 * (Google tells everyone invited), held times released, the proposal messages still waiting
 * for a click say so, the agent's run ends, and the agent's mail not yet sent is stopped. The
 * email the team chose to send with the decision is recorded after this, so it is the only one.
 */
export async function unwindApplicationInTx(
  tx: Tx,
  boss: Boss,
  { applicationId, actor, reason, now }: { applicationId: string; actor: Actor; reason: string; now: Date },
): Promise<UnwindReport> {
  const live = await tx.$queryRaw<Array<{ id: string; status: string; calendarEventId: string | null }>>`
    SELECT id, status::text AS status, "calendarEventId" FROM "Interview"
    WHERE "applicationId" = ${applicationId}::uuid AND status NOT IN ('CANCELLED', 'COMPLETED')
    ORDER BY id FOR UPDATE`;
  let eventsCancelled = 0;
  for (const interview of live) {
    await tx.interviewerBooking.deleteMany({ where: { interviewId: interview.id } });
    await tx.slotProposal.updateMany({
      where: { interviewId: interview.id, status: { in: ['PROPOSED', 'APPROVED', 'OFFERED'] } },
      data: { status: 'WITHDRAWN' },
    });
    await releaseHolds(tx, boss, { interviewId: interview.id, now });
    await tx.interview.update({ where: { id: interview.id }, data: { status: 'CANCELLED' } });
    if (interview.calendarEventId) {
      // Rendered at delivery from the interview, now cancelled: the event is deleted with sendUpdates=all.
      await recordEffect(
        { tx, boss },
        {
          kind: 'calendar.sync',
          idempotencyKey: `calendar:${interview.id}:unwind`,
          applicationId,
          payload: { interviewId: interview.id },
          now,
        },
      );
      eventsCancelled++;
    }
    if (interview.status === 'AWAITING_APPROVAL')
      await closeApprovalMessage(tx, boss, { interviewId: interview.id, applicationId, reason, now });
  }
  const runs = await tx.agentRun.updateMany({
    where: { applicationId, status: { in: ['RUNNING', 'WAITING'] } },
    data: { status: 'COMPLETED', finishedAt: now, followUpAt: null, error: reason.slice(0, 1000) },
  });
  // The agent's mail that has not gone yet (held for the candidate's sending hours, or queued).
  const emails = await tx.outboxEffect.updateMany({
    where: { applicationId, kind: 'gmail.send', status: 'PENDING', idempotencyKey: { startsWith: 'email:agent:' } },
    data: { status: 'CANCELLED', lastError: `stopped: ${reason}`.slice(0, 1000), completedAt: now },
  });
  const report = {
    interviewsCancelled: live.length,
    eventsCancelled,
    agentRunsEnded: runs.count,
    emailsStopped: emails.count,
  };
  if (live.length || runs.count || emails.count) {
    await tx.applicationEvent.create({
      data: {
        applicationId,
        actorType: actor.type,
        actorId: actor.id ?? null,
        type: 'application.unwound',
        data: { reason, ...report },
      },
    });
  }
  return report;
}

/** The team's proposal message loses its buttons and says why nothing will be offered. */
async function closeApprovalMessage(
  tx: Tx,
  boss: Boss,
  {
    interviewId,
    applicationId,
    reason,
    now,
  }: { interviewId: string; applicationId: string; reason: string; now: Date },
): Promise<void> {
  const posted = await tx.outboxEffect.findMany({
    where: {
      applicationId,
      kind: 'slack.post',
      status: 'DONE',
      idempotencyKey: { startsWith: `proposal:${interviewId}:`, endsWith: ':approval' },
    },
    select: { externalId: true, result: true },
  });
  for (const message of posted) {
    const channel = (message.result as { channel?: string } | null)?.channel;
    if (!channel || !message.externalId) continue;
    const text = `These times are no longer needed: ${reason}. Nothing was sent to the candidate.`;
    await recordEffect(
      { tx, boss },
      {
        kind: 'slack.update',
        idempotencyKey: `proposal-closed:${interviewId}:${message.externalId}`,
        applicationId,
        now,
        payload: {
          channel,
          ts: message.externalId,
          text,
          blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
        },
      },
    );
  }
}
