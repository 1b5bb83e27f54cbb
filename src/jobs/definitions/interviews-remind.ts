import { z } from 'zod';
import { sendDueReminders } from '../../services/interviews/send-reminders.js';
import { defineJob } from '../definition.js';

/** Every minute: each interviewer's reminder before a booked interview, when it is due (see the service). */
export const interviewsRemind = defineJob({
  queue: 'interviews.remind',
  schema: z.object({}).strict() as never,
  async handle(deps, _data, { log }) {
    // Reminders are direct messages: without Slack there is nowhere to send them, and nothing is
    // marked sent, so those still due go once Slack is on.
    if (!deps.slackEnabled) return;
    const sent = await sendDueReminders(deps);
    if (sent) log.info({ sent }, 'interview reminders sent');
  },
});
