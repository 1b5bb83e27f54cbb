import { z } from 'zod';
import { startScheduling } from '../../services/scheduling/start-scheduling.js';
import { defineJob } from '../definition.js';

/** An application reached a scheduling step: propose times for the team to approve. */
export const schedulingStart = defineJob({
  queue: 'scheduling.start',
  schema: z.object({
    applicationId: z.string().uuid(),
    planPosition: z.number().int().min(0),
    move: z.boolean().optional(),
  }),
  async handle(deps, { applicationId, planPosition, move }, { log, jobId }) {
    const result = await startScheduling(deps, { applicationId, planPosition, runKey: jobId, move: move ?? false });
    log.info({ applicationId, status: result.status }, 'scheduling started');
  },
});
