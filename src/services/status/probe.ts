/** The answer to "does this integration work?", as shown on the status page. `unchecked`: no answer yet. */
export type Probe = { state: 'ok' | 'failing' | 'off' | 'unchecked'; detail: string; checkedAt?: string };

/**
 * Wraps a reachability check so the status page answers at once whatever the service does: the last answer is
 * reused for `ttlMs` and then refreshed in the background (the page shows the previous answer meanwhile); concurrent
 * loads share one call; a check that takes over `timeoutMs` counts as failing; and before the very first answer a
 * caller waits at most `waitMs`, then hears "checking".
 */
export function cachedProbe(
  check: () => Promise<string>,
  {
    ttlMs,
    timeoutMs = 5_000,
    waitMs = 300,
    now = Date.now,
  }: { ttlMs: number; timeoutMs?: number; waitMs?: number; now?: () => number },
): () => Promise<Probe> {
  let last: { at: number; probe: Probe } | undefined;
  let inflight: Promise<Probe> | undefined;
  const refresh = () =>
    (inflight ??= withTimeout(check(), timeoutMs)
      .then((detail): Probe => ({ state: 'ok', detail }))
      .catch((err: Error): Probe => ({ state: 'failing', detail: err.message }))
      .then((probe) => {
        const at = now();
        last = { at, probe: { ...probe, checkedAt: new Date(at).toISOString() } };
        inflight = undefined;
        return last.probe;
      }));
  return async () => {
    if (last && now() - last.at < ttlMs) return last.probe;
    const answer = refresh();
    if (last) return last.probe;
    let timer: NodeJS.Timeout | undefined;
    const checking = new Promise<Probe>((resolve) => {
      timer = setTimeout(
        () => resolve({ state: 'unchecked', detail: 'checking now; reload in a few seconds' }),
        waitMs,
      );
    });
    return Promise.race([answer, checking]).finally(() => clearTimeout(timer));
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
