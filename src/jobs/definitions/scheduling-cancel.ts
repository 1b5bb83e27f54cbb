import { z } from 'zod';
import { CLOSED_STAGES, type Stage } from '../../domain/pipeline/stages.js';
import { unwindApplicationInTx } from '../../services/pipeline/unwind-application.js';
import { defineJob } from '../definition.js';

/**
 * Jobs an earlier version queued when an application closed, before closing unwound in its
 * own transaction: each is done now, the same way (a second unwind finds nothing in flight).
 */
export const schedulingCancel = defineJob({
  queue: 'scheduling.cancel',
  schema: z.object({ applicationId: z.string().uuid(), planPosition: z.number().int().min(0) }),
  async handle(deps, { applicationId }, { log }) {
    const app = await deps.prisma.application.findUnique({ where: { id: applicationId }, select: { stage: true } });
    if (!app || !CLOSED_STAGES.has(app.stage as Stage)) return;
    const report = await deps.prisma.$transaction((tx) =>
      unwindApplicationInTx(tx, deps.boss, {
        applicationId,
        actor: { type: 'SYSTEM', id: 'scheduling.cancel' },
        reason: 'the application closed',
        now: deps.now(),
      }),
    );
    log.info({ applicationId, ...report }, 'closed application unwound');
  },
});
