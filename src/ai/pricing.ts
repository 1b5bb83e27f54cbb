// USD per million tokens, as Anthropic publishes them (platform.claude.com → Pricing), for
// cost records. Cache writes (5-minute) cost 1.25× input; cache reads are per model.
const PRICES: Record<string, { input: number; output: number; cacheRead: number }> = {
  'claude-haiku-4-5': { input: 1, output: 5, cacheRead: 0.1 },
  'claude-sonnet-5-5': { input: 2, output: 10, cacheRead: 0.1 },
  'claude-sonnet-5': { input: 2, output: 10, cacheRead: 0.2 },
  'claude-sonnet-4-6': { input: 3, output: 15, cacheRead: 0.3 },
  'claude-sonnet-4-5': { input: 3, output: 15, cacheRead: 0.3 },
  'claude-opus-5-5': { input: 4, output: 20, cacheRead: 0.4 },
};

export type Usage = {
  input_tokens: number;
  output_tokens: number;
  cache_read_input_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
};

/** Cost of one call in USD; an unknown model is priced as the dearest Sonnet we know (cost is never understated). */
export function costUsd(model: string, usage: Usage): number {
  const known = Object.keys(PRICES)
    .sort((a, b) => b.length - a.length)
    .find((m) => model.startsWith(m));
  const price = PRICES[known ?? 'claude-sonnet-4-6']!;
  const total =
    usage.input_tokens * price.input +
    (usage.cache_read_input_tokens ?? 0) * price.cacheRead +
    (usage.cache_creation_input_tokens ?? 0) * price.input * 1.25 +
    usage.output_tokens * price.output;
  return Math.round(total) / 1_000_000;
}
