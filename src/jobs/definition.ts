import type { z } from 'zod';
import type { WebClient } from '@slack/web-api';
import type { WorkOptions } from 'pg-boss';
import type { PrismaClient } from '../db/prisma.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import type { DeliverDeps } from '../outbox/deliver-effect.js';
import type { Boss } from './boss.js';
import type { AvailabilitySource } from '../services/scheduling/availability.js';
import type { GoogleDeps } from '../outbox/performers/index.js';
import type { Claude } from '../ai/claude.js';
import type { JobPayloads, QueueName } from './queues.js';

/** What every handler may use; built once in compose.ts. */
export type JobDeps = {
  prisma: PrismaClient;
  boss: Boss;
  log: Logger;
  metrics: Metrics;
  slackEnabled: boolean;
  /** The Web API client for reads such as users.info; undefined when Slack is not configured. */
  slack: WebClient | undefined;
  deliver: DeliverDeps;
  /** Google (auth, API root, mailbox) and Calendar availability; undefined until Google is connected. */
  google: GoogleDeps | undefined;
  availability: AvailabilitySource | undefined;
  /** Claude and the model for extraction; undefined until Anthropic is configured. */
  ai?: { claude: Claude; modelFast: string; modelSmart: string } | undefined;
  /** The clock, passed in so tests can set it. */
  now: () => Date;
};

export type JobContext = { log: Logger; signal: AbortSignal; jobId: string; retryCount: number };

/** One queue's worker: its payload schema and handler. Queue policy lives in queues.ts. */
export type JobDefinition<Q extends QueueName> = {
  queue: Q;
  schema: z.ZodType<JobPayloads[Q]>;
  work?: WorkOptions;
  /** Must be idempotent: a job may run again after its expiry while the first run is alive. */
  handle(deps: JobDeps, data: JobPayloads[Q], ctx: JobContext): Promise<void>;
  /**
   * Optional: the whole fetched batch at once, for queues where per-job round trips would
   * dominate (the outbox). A throw fails every job in the batch; they are idempotent.
   */
  handleBatch?(deps: JobDeps, items: JobPayloads[Q][], ctx: JobContext): Promise<void>;
};

export function defineJob<Q extends QueueName>(def: JobDefinition<Q>): JobDefinition<Q> {
  return def;
}
