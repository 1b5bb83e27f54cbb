import { AppError } from '../errors.js';
import { parseRetryAfter } from '../resilience/backoff.js';

// Google answers rate limits with 429 or with 403 and a reason saying so; any other 403 (no
// access to the calendar, API not enabled) will fail the same way next time.
const RATE_LIMIT_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'quotaExceeded', 'backendError']);

type GaxiosLike = Error & {
  status?: number;
  response?: {
    status?: number;
    headers?: Headers | Record<string, string>;
    data?: { error?: { errors?: Array<{ reason?: string }>; message?: string } };
  };
};

function header(headers: Headers | Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  return (headers as Record<string, string>)[name] ?? (headers as Record<string, string>)[name.toLowerCase()];
}

/** Turns a googleapis (gaxios) failure into an AppError the outbox and jobs can act on. */
export function mapGoogleError(err: unknown, what: string, now = Date.now()): AppError {
  const e = err as GaxiosLike;
  const status = e.response?.status ?? e.status;
  if (status === undefined) return new AppError('EXTERNAL_RETRYABLE', `google ${what}: ${e.message}`, { cause: err });
  const reason = e.response?.data?.error?.errors?.[0]?.reason;
  const retryAfterMs = parseRetryAfter(header(e.response?.headers, 'retry-after'), now);
  const retryable =
    status === 408 ||
    status === 429 ||
    status >= 500 ||
    (status === 403 && reason !== undefined && RATE_LIMIT_REASONS.has(reason));
  return new AppError(
    retryable ? 'EXTERNAL_RETRYABLE' : 'EXTERNAL_PERMANENT',
    `google ${what}: HTTP ${status}${reason ? ` ${reason}` : ''}`,
    {
      cause: err,
      details: { status, ...(reason ? { reason } : {}) },
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    },
  );
}

/** Runs one Google API call, turning its failure into an AppError. */
export async function callGoogle<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw mapGoogleError(err, what);
  }
}

/** The HTTP status of a Google failure, mapped or not. */
export function googleStatus(err: unknown): number | undefined {
  if (err instanceof AppError) return err.details.status as number | undefined;
  const e = err as GaxiosLike;
  return e.response?.status ?? e.status;
}
