import type { PrismaClient } from '../../db/prisma.js';
import type { Boss } from '../../jobs/boss.js';
import { recordEffect } from '../../outbox/record-effect.js';
import type { AvailabilitySource } from './availability.js';
import { proposeSlots, type ProposeResult } from './propose-slots.js';

export type StartResult = ProposeResult | { status: 'no-stage' | 'no-calendar' | 'closed' };

/**
 * An application entered a scheduling step: make (or find) its interview for that step and
 * propose times. Without Google Calendar there is nothing to propose from, so the team is
 * told once in the card's thread and the interview waits.
 */
export async function startScheduling(
  deps: { prisma: PrismaClient; boss: Boss; availability: AvailabilitySource | undefined; now: () => Date },
  {
    applicationId,
    planPosition,
    runKey,
    move = false,
  }: { applicationId: string; planPosition: number; runKey: string; move?: boolean },
): Promise<StartResult> {
  const app = await deps.prisma.application.findUnique({
    where: { id: applicationId },
    select: {
      stage: true,
      planPosition: true,
      slackChannelId: true,
      slackMessageTs: true,
      role: { select: { stages: { where: { position: planPosition }, select: { id: true, name: true } } } },
    },
  });
  // The application moved on before this job ran (rejected, withdrawn, another step).
  const waiting = move ? 'INTERVIEW_SCHEDULED' : 'SCHEDULING';
  if (!app || app.stage !== waiting || app.planPosition !== planPosition) return { status: 'closed' };
  const stage = app.role.stages[0];
  if (!stage) return { status: 'no-stage' };
  const interview =
    (await deps.prisma.interview.findFirst({
      where: { applicationId, stageId: stage.id, status: { not: 'CANCELLED' } },
      select: { id: true },
    })) ?? (await deps.prisma.interview.create({ data: { applicationId, stageId: stage.id }, select: { id: true } }));

  if (!deps.availability) {
    await deps.prisma.$transaction(async (tx) => {
      await tx.applicationEvent.create({
        data: {
          applicationId,
          actorType: 'SYSTEM',
          actorId: 'scheduler',
          type: 'scheduling.blocked',
          data: { interviewId: interview.id, reason: 'google-not-connected' },
        },
      });
      if (app.slackChannelId && app.slackMessageTs) {
        await recordEffect(
          { tx, boss: deps.boss },
          {
            kind: 'slack.post',
            idempotencyKey: `scheduling-blocked:${interview.id}`,
            applicationId,
            payload: {
              channel: app.slackChannelId,
              thread_ts: app.slackMessageTs,
              text:
                `Can't propose times for ${stage.name}: Google Calendar is not connected yet. An admin can ` +
                'connect it; see the status page.',
            },
          },
        );
      }
    });
    return { status: 'no-calendar' };
  }
  return proposeSlots({ ...deps, availability: deps.availability }, { interviewId: interview.id, runKey, move });
}
