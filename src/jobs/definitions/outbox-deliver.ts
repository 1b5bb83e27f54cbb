import { z } from 'zod';
import { deliverEffect } from '../../outbox/deliver-effect.js';
import { defineJob } from '../definition.js';

export const outboxDeliver = defineJob({
  queue: 'outbox.deliver',
  schema: z.object({ effectId: z.string().uuid() }),
  // Batches and bursting drain a backlog fast; each effect is still claimed on its own.
  // Retries are deferred jobs (startAfter), which NOTIFY cannot announce when they come
  // due, so this queue also polls every second.
  work: { batchSize: 20, burstWhenBatchFull: true, pollingIntervalSeconds: 1, notifyPollingIntervalSeconds: 1 },
  async handle(deps, { effectId }, { signal }) {
    await deliverEffect(deps.deliver, effectId, signal);
  },
});
