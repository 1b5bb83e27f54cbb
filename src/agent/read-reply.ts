import { askForJson, textOf } from '../ai/json-answer.js';
import type { AgentDeps } from './agent-deps.js';
import { callModel, type ModelUsage } from './model-call.js';
import { READ_REPLY_FORMAT, READ_REPLY_SYSTEM, ZReplyReading, type ReplyReading } from './reply-reading.js';

/**
 * The fast model reads a reply into intent, option, ranges and zone (JSON, validated by zod;
 * one retry with the problems, then null: the agent gets the text without a reading). The
 * reply is passed as a JSON string inside <reply>, never as bare text.
 */
export async function readReply(
  deps: AgentDeps,
  { text, nowLine, options }: { text: string; nowLine: string; options: Array<{ option: number; when: string }> },
): Promise<{ reading: ReplyReading | null; usage: ModelUsage; problem?: string }> {
  const total: ModelUsage = {
    inputTokens: 0,
    outputTokens: 0,
    cacheReadTokens: 0,
    cacheWriteTokens: 0,
    costUsd: 0,
    latencyMs: 0,
  };
  const answer = await askForJson(
    async (messages) => {
      const { message, usage } = await callModel(deps.claude, {
        model: deps.models.fast,
        max_tokens: 800,
        system: [{ type: 'text', text: READ_REPLY_SYSTEM, cache_control: { type: 'ephemeral' } }],
        output_config: { format: READ_REPLY_FORMAT },
        messages,
      });
      for (const k of Object.keys(total) as Array<keyof ModelUsage>) total[k] += usage[k];
      return textOf(message);
    },
    ZReplyReading,
    `today: ${nowLine}\noptions we offered: ${JSON.stringify(options)}\n<reply>${JSON.stringify(text)}</reply>`,
  );
  return answer.value
    ? { reading: answer.value, usage: total }
    : { reading: null, usage: total, problem: answer.problem };
}
