import { AppError } from '../../errors.js';
import { parseRetryAfter } from '../../resilience/backoff.js';
import type { Performer } from './performer.js';

type WebhookPayload = { url: string; body?: unknown };

/**
 * POSTs JSON to an HTTP endpoint (outgoing integrations such as an ATS). The receiver
 * gets our idempotency key in `Idempotency-Key` (the IETF draft header) and is expected
 * to drop repeats: HTTP has no way for us to ask whether an earlier attempt arrived.
 */
export function createWebhookPerformer({ now = Date.now }: { now?: () => number } = {}): Performer<WebhookPayload> {
  return {
    async perform({ payload, idempotencyKey, signal }) {
      let res: Response;
      try {
        res = await fetch(payload.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey, 'user-agent': 'Justin' },
          body: JSON.stringify(payload.body ?? null),
          signal,
        });
      } catch (err) {
        throw new AppError('EXTERNAL_RETRYABLE', `webhook unreachable: ${(err as Error).message}`, { cause: err });
      }
      await res.body?.cancel();
      if (res.ok) return { result: { status: res.status } };
      const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), now());
      if (res.status === 408 || res.status === 429 || res.status >= 500) {
        throw new AppError('EXTERNAL_RETRYABLE', `webhook answered ${res.status}`, { retryAfterMs });
      }
      throw new AppError('EXTERNAL_PERMANENT', `webhook answered ${res.status}`);
    },
  };
}
