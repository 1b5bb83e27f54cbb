import type { App, BlockButtonAction, BlockStaticSelectAction } from '@slack/bolt';
import type { PrismaClient } from '../../../db/prisma.js';
import type { Boss } from '../../../jobs/boss.js';
import { retryDocument } from '../../../services/intake/extract-document.js';
import { processEmail } from '../../../services/intake/process-email.js';
import { mayDecideFor, type Subject } from '../../../services/team/may-act.js';
import { roleChosenMessage } from '../../blocks/choose-role.js';
import { ACTIONS } from '../../ids.js';

type Deps = {
  prisma: PrismaClient;
  boss: Boss;
  admins: readonly string[];
  mailbox: string | undefined;
  now: () => Date;
};

/** Intake's questions to the team: which role a mail is for, and "retry reading" a CV. */
export function registerIntakeButtons(app: App, deps: Deps): void {
  const allowed = (slackUserId: string, subject: Subject) =>
    mayDecideFor(deps.prisma, { slackUserId, bootstrapAdmins: deps.admins }, subject);

  app.action<BlockStaticSelectAction>(ACTIONS.chooseIntakeRole, async ({ ack, body, action, respond }) => {
    await ack();
    const [inboundId, roleId] = action.selected_option.value.split(':');
    if (!inboundId || !roleId || !deps.mailbox) return;
    // Filing a mail under a role: the team, or the people named on that role.
    if (!(await allowed(body.user.id, { roleId })))
      return void (await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text:
          'Sorry, filing applications is for recruiters, hiring managers and admins, and the people named on the ' +
          'role.',
      }));
    const outcome = await processEmail(
      { ...deps, mailbox: deps.mailbox },
      { inboundId, roleId, actorId: body.user.id },
    );
    if (outcome.kind === 'already-processed')
      return void (await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: 'Someone already filed this application.',
      }));
    const role = await deps.prisma.role.findUnique({ where: { id: roleId }, select: { title: true } });
    const candidate =
      outcome.kind === 'new-application'
        ? await deps.prisma.candidate.findUnique({ where: { id: outcome.candidateId }, select: { name: true } })
        : null;
    await respond({
      replace_original: true,
      ...roleChosenMessage({
        senderName: candidate?.name ?? 'The candidate',
        roleTitle: role?.title ?? 'that role',
        by: body.user.id,
      }),
    });
  });

  app.action<BlockButtonAction>(ACTIONS.retryDocument, async ({ ack, body, action, respond }) => {
    await ack();
    if (!(await allowed(body.user.id, { documentId: action.value ?? '' })))
      return void (await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: 'Sorry, that is for recruiters, hiring managers and admins, and the people named on the role.',
      }));
    const retried = await retryDocument(deps, { documentId: action.value ?? '', actorId: body.user.id });
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: retried
        ? 'Reading the CV again; the card will update.'
        : 'That CV is already being read, or was read since.',
    });
  });
}
