import type { PrismaClient } from '../../db/prisma.js';
import { firstName, renderTemplate, TEMPLATES, type TemplateId } from '../../domain/email/templates.js';
import { AppError } from '../../errors.js';
import type { Boss } from '../../jobs/boss.js';
import { sendCandidateEmail } from '../email/send-candidate-email.js';
import { loadWorkspaceSettings } from '../settings/workspace-settings.js';
import { firstSubmission } from '../slack/first-submission.js';
import { moveApplicationInTx, type Actor, type MoveResult } from './move-application.js';

export type CloseApplicationOptions = {
  applicationId: string;
  decision: 'reject' | 'withdraw';
  /** The team's words: the thread and the event log only, never the candidate's mail. */
  reason: string;
  expectedVersion?: number | undefined;
  actor: Actor;
  /** The one email the candidate gets, if the team chose one. */
  template?: TemplateId | undefined;
  /** The Slack view submitted, so a double click or Slack's retry closes it once. */
  viewId?: string | undefined;
  now?: Date | undefined;
};

/**
 * Rejects or withdraws an application (a compare-and-set on the version the clicker saw), from
 * any stage, in one transaction: the stage change, everything in flight stopped (interviews,
 * holds, the agent and its pending mail: see unwind-application.ts) and, if the team chose one,
 * the one email the candidate gets, signed with the team's own signature.
 */
export async function closeApplication(
  deps: { prisma: PrismaClient; boss: Boss; mailbox: string | undefined },
  options: CloseApplicationOptions,
): Promise<MoveResult | 'repeat'> {
  const { applicationId, decision, reason, expectedVersion, actor, template, viewId, now = new Date() } = options;
  if (template && TEMPLATES[template].use !== decision)
    throw new AppError('INVALID_INPUT', `template ${template} is not for ${decision}`, {
      userMessage: 'That email does not go with this decision.',
    });
  if (template && !deps.mailbox) {
    throw new AppError('INTEGRATION_OFF', 'decision email without Gmail', {
      userMessage:
        'Gmail is not connected, so Justin cannot email the candidate; go ahead without an email, or connect Gmail ' +
        'first.',
    });
  }
  const signature = template ? (await loadWorkspaceSettings(deps.prisma)).signature : undefined;
  if (template && !signature) {
    throw new AppError('INVALID_INPUT', 'no email signature set', {
      userMessage:
        'Justin has no email signature to sign this with: an admin sets it with `/hire settings`. Or go ahead ' +
        'without an email.',
    });
  }
  return deps.prisma.$transaction(async (tx) => {
    if (viewId && !(await firstSubmission(tx, viewId))) return 'repeat' as const;
    const command = decision === 'reject' ? { type: 'reject' as const, reason } : { type: 'withdraw' as const, reason };
    const moved = await moveApplicationInTx(tx, deps.boss, {
      applicationId,
      command,
      actor,
      expectedVersion,
      data: template ? { emailTemplate: template } : {},
      now,
    });
    if (template && deps.mailbox && signature) {
      const app = await tx.application.findUniqueOrThrow({
        where: { id: applicationId },
        select: { candidate: { select: { name: true } }, role: { select: { title: true } } },
      });
      const text = renderTemplate(template, {
        firstName: firstName(app.candidate.name),
        roleTitle: app.role.title,
        signature,
      });
      await sendCandidateEmail(
        { tx, boss: deps.boss, mailbox: deps.mailbox },
        { applicationId, text, key: `${decision}:${applicationId}:${moved.eventId}`, now },
      );
    }
    return moved;
  });
}
