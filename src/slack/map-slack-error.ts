import { ErrorCode, type WebAPICallError } from '@slack/web-api';
import { AppError } from '../errors.js';

// Slack "ok: false" errors that are worth another try; every other platform error
// (channel_not_found, not_in_channel, invalid_auth, msg_too_long …) will fail the same way again.
const RETRYABLE_PLATFORM_ERRORS = new Set([
  'ratelimited',
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
]);

/** Turns a WebClient error into an AppError the outbox knows how to retry (or not). */
export function mapSlackError(err: unknown, method: string): AppError {
  const e = err as Partial<WebAPICallError> & Error;
  switch (e.code) {
    case ErrorCode.RateLimitedError:
      return new AppError('EXTERNAL_RETRYABLE', `slack ${method}: rate limited`, {
        retryAfterMs: ('retryAfter' in e ? Number(e.retryAfter) : 1) * 1000,
        cause: err,
      });
    case ErrorCode.PlatformError: {
      const code = 'data' in e ? String(e.data?.error) : 'unknown';
      const kind = RETRYABLE_PLATFORM_ERRORS.has(code) ? 'EXTERNAL_RETRYABLE' : 'EXTERNAL_PERMANENT';
      return new AppError(kind, `slack ${method}: ${code}`, { cause: err, details: { slackError: code } });
    }
    case ErrorCode.HTTPError: {
      const status = 'statusCode' in e ? Number(e.statusCode) : 0;
      const kind = status === 408 || status >= 500 ? 'EXTERNAL_RETRYABLE' : 'EXTERNAL_PERMANENT';
      return new AppError(kind, `slack ${method}: HTTP ${status}`, { cause: err });
    }
    default:
      // Network errors and timeouts: the request may or may not have landed; retry after looking.
      return new AppError('EXTERNAL_RETRYABLE', `slack ${method}: ${e.message}`, { cause: err });
  }
}

/** Runs one Web API call, turning its failure into an AppError the outbox can act on. */
export async function callSlack<T>(method: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw mapSlackError(err, method);
  }
}
