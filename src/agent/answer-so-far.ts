import type { StoredStep } from './conversation.js';

type ToolUse = { type: 'tool_use'; id: string; name: string; input: unknown };

/**
 * Where one tool call stands within the model's answer that asked for it: the calls before it
 * in that answer, and the first of them whose result ended the turn (an email sent, a question
 * asked, a handover), if any.
 */
export function answerSoFar(
  steps: readonly StoredStep[],
  toolUseId: string,
): { earlier: ToolUse[]; endedBy: string | null } {
  const lastCall = steps.findLastIndex((s) => s.kind === 'MODEL_CALL' && s.name === 'agent');
  if (lastCall < 0) return { earlier: [], endedBy: null };
  const uses = ((steps[lastCall]!.output as { content?: Array<{ type: string }> }).content ?? []).filter(
    (b): b is ToolUse => b.type === 'tool_use',
  );
  const at = uses.findIndex((u) => u.id === toolUseId);
  const earlier = at < 0 ? [] : uses.slice(0, at);
  const ids = new Set(earlier.map((u) => u.id));
  const ended = steps
    .slice(lastCall + 1)
    .find(
      (s) =>
        s.kind === 'TOOL_RESULT' &&
        ids.has((s.input as { toolUseId: string }).toolUseId) &&
        (s.output as { endsTurn?: boolean }).endsTurn,
    );
  return { earlier, endedBy: ended?.name ?? null };
}
