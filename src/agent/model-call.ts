import Anthropic from '@anthropic-ai/sdk';
import type { Claude } from '../ai/claude.js';
import { costUsd } from '../ai/pricing.js';

export type ModelUsage = {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  costUsd: number;
  latencyMs: number;
};

/**
 * A spend or billing limit: Anthropic answers 429 without Retry-After (or 402). Retrying
 * cannot help until someone raises the limit, so agent work pauses and an admin is told.
 */
export class SpendLimitError extends Error {}

export type ModelRequest = Omit<Anthropic.Messages.MessageCreateParamsNonStreaming, 'stream'>;

/** One Messages API call, timed, with its usage and cost; a spend limit becomes SpendLimitError. */
export async function callModel(
  claude: Claude,
  request: ModelRequest,
): Promise<{ message: Anthropic.Messages.Message; usage: ModelUsage }> {
  const started = performance.now();
  let message: Anthropic.Messages.Message;
  try {
    message = await claude.messages.create(request);
  } catch (err) {
    if (isSpendLimit(err))
      throw new SpendLimitError(`Anthropic refused for a spend limit: ${(err as Error).message.slice(0, 300)}`);
    throw err;
  }
  const u = message.usage;
  return {
    message,
    usage: {
      inputTokens: u.input_tokens,
      outputTokens: u.output_tokens,
      cacheReadTokens: u.cache_read_input_tokens ?? 0,
      cacheWriteTokens: u.cache_creation_input_tokens ?? 0,
      costUsd: costUsd(request.model, u),
      latencyMs: Math.round(performance.now() - started),
    },
  };
}

function isSpendLimit(err: unknown): boolean {
  if (err instanceof Anthropic.APIError && err.status === 402) return true;
  if (!(err instanceof Anthropic.RateLimitError)) return false;
  const headers = err.headers;
  return !headers?.get('retry-after') && !headers?.get('retry-after-ms');
}
