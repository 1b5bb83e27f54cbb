import type { Claude } from '../../ai/claude.js';
import type { PrismaClient } from '../../db/prisma.js';
import { afterInterviewPolicyOf } from '../../domain/interviews/after-interview-policy.js';
import { ratingsOf } from '../../domain/scorecards/scorecard-form.js';
import type { Boss } from '../../jobs/boss.js';
import { recordEffect } from '../../outbox/record-effect.js';
import { refreshNotices, sendNotice } from '../notices/send-notice.js';
import { lockApplicationOfInterview } from '../pipeline/move-application.js';
import { synthesizeNotes } from './synthesize-notes.js';

const CLOSED = ['HIRED', 'REJECTED', 'WITHDRAWN'];

export type DebriefOutcome = 'posted' | 'already' | 'not-due' | 'closed' | 'resynthesized';

/**
 * A step's debrief, once its scorecards are all in or the role's deadline has passed: Claude's
 * synthesis of the notes (made before the transaction, so no lock waits on the model), then in
 * one transaction the Debrief row and its message: in the card's thread, or, when the role keeps
 * notes out of the channel, a direct message to the hiring manager and the recruiter. Safe to
 * run twice: the second finds it posted. A candidate whose application has closed gets none.
 */
export async function holdDebrief(
  deps: { prisma: PrismaClient; boss: Boss; ai?: { claude: Claude; modelSmart: string } | undefined },
  {
    interviewId,
    now,
    without = false,
  }: {
    interviewId: string;
    now: Date;
    /** The team asked for it with scorecards still missing (the late one's recruiter). */
    without?: boolean;
  },
): Promise<DebriefOutcome> {
  const interview = await deps.prisma.interview.findUnique({
    where: { id: interviewId },
    select: {
      status: true,
      endsAt: true,
      debrief: { select: { postedAt: true, scorecards: true } },
      stage: { select: { name: true } },
      scorecards: {
        where: { status: 'SUBMITTED' },
        orderBy: { submittedAt: 'asc' },
        select: { recommendation: true, ratings: true, notes: true, interviewer: { select: { name: true } } },
      },
      _count: { select: { scorecards: true } },
      application: {
        select: {
          id: true,
          stage: true,
          role: { select: { policy: true, hiringManagerId: true, recruiterId: true } },
        },
      },
    },
  });
  if (!interview || interview.status !== 'COMPLETED') return 'not-due';
  if (CLOSED.includes(interview.application.stage)) return 'closed';
  // Posted already: once more scorecards are in than it was made from, the synthesis is made again.
  if (interview.debrief?.postedAt) {
    if (interview.scorecards.length <= interview.debrief.scorecards) return 'already';
    return resynthesize(deps, { interviewId, interview, now });
  }
  const policy = afterInterviewPolicyOf(interview.application.role.policy);
  const allIn = interview.scorecards.length === interview._count.scorecards;
  const deadline =
    policy.debriefDeadlineHours !== null && interview.endsAt
      ? interview.endsAt.getTime() + policy.debriefDeadlineHours * 3_600_000
      : null;
  if (!allIn && !without && (deadline === null || deadline > now.getTime())) return 'not-due';

  const synthesis = await synthesizeNotes(deps.ai ? { claude: deps.ai.claude, model: deps.ai.modelSmart } : undefined, {
    step: interview.stage.name,
    cards: interview.scorecards.map((c) => ({
      interviewer: c.interviewer.name,
      recommendation: c.recommendation ?? 'NO',
      ratings: ratingsOf(c.ratings),
      notes: c.notes,
    })),
  });

  const applicationId = interview.application.id;
  return deps.prisma.$transaction(async (tx): Promise<DebriefOutcome> => {
    await lockApplicationOfInterview(tx, interviewId);
    const again = await tx.debrief.findUnique({ where: { interviewId }, select: { postedAt: true } });
    if (again?.postedAt) return 'already';
    // Closed while Claude was writing (a rejection meanwhile): no debrief.
    const stage = await tx.application.findUniqueOrThrow({ where: { id: applicationId }, select: { stage: true } });
    if (CLOSED.includes(stage.stage)) return 'closed';
    await tx.debrief.upsert({
      where: { interviewId },
      create: { interviewId, synthesis: synthesis.text, scorecards: interview.scorecards.length, postedAt: now },
      update: { synthesis: synthesis.text, scorecards: interview.scorecards.length, postedAt: now },
    });
    await tx.applicationEvent.create({
      data: {
        applicationId,
        actorType: 'SYSTEM',
        actorId: 'debrief',
        type: 'debrief.posted',
        data: {
          interviewId,
          scorecards: interview.scorecards.length,
          of: interview._count.scorecards,
          synthesis: synthesis.text
            ? {
                model: synthesis.model,
                calls: synthesis.calls,
                inputTokens: synthesis.usage.input_tokens,
                outputTokens: synthesis.usage.output_tokens,
                costUsd: synthesis.costUsd,
              }
            : { none: synthesis.problem ?? 'none' },
        },
      },
    });
    const role = interview.application.role;
    const readers = policy.debriefIn === 'private' ? [role.hiringManagerId, role.recruiterId] : [null];
    for (const userId of [...new Set(readers)]) {
      if (policy.debriefIn === 'private' && !userId) continue;
      await sendNotice(
        tx,
        deps.boss,
        { key: `debrief:${interviewId}${userId ? `:${userId}` : ''}`, kind: 'debrief', userId, interviewId },
        { now },
      );
    }
    await recordEffect(
      { tx, boss: deps.boss },
      {
        kind: 'slack.card',
        idempotencyKey: `card:${applicationId}:debrief:${interviewId}`,
        applicationId,
        payload: { applicationId },
      },
    );
    return 'posted';
  });
}

/** A scorecard came in after the debrief went out: the synthesis is made again from all of them. */
async function resynthesize(
  deps: { prisma: PrismaClient; boss: Boss; ai?: { claude: Claude; modelSmart: string } | undefined },
  {
    interviewId,
    interview,
    now,
  }: {
    interviewId: string;
    interview: {
      stage: { name: string };
      scorecards: Array<{
        recommendation: string | null;
        ratings: unknown;
        notes: string;
        interviewer: { name: string };
      }>;
      application: { id: string };
    };
    now: Date;
  },
): Promise<DebriefOutcome> {
  const synthesis = await synthesizeNotes(deps.ai ? { claude: deps.ai.claude, model: deps.ai.modelSmart } : undefined, {
    step: interview.stage.name,
    cards: interview.scorecards.map((c) => ({
      interviewer: c.interviewer.name,
      recommendation: c.recommendation ?? 'NO',
      ratings: ratingsOf(c.ratings),
      notes: c.notes,
    })),
  });
  return deps.prisma.$transaction(async (tx): Promise<DebriefOutcome> => {
    await lockApplicationOfInterview(tx, interviewId);
    await tx.debrief.update({
      where: { interviewId },
      data: { synthesis: synthesis.text, scorecards: interview.scorecards.length },
    });
    await tx.applicationEvent.create({
      data: {
        applicationId: interview.application.id,
        actorType: 'SYSTEM',
        actorId: 'debrief',
        type: 'debrief.resynthesized',
        data: {
          interviewId,
          scorecards: interview.scorecards.length,
          ...(synthesis.text ? { model: synthesis.model, costUsd: synthesis.costUsd } : { none: synthesis.problem }),
        },
      },
    });
    await refreshNotices(tx, deps.boss, { interviewId }, now);
    return 'resynthesized';
  });
}
