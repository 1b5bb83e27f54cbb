// USD per million tokens, as Anthropic publishes them (claude.com/pricing), for cost records.
// Prompt-cache reads cost a tenth of input; cache writes a quarter more than input.
const PRICES: Record<string, { input: number; output: number }> = {
  'claude-haiku-4-5': { input: 1, output: 5 },
  'claude-sonnet-4-5': { input: 3, output: 15 },
  'claude-opus-4-1': { input: 15, output: 75 },
};

export type Usage = { input_tokens: number; output_tokens: number; cache_read_input_tokens?: number | null; cache_creation_input_tokens?: number | null };

/** Cost of one call in USD; an unknown model is priced as Sonnet-class (the expensive side of usual). */
export function costUsd(model: string, usage: Usage): number {
  const price = PRICES[Object.keys(PRICES).find((m) => model.startsWith(m)) ?? 'claude-sonnet-4-5']!;
  const cacheRead = usage.cache_read_input_tokens ?? 0;
  const cacheWrite = usage.cache_creation_input_tokens ?? 0;
  const total = usage.input_tokens * price.input + cacheRead * price.input * 0.1 + cacheWrite * price.input * 1.25 + usage.output_tokens * price.output;
  return Math.round(total) / 1_000_000;
}
