import type { App, BlockButtonAction } from '@slack/bolt';
import { z } from 'zod';
import type { PrismaClient } from '../../../db/prisma.js';
import { enqueue, type Boss } from '../../../jobs/boss.js';
import { teamRolesOf } from '../../../services/team/team-roles.js';
import { ACTIONS } from '../../ids.js';

/** "Erase for good": admins only, checked again on the click; the erasure itself is a job. */
export function registerEraseCandidate(
  app: App,
  deps: { prisma: PrismaClient; boss: Boss; admins: readonly string[] },
): void {
  app.action<BlockButtonAction>(ACTIONS.eraseCandidate, async ({ ack, body, action, respond }) => {
    await ack();
    const roles = await teamRolesOf(deps.prisma, { slackUserId: body.user.id, bootstrapAdmins: deps.admins });
    if (!roles.has('ADMIN'))
      return void (await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: 'Sorry, erasing candidates is for admins.',
      }));
    const candidateId = z.string().uuid().safeParse(action.value);
    if (!candidateId.success) return;
    await enqueue(
      deps.boss,
      undefined,
      'candidate.erase',
      { candidateId: candidateId.data, by: body.user.id },
      { singletonKey: candidateId.data },
    );
    await respond({
      response_type: 'ephemeral',
      replace_original: true,
      text: 'Erasing. I will tell you here when it is done.',
    });
  });
}
