import { z } from 'zod';
import { queueDueDigests } from '../../services/digest/queue-due-digests.js';
import { defineJob } from '../definition.js';

/**
 * Every 15 minutes: each role's weekly digest, once its week's moment has come in the team's zone
 * (see the service). pg-boss's cron runs in UTC; the zone and DST are the service's business.
 */
export const digestDue = defineJob({
  queue: 'digest.due',
  schema: z.object({}).strict() as never,
  async handle(deps, _data, { log }) {
    // The digest is a Slack message: without Slack nothing is queued, so this week's goes once it is on.
    if (!deps.slackEnabled) return;
    const queued = await queueDueDigests(deps);
    if (queued) log.info({ queued }, 'weekly digests queued');
  },
});
