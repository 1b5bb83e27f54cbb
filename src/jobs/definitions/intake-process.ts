import { z } from 'zod';
import { processEmail } from '../../services/intake/process-email.js';
import { defineJob } from '../definition.js';

/** Reads a stored inbound message (new application, reply, or nothing). */
export const intakeProcess = defineJob({
  queue: 'intake.process',
  schema: z.object({ inboundId: z.string().uuid() }),
  async handle(deps, { inboundId }, { log }) {
    if (!deps.google) throw new Error('intake needs GMAIL_MAILBOX');
    const outcome = await processEmail({ ...deps, mailbox: deps.google.mailbox }, { inboundId });
    log.info({ inboundId, outcome: outcome.kind }, 'inbound email processed');
  },
});
