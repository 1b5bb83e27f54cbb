import type { App } from '@slack/bolt';
import type { PrismaClient } from '../../../db/prisma.js';
import { upcomingInterviews, type InterviewRange } from '../../../services/interviews/upcoming-interviews.js';
import { CAN_VIEW_CANDIDATES, hasAny, teamRolesOf } from '../../../services/team/team-roles.js';
import { plainMessage } from '../../blocks/help.js';
import { refusal } from '../refusal.js';
import { interviewsMessage } from '../../blocks/interviews.js';
import { COMMANDS } from '../../ids.js';
import type { UserDirectory } from '../../user-directory.js';

/** Parses `[today | week | @person]`. */
export function parseInterviewsArgs(text: string): { range: InterviewRange; person?: string } | null {
  const t = text.trim();
  if (t === '' || /^week$/i.test(t)) return { range: 'week' };
  if (/^today$/i.test(t)) return { range: 'today' };
  const m = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(t);
  return m ? { range: 'week', person: m[1]! } : null;
}

/**
 * `/interviews [today | week | @person]`. Acks at once; the answer needs the asker's Slack
 * time zone (users.info, cached), so it goes back through response_url.
 */
export function registerInterviewsCommand(
  app: App,
  deps: { prisma: PrismaClient; admins: readonly string[]; users: UserDirectory; now?: () => Date },
): void {
  app.command(COMMANDS.interviews, async ({ command, ack, respond }) => {
    await ack();
    const roles = await teamRolesOf(deps.prisma, { slackUserId: command.user_id, bootstrapAdmins: deps.admins });
    if (!hasAny(roles, CAN_VIEW_CANDIDATES))
      return void (await respond(await refusal(deps.prisma, deps.admins, 'the interview schedule')));
    const args = parseInterviewsArgs(command.text);
    if (!args)
      return void (await respond(
        plainMessage('Try `/interviews`, `/interviews today`, `/interviews week` or `/interviews @person`.'),
      ));
    const { tz } = await deps.users.lookup(command.user_id);
    const interviews = await upcomingInterviews(deps.prisma, {
      range: args.range,
      viewerZone: tz,
      interviewerSlackId: args.person,
      now: (deps.now ?? (() => new Date()))(),
    });
    const scope =
      `${args.range === 'today' ? 'for the rest of today' : 'in the next 7 days'}` +
      `${args.person ? ` for <@${args.person}>` : ''}`;
    await respond(interviewsMessage({ interviews, zone: tz, scope }));
  });
}
