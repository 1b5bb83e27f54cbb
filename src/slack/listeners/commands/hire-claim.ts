import type { PrismaClient } from '../../../db/prisma.js';
import type { Logger } from '../../../logger.js';
import type { Boss } from '../../../jobs/boss.js';
import { claimFirstAdmin } from '../../../services/team/first-admin.js';
import { plainMessage } from '../../blocks/help.js';

/** `/hire claim <code>`: the first admin, from the one-time code (see services/team/first-admin.ts). */
export async function claimAnswer(
  deps: { prisma: PrismaClient; boss: Boss; admins: readonly string[]; log: Logger },
  { code, slackTeamId, slackUserId }: { code: string; slackTeamId: string; slackUserId: string },
) {
  if (!code)
    return plainMessage(
      'Usage: `/hire claim <code>`, with the code from Justin’s start log or its status page (opened on the machine ' +
        'Justin runs on).',
    );
  const outcome = await claimFirstAdmin(deps, { typed: code, slackTeamId, slackUserId, bootstrapAdmins: deps.admins });
  switch (outcome.status) {
    case 'claimed':
      deps.log.info({ slackUserId }, 'the first admin claimed Justin; the claim code is void');
      return plainMessage(
        "You are Justin's first admin. Next: add your team with `/hire team add @person recruiter` (or " +
          'hiring-manager, interviewer, admin), connect the recruiting mailbox with `/hire connect google`, set ' +
          'the email signature with `/hire settings`, and open a role with `/hire role new`.',
      );
    case 'taken':
      return plainMessage('Justin already has an admin; ask them to add you with `/hire team add`.');
    case 'wrong':
      return plainMessage(
        'That is not the code. It is in Justin’s start log, and on its status page opened on the machine Justin runs ' +
          'on.',
      );
    case 'too-many':
      return plainMessage('Too many wrong codes from you: ask the person who runs Justin to claim it.');
  }
}
