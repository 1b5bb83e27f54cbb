import type { Tx } from '../../db/prisma.js';
import type { Boss } from '../../jobs/boss.js';
import { recordEffect } from '../../outbox/record-effect.js';
import { LIVE_PROPOSAL, releaseHolds } from '../scheduling/hold-slots.js';
import { refreshNotices } from '../notices/send-notice.js';

export type StoppingInterview = { id: string; applicationId: string; calendarEventId: string | null };

/**
 * Ends one interview that will not go on as planned, in the caller's transaction (which holds
 * its row locked): times still proposed for it are withdrawn and their holds released, a
 * proposal message still waiting for a click says why, and, when it is cancelled, its
 * interviewers' time is freed, its calendar event cancelled (Google tells everyone invited)
 * and the interviewers' reminders say so.
 * A completed interview keeps its bookings: they are that week's load for the caps.
 * The one way an interview stops: closing an application, cancelling one, completing one and
 * erasing a candidate all come here.
 */
export async function stopInterviewInTx(
  tx: Tx,
  boss: Boss,
  {
    interview,
    to,
    reason,
    now,
  }: { interview: StoppingInterview; to: 'CANCELLED' | 'COMPLETED'; reason: string; now: Date },
): Promise<{ eventCancelled: boolean }> {
  const waiting = await tx.slotProposal.count({ where: { interviewId: interview.id, status: 'PROPOSED' } });
  await tx.slotProposal.updateMany({
    where: { interviewId: interview.id, status: { in: [...LIVE_PROPOSAL] } },
    data: { status: 'WITHDRAWN' },
  });
  await releaseHolds(tx, boss, { interviewId: interview.id, now });
  if (waiting) await closeApprovalMessages(tx, boss, { interview, reason, now });
  await tx.interview.update({ where: { id: interview.id }, data: { status: to } });
  if (to === 'COMPLETED') return { eventCancelled: false };
  await tx.interviewerBooking.deleteMany({ where: { interviewId: interview.id } });
  // Interviewers' reminders say it is cancelled, in place, and lose their buttons.
  await refreshNotices(tx, boss, { interviewId: interview.id }, now);
  if (!interview.calendarEventId) return { eventCancelled: false };
  // Rendered at delivery from the interview, now cancelled: the event is deleted with sendUpdates=all.
  await recordEffect(
    { tx, boss },
    {
      kind: 'calendar.sync',
      idempotencyKey: `calendar:${interview.id}:cancel`,
      applicationId: interview.applicationId,
      payload: { interviewId: interview.id },
      now,
    },
  );
  return { eventCancelled: true };
}

/**
 * The proposal messages nobody has decided yet lose their buttons and say why nothing will
 * be offered (a decided one keeps what it says: who approved what, and when).
 */
async function closeApprovalMessages(
  tx: Tx,
  boss: Boss,
  { interview, reason, now }: { interview: StoppingInterview; reason: string; now: Date },
): Promise<void> {
  const posted = await tx.outboxEffect.findMany({
    where: {
      applicationId: interview.applicationId,
      kind: 'slack.post',
      status: 'DONE',
      idempotencyKey: { startsWith: `proposal:${interview.id}:`, endsWith: ':approval' },
    },
    select: { externalId: true, result: true },
  });
  const decided = new Set(
    (
      await tx.outboxEffect.findMany({
        where: { idempotencyKey: { startsWith: `slots-decided:${interview.id}:` } },
        select: { idempotencyKey: true },
      })
    ).map((e) => e.idempotencyKey),
  );
  const text = `These times are no longer needed: ${reason}. Nothing was sent to the candidate.`;
  for (const message of posted) {
    const channel = (message.result as { channel?: string } | null)?.channel;
    if (!channel || !message.externalId || decided.has(`slots-decided:${interview.id}:${message.externalId}`)) continue;
    await recordEffect(
      { tx, boss },
      {
        kind: 'slack.update',
        idempotencyKey: `proposal-closed:${interview.id}:${message.externalId}`,
        applicationId: interview.applicationId,
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

/**
 * The agent's mail for an application that has not gone yet (held for the candidate's sending
 * hours, or queued), stopped: what it says no longer holds.
 */
export async function stopAgentMailInTx(
  tx: Tx,
  { applicationId, reason, now }: { applicationId: string; reason: string; now: Date },
): Promise<number> {
  const stopped = await tx.outboxEffect.updateMany({
    where: { applicationId, kind: 'gmail.send', status: 'PENDING', idempotencyKey: { startsWith: 'email:agent:' } },
    data: { status: 'CANCELLED', lastError: `stopped: ${reason}`.slice(0, 1000), completedAt: now },
  });
  return stopped.count;
}
