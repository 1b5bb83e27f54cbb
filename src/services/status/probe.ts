/** The answer to "does this integration work?", as shown on the status page. */
export type Probe = { state: 'ok' | 'failing' | 'off' | 'unchecked'; detail: string; checkedAt?: string };

/**
 * Wraps a reachability check so the status page can be loaded often without hammering
 * the service: the last answer is reused for `ttlMs`, and concurrent loads share one call.
 */
export function cachedProbe(
  check: () => Promise<string>,
  { ttlMs, now = Date.now }: { ttlMs: number; now?: () => number },
): () => Promise<Probe> {
  let last: { at: number; probe: Probe } | undefined;
  let inflight: Promise<Probe> | undefined;
  return async () => {
    if (last && now() - last.at < ttlMs) return last.probe;
    inflight ??= check()
      .then((detail): Probe => ({ state: 'ok', detail }))
      .catch((err: Error): Probe => ({ state: 'failing', detail: err.message }))
      .then((probe) => {
        const at = now();
        last = { at, probe: { ...probe, checkedAt: new Date(at).toISOString() } };
        inflight = undefined;
        return last.probe;
      });
    return inflight;
  };
}
