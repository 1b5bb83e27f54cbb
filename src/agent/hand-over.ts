import { recordEffect } from '../outbox/record-effect.js';
import { handOverBlocks } from '../slack/blocks/agent-messages.js';
import type { AgentDeps } from './agent-deps.js';
import { teamDestination, type RunFacts } from './run-facts.js';

/**
 * Ends the run and gives the candidate to a person: the run stops (HANDED_OVER, or STOPPED
 * after repeated violations), their threads are marked so later replies go to the team, and
 * the card's thread is told why, with a button to let the agent continue.
 */
export async function handOver(
  deps: AgentDeps,
  facts: RunFacts,
  { reason, key, by, stopped = false }: { reason: string; key: string; by: 'agent' | 'code'; stopped?: boolean },
): Promise<void> {
  const now = deps.now();
  await deps.prisma.$transaction(async (tx) => {
    const live = await tx.agentRun.updateMany({
      where: { id: facts.run.id, status: { in: ['RUNNING', 'WAITING'] } },
      data: {
        status: stopped ? 'STOPPED' : 'HANDED_OVER',
        finishedAt: now,
        followUpAt: null,
        error: reason.slice(0, 1000),
      },
    });
    if (live.count === 0) return;
    await tx.emailThread.updateMany({
      where: { applicationId: facts.application.id, handedOverAt: null },
      data: { handedOverAt: now },
    });
    const data = { runId: facts.run.id, reason, by };
    await tx.applicationEvent.create({
      data: {
        applicationId: facts.application.id,
        at: now,
        actorType: by === 'agent' ? 'AGENT' : 'SYSTEM',
        actorId: facts.run.id,
        type: stopped ? 'agent.stopped' : 'agent.handed_over',
        data,
      },
    });
    await tx.auditEntry.create({
      data: {
        actorType: by === 'agent' ? 'AGENT' : 'SYSTEM',
        actorId: facts.run.id,
        action: stopped ? 'agent.stop' : 'agent.hand_over',
        subjectType: 'Application',
        subjectId: facts.application.id,
        data,
      },
    });
    const where = teamDestination(facts);
    if (where) {
      await recordEffect(
        { tx, boss: deps.boss },
        {
          kind: 'slack.post',
          idempotencyKey: `handover:${key}`,
          applicationId: facts.application.id,
          payload: {
            ...where,
            ...handOverBlocks({
              applicationId: facts.application.id,
              candidateName: facts.candidate.name,
              reason,
              stopped,
            }),
          },
        },
      );
    }
  });
}
