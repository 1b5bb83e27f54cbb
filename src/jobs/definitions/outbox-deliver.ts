import { z } from 'zod';
import { deliverEffect } from '../../outbox/deliver-effect.js';
import { defineJob } from '../definition.js';

export const outboxDeliver = defineJob({
  queue: 'outbox.deliver',
  schema: z.object({ effectId: z.string().uuid() }),
  // Batches and bursting drain a backlog fast; each effect is still claimed on its own.
  work: { batchSize: 20, burstWhenBatchFull: true },
  async handle(deps, { effectId }, { signal }) {
    await deliverEffect(deps.deliver, effectId, signal);
  },
});
