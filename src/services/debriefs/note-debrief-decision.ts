import type { Tx } from '../../db/prisma.js';
import type { Boss } from '../../jobs/boss.js';
import { refreshNotices } from '../notices/send-notice.js';

/**
 * A candidate moved on from an interviewed step (Advance or Reject, from the debrief or the
 * card): the step's debrief records the decision and who made it, and its message drops its
 * buttons and says where the candidate is now.
 */
export async function noteDebriefDecision(
  tx: Tx,
  boss: Boss,
  {
    applicationId,
    event,
    now,
  }: {
    applicationId: string;
    event: {
      fromStage: string | null;
      toStage: string | null;
      actorType: string;
      actorId: string | null;
      data: unknown;
    };
    now: Date;
  },
): Promise<void> {
  if (event.fromStage !== 'INTERVIEWED' || !event.toStage) return;
  const from = (event.data as { fromPlanPosition?: number | null }).fromPlanPosition ?? null;
  const debrief = await tx.debrief.findFirst({
    where: {
      postedAt: { not: null },
      interview: { applicationId, ...(from === null ? {} : { stage: { position: from } }) },
    },
    orderBy: { postedAt: 'desc' },
    select: { interviewId: true, decision: true },
  });
  if (!debrief) return;
  const decision = event.toStage === 'REJECTED' ? 'REJECT' : event.toStage === 'WITHDRAWN' ? null : 'ADVANCE';
  if (decision && debrief.decision !== decision) {
    const user =
      event.actorType === 'USER' && event.actorId
        ? await tx.user.findFirst({ where: { slackUserId: event.actorId }, select: { id: true } })
        : null;
    await tx.debrief.update({
      where: { interviewId: debrief.interviewId },
      data: { decision, decidedById: user?.id ?? null, decidedAt: now },
    });
  }
  await refreshNotices(tx, boss, { interviewId: debrief.interviewId }, now);
}
