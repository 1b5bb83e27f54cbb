/** Retry delays: exponential with "equal jitter", never sooner than the server asked. */
export type BackoffPolicy = { baseMs: number; maxMs: number };

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 10 * 60_000 };

/**
 * Delay before retry number `attempt` (1 = the first retry). Half the exponential step is
 * fixed and half random, so a burst of failures does not retry in lockstep. A Retry-After
 * from the server is a floor: we never come back before it.
 */
export function retryDelayMs(
  attempt: number,
  {
    retryAfterMs,
    random = Math.random,
    policy = DEFAULT_BACKOFF,
  }: { retryAfterMs?: number | undefined; random?: () => number; policy?: BackoffPolicy } = {},
): number {
  const step = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = step / 2 + random() * (step / 2);
  return Math.ceil(Math.max(jittered, retryAfterMs ?? 0));
}

/**
 * Parses an HTTP Retry-After value: delta-seconds or an HTTP-date (RFC 9110 §10.2.3).
 * Returns milliseconds from `now`, or undefined when absent or unparseable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
