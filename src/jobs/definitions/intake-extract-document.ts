import { z } from 'zod';
import { extractDocument } from '../../services/intake/extract-document.js';
import { defineJob } from '../definition.js';

/** Text from a stored CV or cover letter. */
export const intakeExtractDocument = defineJob({
  queue: 'intake.extract-document',
  schema: z.object({ documentId: z.string().uuid() }),
  async handle(deps, { documentId }, { log }) {
    const status = await extractDocument(deps, { documentId });
    log.info({ documentId, status }, 'document read');
  },
});
