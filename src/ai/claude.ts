import Anthropic from '@anthropic-ai/sdk';

/**
 * The Claude client: a configurable base URL (a local fake in development), a timeout well
 * under the SDK's 10-minute default, and the SDK's own few retries (429/5xx/529, honouring
 * retry-after) before the job's backoff takes over.
 */
export function createClaude({
  apiKey,
  baseUrl,
  timeoutMs = 60_000,
  maxRetries = 2,
}: {
  apiKey: string;
  baseUrl: string;
  timeoutMs?: number;
  maxRetries?: number;
}): Anthropic {
  return new Anthropic({ apiKey, baseURL: baseUrl, timeout: timeoutMs, maxRetries });
}

export type Claude = Anthropic;
