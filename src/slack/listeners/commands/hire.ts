import type { App } from '@slack/bolt';
import type { PrismaClient } from '../../../db/prisma.js';
import { parseTeamCommand } from '../../../domain/team/parse-team-command.js';
import { parseRoleCommand } from '../../../domain/roles/role-form.js';
import { AppError } from '../../../errors.js';
import { setRoleStatus } from '../../../services/roles/set-role-status.js';
import { findRoleByTitle } from '../../../services/roles/find-role.js';
import { loadRoleForEdit } from '../../../services/roles/edit-role.js';
import { roleModal } from '../../blocks/role-modal.js';
import { eraseConfirmation } from '../../blocks/erase-confirmation.js';
import { normaliseEmail } from '../../../domain/intake/normalise-email.js';
import { typedAddress } from '../../typed-address.js';
import { CAN_MANAGE_ROLES } from '../views/role-submit.js';
import { changeTeamRoles } from '../../../services/team/change-team-roles.js';
import { setIntakeChannel } from '../../../services/intake/set-intake-channel.js';
import { CAN_VIEW_CANDIDATES, hasAny, teamRolesOf } from '../../../services/team/team-roles.js';
import { helpMessage, noAdminYetMessage, plainMessage, refusalMessage } from '../../blocks/help.js';
import type { Logger } from '../../../logger.js';
import { hasAdmin } from '../../../services/team/first-admin.js';
import { loadWorkspaceSettings } from '../../../services/settings/workspace-settings.js';
import { DEFAULT_DIGEST_SCHEDULE } from '../../../domain/digest/digest-schedule.js';
import { isZoneName } from '../../../domain/time/zone-name.js';
import { workspaceSettingsModal } from '../../blocks/workspace-settings-modal.js';
import { claimAnswer } from './hire-claim.js';
import { teamMessage } from '../../blocks/team.js';
import { escapeControl, escapeMrkdwn, teamRoleLabel } from '../../blocks/text.js';
import { COMMANDS } from '../../ids.js';
import { agentSwitch } from '../../../agent/team-input.js';
import type { Boss } from '../../../jobs/boss.js';
import { mayDecideFor } from '../../../services/team/may-act.js';
import { openInterviewerSettings } from '../actions/open-interviewer-settings.js';

