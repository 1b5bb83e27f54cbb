import type { DbOrTx } from '../db/prisma.js';
import type { StoredStep } from './conversation.js';
import type { ModelUsage } from './model-call.js';

type NewStep = {
  kind: StoredStep['kind'];
  name: string;
  input?: unknown;
  output?: unknown;
  eventKey?: string;
  model?: string;
  usage?: ModelUsage;
};

/**
 * Appends a step at the run's next sequence number. Runs are serialised per application by
 * their queue, so the max+1 never races; the unique (runId, seq) would refuse it if it did.
 * A model call's tokens and cost are added to the run's totals in the same statement batch.
 */
export async function appendStep(db: DbOrTx, runId: string, step: NewStep): Promise<number> {
  const last = await db.agentStep.findFirst({ where: { runId }, orderBy: { seq: 'desc' }, select: { seq: true } });
  const seq = (last?.seq ?? 0) + 1;
  const u = step.usage;
  await db.agentStep.create({
    data: {
      runId,
      seq,
      kind: step.kind,
      name: step.name,
      input: (step.input ?? {}) as object,
      ...(step.output !== undefined ? { output: step.output as object } : {}),
      ...(step.eventKey ? { eventKey: step.eventKey } : {}),
      ...(step.model ? { model: step.model } : {}),
      ...(u
        ? {
            inputTokens: u.inputTokens + u.cacheReadTokens + u.cacheWriteTokens,
            outputTokens: u.outputTokens,
            latencyMs: u.latencyMs,
            costUsd: u.costUsd,
          }
        : {}),
    },
  });
  if (u) {
    await db.agentRun.update({
      where: { id: runId },
      data: {
        turns: { increment: 1 },
        inputTokens: { increment: u.inputTokens },
        outputTokens: { increment: u.outputTokens },
        cacheReadTokens: { increment: u.cacheReadTokens },
        cacheWriteTokens: { increment: u.cacheWriteTokens },
        costUsd: { increment: u.costUsd },
      },
    });
  }
  return seq;
}

export async function loadSteps(db: DbOrTx, runId: string): Promise<Array<StoredStep & { eventKey: string | null }>> {
  const rows = await db.agentStep.findMany({
    where: { runId },
    orderBy: { seq: 'asc' },
    select: { seq: true, kind: true, name: true, input: true, output: true, eventKey: true },
  });
  return rows as Array<StoredStep & { eventKey: string | null }>;
}
