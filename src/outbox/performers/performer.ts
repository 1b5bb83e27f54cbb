import type { Tx } from '../../db/prisma.js';

/** What a performer knows about the effect it is asked to carry out. */
export type EffectAttempt<P> = {
  id: string;
  idempotencyKey: string;
  payload: P;
  /** This attempt's number, from 1. */
  attempt: number;
  /**
   * When an earlier attempt started, if one did. It may have reached the service even
   * though we never recorded the outcome (the worker died between call and commit), so
   * a performer without an idempotency handle must look before it acts again.
   */
  previousAttemptAt: Date | null;
  signal: AbortSignal;
};

export type PerformOutcome = {
  /** The service's id for what we did (Slack ts, Gmail id, event id). */
  externalId?: string;
  result?: Record<string, unknown>;
};

export type Performer<P> = {
  perform(attempt: EffectAttempt<P>): Promise<PerformOutcome>;
  /** Runs in the transaction that marks the effect done, e.g. to store a Slack ts on its row. */
  onDone?(tx: Tx, payload: P, outcome: PerformOutcome): Promise<void>;
};
