import type { AgentDeps } from '../agent-deps.js';
import { appendStep } from '../run-steps.js';

/**
 * What a side-effecting tool call resolved to (the option's proposal and time), stored as a
 * TOOL_CALL step before the effect. A call re-run after a crash uses this record instead of
 * resolving again against a state its own first run already changed (the option it booked is
 * no longer "on offer"), so the re-run finds its effect done instead of refusing or repeating it.
 */
export async function resolvedOnce<T>(
  deps: AgentDeps,
  call: { runId: string; toolUseId: string; name: string },
  resolve: () => Promise<T> | T,
): Promise<{ value: T; rerun: boolean }> {
  const prior = await deps.prisma.agentStep.findFirst({
    where: {
      runId: call.runId,
      kind: 'TOOL_CALL',
      name: call.name,
      input: { path: ['toolUseId'], equals: call.toolUseId },
    },
    select: { output: true },
  });
  if (prior) return { value: revive(prior.output) as T, rerun: true };
  const value = await resolve();
  await appendStep(deps.prisma, call.runId, {
    kind: 'TOOL_CALL',
    name: call.name,
    input: { toolUseId: call.toolUseId },
    output: value as object,
  });
  return { value, rerun: false };
}

/** JSON dates back to Date objects (ISO strings in fields named start/end). */
function revive(output: unknown): unknown {
  const o = output as Record<string, unknown>;
  return {
    ...o,
    ...(typeof o.start === 'string' ? { start: new Date(o.start) } : {}),
    ...(typeof o.end === 'string' ? { end: new Date(o.end) } : {}),
  };
}
