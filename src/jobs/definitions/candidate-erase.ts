import { z } from 'zod';
import { recordEffect } from '../../outbox/record-effect.js';
import { eraseCandidate } from '../../services/candidates/erase-candidate.js';
import { defineJob } from '../definition.js';

/** Erases a candidate an admin confirmed in Slack, then tells that admin privately what was erased. */
export const candidateErase = defineJob({
  queue: 'candidate.erase',
  schema: z.object({ candidateId: z.string().uuid(), by: z.string().regex(/^[UW][A-Z0-9]+$/) }),
  async handle(deps, { candidateId, by }, { log }) {
    const report = await eraseCandidate(deps, { candidateId, actorId: by });
    log.info({ candidateId, ...report }, 'candidate erased');
    const text =
      report.status === 'already-erased'
        ? 'That candidate had already been erased.'
        : `Erased: ${report.applications} application(s) kept as figures only, ${report.documents} document(s), ` +
          `${report.emailMessages} email(s), ${report.agentSteps} agent step(s); ${report.interviewsCancelled} ` +
          `interview(s) cancelled, ${report.effectsCancelled} pending email(s) or post(s) stopped. Their emails ` +
          'are still in the recruiting mailbox: delete them there too.';
    await deps.prisma.$transaction((tx) =>
      recordEffect(
        { tx, boss: deps.boss },
        { kind: 'slack.post', idempotencyKey: `erased:${candidateId}:${by}`, payload: { channel: by, text } },
      ),
    );
  },
});
