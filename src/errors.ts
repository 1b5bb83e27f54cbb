/**
 * Every error we raise on purpose. `message` is for logs; `userMessage` is safe to
 * show a Slack user (no ids, no PII).
 *
 * Codes:
 * - ILLEGAL_TRANSITION  a stage change the pipeline does not allow from the current stage
 * - STALE_STATE         a compare-and-set lost: someone else changed the row first
 * - NOT_FOUND           the record is gone (or never existed)
 * - FORBIDDEN           the actor may not do this
 * - INVALID_INPUT       user or API input failed validation
 * - INTEGRATION_OFF     a feature needs an integration that is not configured
 * - EXTERNAL_RETRYABLE  an external service failed in a way worth retrying (5xx, 429, network)
 * - EXTERNAL_PERMANENT  an external service refused for good (4xx other than 408/429)
 * - CIRCUIT_OPEN        we are not calling a service that keeps failing; try later
 * - BUSY                this process is at its own limit for this work (a bulkhead); try shortly
 */
export type ErrorCode =
  | 'ILLEGAL_TRANSITION'
  | 'STALE_STATE'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'INVALID_INPUT'
  | 'INTEGRATION_OFF'
  | 'EXTERNAL_RETRYABLE'
  | 'EXTERNAL_PERMANENT'
  | 'CIRCUIT_OPEN'
  | 'BUSY';

const HTTP_STATUS: Record<ErrorCode, number> = {
  ILLEGAL_TRANSITION: 409,
  STALE_STATE: 409,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  INVALID_INPUT: 400,
  INTEGRATION_OFF: 503,
  EXTERNAL_RETRYABLE: 502,
  EXTERNAL_PERMANENT: 502,
  CIRCUIT_OPEN: 503,
  BUSY: 503,
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly userMessage: string;
  /** For EXTERNAL_RETRYABLE / CIRCUIT_OPEN / BUSY: the earliest sensible retry, from Retry-After or the breaker. */
  readonly retryAfterMs: number | undefined;
  readonly details: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    opts: { userMessage?: string; retryAfterMs?: number; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.userMessage = opts.userMessage ?? 'Something went wrong; the team has been told.';
    this.retryAfterMs = opts.retryAfterMs;
    this.details = opts.details ?? {};
  }

  get httpStatus(): number {
    return HTTP_STATUS[this.code];
  }

  get retryable(): boolean {
    return (
      this.code === 'EXTERNAL_RETRYABLE' ||
      this.code === 'CIRCUIT_OPEN' ||
      this.code === 'STALE_STATE' ||
      this.code === 'BUSY'
    );
  }
}

/** Normalises anything thrown into an AppError; unknown errors count as retryable. */
export function asAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new AppError('EXTERNAL_RETRYABLE', message, { cause: err });
}
