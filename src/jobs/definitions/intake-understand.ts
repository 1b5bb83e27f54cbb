import { z } from 'zod';
import { understandApplication } from '../../services/intake/understand-application.js';
import { defineJob } from '../definition.js';

/** Profile and fit summary via Claude, once the documents are read. Without Claude, the card simply has no summary. */
export const intakeUnderstand = defineJob({
  queue: 'intake.understand',
  schema: z.object({ applicationId: z.string().uuid() }),
  async handle(deps, { applicationId }, { log }) {
    if (!deps.ai) return;
    const result = await understandApplication(
      { ...deps, claude: deps.ai.claude, model: deps.ai.modelSmart },
      { applicationId },
    );
    log.info({ applicationId, result }, 'application understood');
  },
});
