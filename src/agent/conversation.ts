import type Anthropic from '@anthropic-ai/sdk';

/** An agent step as stored (AgentStep), reduced to what the conversation needs. */
export type StoredStep = {
  seq: number;
  kind: 'MODEL_CALL' | 'TOOL_CALL' | 'TOOL_RESULT' | 'GUARDRAIL' | 'NOTE';
  name: string | null;
  input: unknown;
  output: unknown;
};

type Block = Anthropic.Messages.ContentBlockParam;
type ToolUse = { type: 'tool_use'; id: string; name: string; input: unknown };

/**
 * The Messages API conversation for a run, rebuilt from its stored steps: the brief and each
 * event as JSON data in user turns, the agent's own answers as assistant turns, tool results
 * right after the call they answer. Rebuilding from steps is what lets a run resume after a
 * crash. The last block carries a cache breakpoint, so the next call reads this prefix from
 * Anthropic's cache.
 */
export function conversationOf(steps: readonly StoredStep[]): Anthropic.Messages.MessageParam[] {
  const messages: Anthropic.Messages.MessageParam[] = [];
  const push = (role: 'user' | 'assistant', blocks: Block[]) => {
    const last = messages.at(-1);
    if (last?.role === role) (last.content as Block[]).push(...blocks);
    else messages.push({ role, content: [...blocks] });
  };
  for (const step of steps) {
    if (step.kind === 'NOTE' && step.name === 'brief')
      push('user', [{ type: 'text', text: JSON.stringify({ brief: step.output }) }]);
    else if (
      step.kind === 'NOTE' &&
      step.name === 'event' &&
      step.output != null &&
      !(step.output as { hidden?: boolean }).hidden
    ) {
      // `chosen` is code's record of the candidate's choice (proposal ids), not the model's to read.
      const { quiet: _quiet, chosen: _chosen, ...event } = step.output as { quiet?: boolean; chosen?: unknown };
      push('user', [{ type: 'text', text: JSON.stringify({ event }) }]);
    } else if (step.kind === 'MODEL_CALL' && step.name === 'agent')
      push('assistant', (step.output as { content: Block[] }).content);
    else if (step.kind === 'TOOL_RESULT') {
      const { toolUseId } = step.input as { toolUseId: string };
      const { ok, result } = step.output as { ok: boolean; result: unknown };
      push('user', [
        {
          type: 'tool_result',
          tool_use_id: toolUseId,
          content: JSON.stringify(result),
          ...(ok ? {} : { is_error: true }),
        },
      ]);
    }
  }
  const lastBlock = (messages.at(-1)?.content as Block[] | undefined)?.at(-1);
  if (lastBlock && (lastBlock.type === 'text' || lastBlock.type === 'tool_result'))
    Object.assign(lastBlock, { cache_control: { type: 'ephemeral' } });
  return messages;
}

/** The tool calls of the last agent answer that have no result yet (a crash between them, or not run yet). */
export function pendingToolUses(steps: readonly StoredStep[]): ToolUse[] {
  const lastCall = steps.findLastIndex((s) => s.kind === 'MODEL_CALL' && s.name === 'agent');
  if (lastCall < 0) return [];
  const uses = (steps[lastCall]!.output as { content: Array<{ type: string }> }).content.filter(
    (b) => b.type === 'tool_use',
  ) as ToolUse[];
  const answered = new Set(
    steps
      .slice(lastCall + 1)
      .flatMap((s) => (s.kind === 'TOOL_RESULT' ? [(s.input as { toolUseId: string }).toolUseId] : [])),
  );
  return uses.filter((u) => !answered.has(u.id));
}

/**
 * Whether the agent has something new to read: an event after its last answer, or results of
 * its tools where none of them ended the turn (an email sent, a question asked, a handover).
 * Hidden events are not shown to the model at all.
 */
export function needsModelCall(steps: readonly StoredStep[]): boolean {
  const lastCall = steps.findLastIndex((s) => s.kind === 'MODEL_CALL' && s.name === 'agent');
  const after = steps.slice(lastCall + 1);
  // A hidden event (mail not from the candidate) is not the model's; a quiet one (an approved
  // email went out) is shown with the next turn but needs no answer now.
  const wakes = (s: StoredStep) =>
    s.kind === 'NOTE' &&
    (s.name === 'brief' ||
      (s.name === 'event' &&
        s.output != null &&
        !(s.output as { hidden?: boolean; quiet?: boolean }).hidden &&
        !(s.output as { quiet?: boolean }).quiet));
  if (after.some(wakes)) return true;
  const results = after.filter((s) => s.kind === 'TOOL_RESULT');
  return results.length > 0 && !results.some((s) => (s.output as { endsTurn?: boolean }).endsTurn);
}