/** `/hire help`, `/hire team …`, and a helpful answer to anything else, all private. */
export function registerHireCommand(
  app: App,
  {
    prisma,
    boss,
    admins,
    googleConnectLink,
    log,
    now,
  }: {
    prisma: PrismaClient;
    boss: Boss;
    admins: readonly string[];
    googleConnectLink?: ((by: string) => string) | undefined;
    log: Logger;
    now: () => Date;
  },
): void {
  app.command(COMMANDS.hire, async ({ command, ack, client }) => {
    const text = command.text.trim();
    const [sub = '', ...rest] = text.split(/\s+/);
    if (sub === '' || /^help$/i.test(sub)) return ack(helpMessage());
    if (/^claim$/i.test(sub))
      return ack(
        await claimAnswer(
          { prisma, boss, admins, log },
          { code: rest.join(''), slackTeamId: command.team_id, slackUserId: command.user_id },
        ),
      );
    if (/^me$/i.test(sub)) {
      const asker = { ack, slackUserId: command.user_id, triggerId: command.trigger_id };
      return openInterviewerSettings({ prisma, client }, asker);
    }
    // Until someone has claimed Justin, every other answer would be "ask an admin": say how one is made.
    if (!(await hasAdmin(prisma, admins))) return ack(noAdminYetMessage());
    if (/^settings$/i.test(sub)) {
      const mine = await teamRolesOf(prisma, { slackUserId: command.user_id, bootstrapAdmins: admins });
      if (!mine.has('ADMIN')) return ack(refusalMessage('changing Justin’s settings (admins only)'));
      const current = await loadWorkspaceSettings(prisma);
      const digest = current.digest ?? (await firstDigestSchedule(prisma, command.user_id));
      await ack();
      // trigger_id lives for 3 s: the modal opens now, not through a job.
      await client.views.open({
        trigger_id: command.trigger_id,
        view: workspaceSettingsModal(current, { digest }) as never,
      });
      return;
    }
    if (/^role$/i.test(sub)) {
      const mine = await teamRolesOf(prisma, { slackUserId: command.user_id, bootstrapAdmins: admins });
      if (!hasAny(mine, CAN_MANAGE_ROLES)) return ack(refusalMessage('managing roles (recruiters and admins)'));
      const parsed = parseRoleCommand(rest.join(' '));
      if (parsed.verb === 'invalid') return ack(plainMessage(`Sorry, ${escapeControl(parsed.reason)}.`));
      if (parsed.verb === 'new') {
        await ack();
        // trigger_id lives for 3 s: the modal opens now, not through a job.
        await client.views.open({
          trigger_id: command.trigger_id,
          view: roleModal({ channelId: command.channel_id }) as never,
        });
        return;
      }
      try {
        if (parsed.verb === 'edit') {
          const role = await findRoleByTitle(prisma, parsed.title);
          const existing = await loadRoleForEdit(prisma, role.id);
          await ack();
          await client.views.open({ trigger_id: command.trigger_id, view: roleModal({ existing }) as never });
          return;
        }
        const done = await setRoleStatus(prisma, {
          title: parsed.title,
          verb: parsed.verb,
          actorSlackId: command.user_id,
          now: now(),
        });
        return ack(plainMessage(`“${escapeMrkdwn(done.title)}” is now ${done.status.toLowerCase()}.`));
      } catch (err) {
        if (err instanceof AppError) return ack(plainMessage(escapeMrkdwn(err.userMessage)));
        throw err;
      }
    }
    if (/^connect$/i.test(sub) && /^google$/i.test(rest[0] ?? '')) {
      const mine = await teamRolesOf(prisma, { slackUserId: command.user_id, bootstrapAdmins: admins });
      if (!mine.has('ADMIN')) return ack(refusalMessage('connecting Google (admins only)'));
      if (!googleConnectLink)
        return ack({
          response_type: 'ephemeral',
          text:
            'Google OAuth is not set up: set GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET, ENCRYPTION_KEY and ' +
            'PUBLIC_URL (or use a service account).',
        });
      return ack({
        response_type: 'ephemeral',
        text:
          'Open this link within 10 minutes and sign in as the recruiting mailbox: ' +
          `${googleConnectLink(command.user_id)}`,
      });
    }
    if (/^intake$/i.test(sub)) {
      const mine = await teamRolesOf(prisma, { slackUserId: command.user_id, bootstrapAdmins: admins });
      if (!mine.has('ADMIN')) return ack(refusalMessage('choosing the intake channel (admins only)'));
      // Slack sends a typed channel as <#C123|name>; "here" means the channel the command was typed in.
      const channel =
        /^<#([CG][A-Z0-9]+)(\|[^>]*)?>$/.exec(rest[0] ?? '')?.[1] ??
        (/^here$/i.test(rest[0] ?? '') ? command.channel_id : undefined);
      if (!channel)
        return ack({
          response_type: 'ephemeral',
          text:
            'Usage: `/hire intake #channel` (or `/hire intake here`): where Justin asks which role an ' +
            'application is for.',
        });
      await setIntakeChannel(prisma, { channel, by: command.user_id });
      return ack({
        response_type: 'ephemeral',
        text: `Intake questions go to <#${channel}> from now on. Invite me there if I am not in it yet.`,
      });
    }
    if (/^candidate$/i.test(sub)) {
      const mine = await teamRolesOf(prisma, { slackUserId: command.user_id, bootstrapAdmins: admins });
      if (!mine.has('ADMIN')) return ack(refusalMessage('erasing candidates (admins only)'));
      const address = typedAddress(rest[1] ?? '');
      if (!/^erase$/i.test(rest[0] ?? '') || !address.includes('@')) {
        return ack({
          response_type: 'ephemeral',
          text:
            'Usage: `/hire candidate erase ada@example.com`. To export what Justin holds about someone: ' +
            '`npm run candidate -- export <email>` on the server.',
        });
      }
      const found = await prisma.candidate.findUnique({
        where: { email: normaliseEmail(address) },
        select: {
          id: true,
          name: true,
          displayEmail: true,
          erasedAt: true,
          _count: { select: { applications: true } },
        },
      });
      if (!found || found.erasedAt)
        return ack(
          plainMessage(`No candidate with the address ${escapeMrkdwn(address)}${found ? ' (already erased)' : ''}.`),
        );
      return ack(
        eraseConfirmation({
          candidateId: found.id,
          name: found.name,
          email: found.displayEmail,
          applications: found._count.applications,
        }),
      );
    }
    if (/^agent$/i.test(sub)) {
      const [verb = '', target = ''] = rest;
      const mine = await teamRolesOf(prisma, { slackUserId: command.user_id, bootstrapAdmins: admins });
      if (!/^(stop|start)$/i.test(verb) || !target)
        return ack({
          response_type: 'ephemeral',
          text: 'Usage: `/hire agent stop all`, `/hire agent stop ada@example.com`, and `start` to resume.',
        });
      if (/^all$/i.test(target) && !mine.has('ADMIN'))
        return ack(refusalMessage('stopping the agent for everyone (admins only)'));
      try {
        return ack(
          plainMessage(
            await agentSwitch(
              { prisma, boss },
              {
                verb: verb.toLowerCase() as 'stop' | 'start',
                target: typedAddress(target),
                by: command.user_id,
                // One candidate: the team, or the people named on that candidate's role.
                mayAct: (applicationId) =>
                  mayDecideFor(prisma, { slackUserId: command.user_id, bootstrapAdmins: admins }, { applicationId }),
              },
            ),
          ),
        );
      } catch (err) {
        if (err instanceof AppError) return ack(plainMessage(escapeMrkdwn(err.userMessage)));
        throw err;
      }
    }
    if (!/^team$/i.test(sub)) return ack(helpMessage({ unknown: `${COMMANDS.hire} ${text}` }));

    const mine = await teamRolesOf(prisma, { slackUserId: command.user_id, bootstrapAdmins: admins });
    const parsed = parseTeamCommand(rest.join(' '));
    if (parsed.type === 'invalid') return ack(plainMessage(`Sorry, ${escapeControl(parsed.reason)}.`));
    if (parsed.type === 'list') {
      if (!hasAny(mine, CAN_VIEW_CANDIDATES)) return ack(refusalMessage('the team list'));
      const members = await prisma.user.findMany({
        where: { deactivatedAt: null, NOT: { teamRoles: { isEmpty: true } } },
        orderBy: { name: 'asc' },
      });
      return ack(
        teamMessage({
          members: members.map((m) => ({ slackUserId: m.slackUserId, roles: m.teamRoles })),
          bootstrapAdmins: admins,
        }),
      );
    }
    if (!mine.has('ADMIN')) return ack(refusalMessage('changing team roles (admins only)'));
    const held = await changeTeamRoles(
      { prisma, boss },
      {
        actorSlackId: command.user_id,
        slackTeamId: command.team_id,
        targetSlackId: parsed.userId,
        targetLabel: parsed.label,
        roles: parsed.roles,
        grant: parsed.type === 'grant',
      },
    );
    const list = held.length ? held.map(teamRoleLabel).join(', ') : 'no role';
    await ack(plainMessage(`Done: <@${parsed.userId}> now has ${list}.`));
  });
}

/** Before anyone set the digest's time: Monday 09:00 in the zone of the admin opening the form. */
async function firstDigestSchedule(prisma: PrismaClient, slackUserId: string) {
  const me = await prisma.user.findFirst({ where: { slackUserId }, select: { timeZone: true } });
  const zone = me && isZoneName(me.timeZone) ? me.timeZone : DEFAULT_DIGEST_SCHEDULE.zone;
  return { ...DEFAULT_DIGEST_SCHEDULE, zone };
}
