import type { Job, JobResult } from 'pg-boss';
import { asAppError } from '../errors.js';
import type { JobContext, JobDefinition, JobDeps } from './definition.js';
import { applicationStageChanged } from './definitions/application-stage-changed.js';
import { outboxDeliver } from './definitions/outbox-deliver.js';
import { outboxSweep } from './definitions/outbox-sweep.js';
import { schedulingStart } from './definitions/scheduling-start.js';
import { schedulingCancel } from './definitions/scheduling-cancel.js';
import { calendarCheckResponses } from './definitions/calendar-check-responses.js';
import { intakeProcess } from './definitions/intake-process.js';
import { gmailPoll, gmailSync, gmailWatch } from './definitions/gmail.js';
import { intakeExtractDocument } from './definitions/intake-extract-document.js';
import { intakeUnderstand } from './definitions/intake-understand.js';
import { agentFollowUps, agentTurn } from './definitions/agent.js';
import { candidateErase } from './definitions/candidate-erase.js';
import { interviewsComplete } from './definitions/interviews-complete.js';
import { debriefHold, scorecardsChase } from './definitions/scorecards.js';
import { offerReply, offersChase } from './definitions/offers.js';
import { interviewsRemind } from './definitions/interviews-remind.js';
import { digestDue } from './definitions/digest-due.js';
import { teamSyncPerson } from './definitions/team-sync-person.js';
import type { QueueName } from './queues.js';

/** Every queue this codebase works. Queues absent here wait for their feature's worker. */
export const JOB_DEFINITIONS: JobDefinition<any>[] = [
  outboxDeliver,
  outboxSweep,
  applicationStageChanged,
  schedulingStart,
  schedulingCancel,
  calendarCheckResponses,
  intakeProcess,
  intakeExtractDocument,
  intakeUnderstand,
  gmailSync,
  gmailWatch,
  gmailPoll,
  agentTurn,
  agentFollowUps,
  interviewsComplete,
  scorecardsChase,
  debriefHold,
  offerReply,
  offersChase,
  interviewsRemind,
  digestDue,
  candidateErase,
  teamSyncPerson,
];

/**
 * Starts a worker per definition. Each job's payload is validated first: a malformed
 * payload can never succeed, so it fails at once (to the dead-letter queue) instead of
 * burning retries. Handlers get the job's abort signal, which pg-boss fires at expiry.
 */
export async function registerWorkers(deps: JobDeps, { concurrency }: { concurrency: number }): Promise<string[]> {
  const ids: string[] = [];
  for (const def of JOB_DEFINITIONS) {
    const queue = def.queue as QueueName;
    const id = await deps.boss.work(
      queue,
      {
        localConcurrency: concurrency,
        notifyPollingIntervalSeconds: 10,
        pollingIntervalSeconds: 2,
        // Without burst, a backlog drains one batch per poll interval per worker (measured:
        // 100 queued intake messages took 111 s); with it, a worker keeps fetching while its
        // fetches come back full, and falls back to polling when the queue is drained.
        batchSize: 4,
        burstWhenBatchFull: true,
        ...def.work,
        // Each job in a batch is settled on its own: one failure does not retry its neighbours.
        perJobResults: true,
      },
      async (jobs: Job<unknown>[]) =>
        def.handleBatch
          ? runBatch(deps, def, queue, jobs)
          : (await Promise.all(jobs.map((job) => runOne(deps, def, queue, job)))).flat(),
    );
    ids.push(id);
  }
  return ids;
}

/** Each job on its own: one failure does not fail its neighbours. */
function runOne(deps: JobDeps, def: JobDefinition<any>, queue: QueueName, job: Job<unknown>): Promise<JobResult[]> {
  return settle(deps, def, queue, [job], ([data], ctx) => def.handle(deps, data, ctx));
}

function runBatch(
  deps: JobDeps,
  def: JobDefinition<any>,
  queue: QueueName,
  jobs: Job<unknown>[],
): Promise<JobResult[]> {
  return settle(deps, def, queue, jobs, (items, ctx) => def.handleBatch!(deps, items, ctx));
}

/**
 * Validates each payload (an invalid one can never succeed, so it is dead-lettered at once
 * instead of burning retries), runs the valid ones together, and settles every job.
 */
async function settle(
  deps: JobDeps,
  def: JobDefinition<any>,
  queue: QueueName,
  jobs: Job<unknown>[],
  work: (items: unknown[], ctx: JobContext) => Promise<void>,
): Promise<JobResult[]> {
  const log = deps.log.child(
    jobs.length === 1 ? { queue, jobId: jobs[0]!.id, retry: jobs[0]!.retryCount } : { queue, batch: jobs.length },
  );
  const results: JobResult[] = [];
  const valid: { job: Job<unknown>; data: unknown }[] = [];
  for (const job of jobs) {
    const parsed = def.schema.safeParse(job.data);
    if (parsed.success) valid.push({ job, data: parsed.data });
    else {
      deps.metrics.jobOutcomes.inc({ queue, outcome: 'invalid' });
      log.error({ jobId: job.id, issues: parsed.error.issues }, 'job payload invalid; dead-lettered without retry');
      results.push({ id: job.id, status: 'deadletter', output: { error: 'invalid payload' } });
    }
  }
  if (!valid.length) return results;
  // Jobs fetched together stop together: the first expiry aborts the whole batch.
  const signal = AbortSignal.any(valid.map((v) => v.job.signal));
  try {
    await work(
      valid.map((v) => v.data),
      { log, signal, jobId: valid[0]!.job.id, retryCount: valid[0]!.job.retryCount },
    );
    deps.metrics.jobOutcomes.inc({ queue, outcome: 'completed' }, valid.length);
    return [...results, ...valid.map(({ job }): JobResult => ({ id: job.id, status: 'completed' }))];
  } catch (err) {
    const message = asAppError(err).message;
    deps.metrics.jobOutcomes.inc({ queue, outcome: 'failed' }, valid.length);
    log.warn({ err: message }, 'job failed; pg-boss retries it per the queue policy');
    return [
      ...results,
      ...valid.map(({ job }): JobResult => ({ id: job.id, status: 'failed', output: { error: message } })),
    ];
  }
}
