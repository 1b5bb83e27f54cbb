import type { Tx } from '../../db/prisma.js';
import type { Boss } from '../../jobs/boss.js';
import { stopAgentMailInTx, stopInterviewInTx } from '../interviews/stop-interview.js';
import type { Actor } from './move-application.js';
import { refreshNotices } from '../notices/send-notice.js';

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
 * for a click say so, the agent's run ends, the agent's mail not yet sent is stopped, and an
 * offer in progress is withdrawn (its messages say so). The
 * email the team chose to send with the decision is recorded after this, so it is the only one.
 */
export async function unwindApplicationInTx(
  tx: Tx,
  boss: Boss,
  { applicationId, actor, reason, now }: { applicationId: string; actor: Actor; reason: string; now: Date },
): Promise<UnwindReport> {
  const live = await tx.$queryRaw<Array<{ id: string; calendarEventId: string | null }>>`
    SELECT id, "calendarEventId" FROM "Interview"
    WHERE "applicationId" = ${applicationId}::uuid AND status NOT IN ('CANCELLED', 'COMPLETED')
    ORDER BY id FOR UPDATE`;
  let eventsCancelled = 0;
  for (const interview of live) {
    const stopped = await stopInterviewInTx(tx, boss, {
      interview: { ...interview, applicationId },
      to: 'CANCELLED',
      reason,
      now,
    });
    if (stopped.eventCancelled) eventsCancelled++;
  }
  const runs = await tx.agentRun.updateMany({
    where: { applicationId, status: { in: ['RUNNING', 'WAITING'] } },
    data: { status: 'COMPLETED', finishedAt: now, followUpAt: null, error: reason.slice(0, 1000) },
  });
  const emails = { count: await stopAgentMailInTx(tx, { applicationId, reason, now }) };
  // An offer still being worked on ends with the application (an accepted one is what hired them).
  const offers = await tx.offer.findMany({
    where: { applicationId, status: { in: ['DRAFT', 'PENDING_APPROVAL', 'CHANGES_REQUESTED', 'APPROVED', 'SENT'] } },
    select: { id: true },
  });
  for (const { id } of offers) {
    await tx.offer.update({ where: { id }, data: { status: 'WITHDRAWN', nextChaseAt: null } });
    await refreshNotices(tx, boss, { offerId: id }, now);
  }
  // Scorecards still owed are no longer needed: their messages say so and lose their buttons.
  const owed = await tx.scorecard.findMany({
    where: { interview: { applicationId }, status: { not: 'SUBMITTED' } },
    select: { id: true },
  });
  for (const { id } of owed) {
    await tx.scorecard.update({ where: { id }, data: { nextNudgeAt: null } });
    await refreshNotices(tx, boss, { scorecardId: id }, now);
  }
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
