import { z } from 'zod';
import { completeInterviews } from '../../services/interviews/complete-interviews.js';
import { defineJob } from '../definition.js';

/** Every five minutes: booked interviews that have ended become completed (see the service). */
export const interviewsComplete = defineJob({
  queue: 'interviews.complete',
  schema: z.object({}).strict() as never,
  async handle(deps, _data, { log }) {
    const completed = await completeInterviews(deps);
    if (completed) log.info({ completed }, 'interviews completed');
  },
});
