import { z } from 'zod';
import { checkResponses } from '../../services/scheduling/check-responses.js';
import { defineJob } from '../definition.js';

/**
 * Every 15 minutes: interviewers' answers to upcoming invitations. Polling, not Calendar push
 * notifications: push needs a public HTTPS endpoint per calendar channel and renewal, and a
 * decline matters on the scale of hours.
 */
export const calendarCheckResponses = defineJob({
  queue: 'calendar.check-responses',
  schema: z.object({}).strict() as never,
  async handle(deps, _data, { log }) {
    if (!deps.google || !deps.availability) return;
    const { checked, flagged } = await checkResponses({
      ...deps,
      google: deps.google,
      availability: deps.availability,
    });
    if (flagged) log.info({ checked, flagged }, 'interviewer responses flagged');
  },
});
