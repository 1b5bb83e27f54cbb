import { z } from 'zod';
import { sweepOutbox } from '../../outbox/deliver-effect.js';
import { defineJob } from '../definition.js';

export const outboxSweep = defineJob({
  queue: 'outbox.sweep',
  schema: z.object({}).strict() as never,
  async handle(deps, _data, { log }) {
    const requeued = await sweepOutbox(deps);
    if (requeued) log.warn({ requeued }, 'outbox sweep re-enqueued overdue effects');
  },
});
