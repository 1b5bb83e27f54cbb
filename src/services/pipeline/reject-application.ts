import type { PrismaClient } from '../../db/prisma.js';
import { firstName, renderTemplate, type TemplateId } from '../../domain/email/templates.js';
import { AppError } from '../../errors.js';
import type { Boss } from '../../jobs/boss.js';
import { sendCandidateEmail } from '../email/send-candidate-email.js';
import { moveApplicationInTx, type Actor, type MoveResult } from './move-application.js';

/**
 * Rejects an application (compare-and-set on the version the clicker saw) and, if asked,
 * emails the candidate one of the templates, in the same transaction: either both happen or
 * neither. The team's reason is never part of the email.
 */
export async function rejectApplication(
  deps: { prisma: PrismaClient; boss: Boss; mailbox: string | undefined },
  { applicationId, reason, expectedVersion, actor, template }: { applicationId: string; reason: string; expectedVersion?: number; actor: Actor; template?: TemplateId | undefined },
): Promise<MoveResult> {
  if (template && !deps.mailbox) {
    throw new AppError('INTEGRATION_OFF', 'rejection email without Gmail', { userMessage: 'Gmail is not connected, so Justin cannot email the candidate; reject without an email, or connect Gmail first.' });
  }
  return deps.prisma.$transaction(async (tx) => {
    const moved = await moveApplicationInTx(tx, deps.boss, { applicationId, command: { type: 'reject', reason }, actor, expectedVersion, data: template ? { emailTemplate: template } : {} });
    if (template && deps.mailbox) {
      const app = await tx.application.findUniqueOrThrow({ where: { id: applicationId }, select: { candidate: { select: { name: true } }, role: { select: { title: true } } } });
      const text = renderTemplate(template, { firstName: firstName(app.candidate.name), roleTitle: app.role.title, signature: 'The hiring team' });
      await sendCandidateEmail({ tx, boss: deps.boss, mailbox: deps.mailbox }, { applicationId, text, key: `reject:${applicationId}:${moved.eventId}` });
    }
    return moved;
  });
}
