import { z } from 'zod';
import type { AgentDeps } from '../../agent/agent-deps.js';
import { ZAgentEvent } from '../../agent/agent-event.js';
import { runAgentTurn } from '../../agent/run-turn.js';
import { recordEffect } from '../../outbox/record-effect.js';
import type { JobPayloads } from '../queues.js';
import { enqueue } from '../boss.js';
import type { JobDeps } from '../definition.js';
import { defineJob } from '../definition.js';

/** The agent's dependencies from the job's, or null when Claude is not configured (the team is told instead). */
export function agentDeps(deps: JobDeps): AgentDeps | null {
  if (!deps.ai) return null;
  return {
    prisma: deps.prisma,
    boss: deps.boss,
    claude: deps.ai.claude,
    models: { fast: deps.ai.modelFast, smart: deps.ai.modelSmart },
    availability: deps.availability,
    mailbox: deps.google?.mailbox,
    now: deps.now,
    log: deps.log,
  };
}

export const agentTurn = defineJob({
  queue: 'agent.turn',
  schema: z.object({ applicationId: z.string().uuid(), key: z.string().min(1).max(300), event: ZAgentEvent }),
  async handle(deps, data, { log }) {
    const agent = agentDeps(deps);
    if (!agent) {
      // Without Anthropic nothing can answer: tell the team once, instead of retrying for hours.
      await tellAgentOff(deps, data);
      log.warn(
        { applicationId: data.applicationId, event: data.event.type },
        'agent turn skipped: Anthropic is not configured',
      );
      return;
    }
    const outcome = await runAgentTurn({ ...agent, log }, data);
    log.info({ applicationId: data.applicationId, event: data.event.type, outcome }, 'agent turn');
  },
});

/**
 * Candidates silent past their follow-up time: one turn each. Claiming clears followUpAt in the
 * same statement that finds it, so two sweeps never wake a run twice.
 */
export const agentFollowUps = defineJob({
  queue: 'agent.follow-ups',
  schema: z.object({}).passthrough() as unknown as z.ZodType<Record<string, never>>,
  async handle(deps, _data, { log }) {
    const due = await deps.prisma.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<Array<{ id: string; applicationId: string; followUpAt: Date }>>`
        UPDATE "AgentRun" r SET "followUpAt" = NULL
        FROM (
          SELECT id, "followUpAt" FROM "AgentRun" WHERE status = 'WAITING' AND "followUpAt" <= ${deps.now()}
          FOR UPDATE SKIP LOCKED LIMIT 500
        ) d
        WHERE r.id = d.id
        RETURNING r.id, r."applicationId", d."followUpAt"`;
      for (const run of rows) {
        await enqueue(
          deps.boss,
          tx,
          'agent.turn',
          {
            applicationId: run.applicationId,
            key: `follow-up:${run.id}:${run.followUpAt.toISOString()}`,
            event: { type: 'follow-up', runId: run.id },
          },
          { singletonKey: run.applicationId },
        );
      }
      return rows.length;
    });
    if (due) log.info({ due }, 'follow-ups due');
  },
});

async function tellAgentOff(deps: JobDeps, { applicationId, key, event }: JobPayloads['agent.turn']): Promise<void> {
  const app = await deps.prisma.application.findUnique({
    where: { id: applicationId },
    select: { slackChannelId: true, slackMessageTs: true },
  });
  if (!app?.slackChannelId || !app.slackMessageTs) return;
  const what =
    event.type === 'candidate-replied'
      ? 'The candidate replied by email'
      : event.type === 'slots-approved'
        ? 'Times were approved'
        : 'Something needs the scheduling agent';
  await deps.prisma.$transaction((tx) =>
    recordEffect(
      { tx, boss: deps.boss },
      {
        kind: 'slack.post',
        idempotencyKey: `agent-off:${key}`,
        applicationId,
        payload: {
          channel: app.slackChannelId!,
          thread_ts: app.slackMessageTs!,
          text:
            `${what}, but Justin's scheduling agent is off (no ANTHROPIC_API_KEY), so a person should email the ` +
            'candidate. An admin can turn it on; see the status page.',
        },
      },
    ),
  );
}
