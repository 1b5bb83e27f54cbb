import { z } from 'zod';
import { deliverEffects } from '../../outbox/deliver-effect.js';
import { defineJob } from '../definition.js';

export const outboxDeliver = defineJob({
  queue: 'outbox.deliver',
  schema: z.object({ effectId: z.string().uuid(), service: z.string().optional() }),
  // Batches and bursting drain a backlog fast; each effect is still claimed on its own.
  // Retries are deferred jobs (startAfter), which NOTIFY cannot announce when they come
  // due, so this queue also polls every second.
  work: { batchSize: 20, burstWhenBatchFull: true, pollingIntervalSeconds: 1, notifyPollingIntervalSeconds: 1 },
  async handle(deps, ref, { signal }) {
    await deliverEffects(deps.deliver, [ref], signal);
  },
  async handleBatch(deps, refs, { signal }) {
    // Two jobs for one effect can share a batch (a retry and a sweep); claim each once.
    const unique = [...new Map(refs.map((r) => [r.effectId, r])).values()];
    await deliverEffects(deps.deliver, unique, signal);
  },
});
