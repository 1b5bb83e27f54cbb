import { z } from 'zod';
import { describeState, type Stage } from '../../domain/pipeline/stages.js';
import { recordEffect } from '../../outbox/record-effect.js';
import { noteDebriefDecision } from '../../services/debriefs/note-debrief-decision.js';
import { announceHire } from '../../services/offers/settle-offer.js';
import { defineJob } from '../definition.js';

/**
 * Brings the candidate card up to date (rendered from the database when delivered) and
 * tells the team in the card's thread who moved it where. Without Slack there is no one to
 * tell, and that is fine: the event log already holds the change.
 */
export const applicationStageChanged = defineJob({
  queue: 'application.stage-changed',
  schema: z.object({ applicationId: z.string().uuid(), eventId: z.string().regex(/^\d+$/) }),
  async handle(deps, { applicationId, eventId }) {
    if (!deps.slackEnabled) return;
    await deps.prisma.$transaction(async (tx) => {
      const event = await tx.applicationEvent.findUnique({
        where: { id: BigInt(eventId) },
        select: {
          actorType: true,
          actorId: true,
          fromStage: true,
          toStage: true,
          data: true,
          application: {
            select: {
              slackChannelId: true,
              slackMessageTs: true,
              role: { select: { _count: { select: { stages: true } } } },
            },
          },
        },
      });
      if (!event) return;
      await noteDebriefDecision(tx, deps.boss, { applicationId, event, now: deps.now() });
      if (event.toStage === 'HIRED') await announceHire(tx, deps.boss, { applicationId });
      await recordEffect(
        { tx, boss: deps.boss },
        {
          kind: 'slack.card',
          idempotencyKey: `card:${applicationId}:event:${eventId}`,
          applicationId,
          payload: { applicationId },
        },
      );
      const app = event.application;
      if (!app.slackChannelId || !app.slackMessageTs || !event.toStage) return;
      const planLength = app.role._count.stages;
      const data = event.data as { fromPlanPosition?: number | null; toPlanPosition?: number | null };
      const from = describeState(
        { stage: event.fromStage as Stage, planPosition: data.fromPlanPosition ?? null },
        planLength,
      );
      const to = describeState(
        { stage: event.toStage as Stage, planPosition: data.toPlanPosition ?? null },
        planLength,
      );
      const by =
        event.actorType === 'USER' && event.actorId
          ? ` by <@${event.actorId}>`
          : event.actorType === 'AGENT'
            ? ' by Justin'
            : '';
      await recordEffect(
        { tx, boss: deps.boss },
        {
          kind: 'slack.post',
          idempotencyKey: `stage-changed:${eventId}:thread`,
          applicationId,
          payload: { channel: app.slackChannelId, thread_ts: app.slackMessageTs, text: `${from} → *${to}*${by}` },
        },
      );
    });
  },
});
