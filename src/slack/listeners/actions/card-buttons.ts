import type { App, BlockButtonAction } from '@slack/bolt';
import type { PrismaClient } from '../../../db/prisma.js';
import { AppError } from '../../../errors.js';
import { enqueue, type Boss } from '../../../jobs/boss.js';
import { moveApplication } from '../../../services/pipeline/move-application.js';
import { CAN_VIEW_CANDIDATES, hasAny, teamRolesOf, type TeamRole } from '../../../services/team/team-roles.js';
import { loadCandidateDetails } from '../../../services/applications/load-details.js';
import { candidateDetailsMessage } from '../../blocks/candidate-details.js';
import { rejectModal } from '../../blocks/candidate-card.js';
import { ACTIONS } from '../../ids.js';

/** Who may move a candidate along or reject them. */
export const CAN_DECIDE: readonly TeamRole[] = ['ADMIN', 'RECRUITER', 'HIRING_MANAGER'];

type Deps = { prisma: PrismaClient; boss: Boss; admins: readonly string[] };

export function parseCardValue(value: string | undefined): { applicationId: string; version: number } | null {
  const m = /^([0-9a-f-]{36}):(\d+)$/.exec(value ?? '');
  return m ? { applicationId: m[1]!, version: Number(m[2]) } : null;
}

/**
 * The card's buttons. Advance is a compare-and-set on the version the clicker saw: of two
 * people clicking at once (or a click on a stale card) one wins and the other is told,
 * privately, who did what. The card itself is refreshed by the stage-change job.
 */
export function registerCardButtons(app: App, deps: Deps): void {
  app.action<BlockButtonAction>(ACTIONS.advance, async ({ ack, body, action, respond }) => {
    await ack();
    const target = parseCardValue(action.value);
    const tell = (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text });
    if (!target) return void (await tell('That button is from an older version of Justin; the card will refresh shortly.'));
    const roles = await teamRolesOf(deps.prisma, { slackUserId: body.user.id, bootstrapAdmins: deps.admins });
    if (!hasAny(roles, CAN_DECIDE)) return void (await tell('Sorry, moving candidates along is for recruiters, hiring managers and admins.'));
    try {
      await moveApplication(deps, { applicationId: target.applicationId, command: { type: 'advance' }, actor: { type: 'USER', id: body.user.id }, expectedVersion: target.version });
    } catch (err) {
      if (err instanceof AppError) return void (await tell(err.userMessage));
      throw err;
    }
  });

  // Schedule (again): after "no times found" or a cancelled proposal, look for times now.
  app.action<BlockButtonAction>(ACTIONS.proposeTimes, async ({ ack, body, action, respond }) => {
    await ack();
    const tell = (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text });
    const target = parseCardValue(action.value);
    if (!target) return;
    const roles = await teamRolesOf(deps.prisma, { slackUserId: body.user.id, bootstrapAdmins: deps.admins });
    if (!hasAny(roles, CAN_DECIDE)) return void (await tell('Sorry, scheduling is for recruiters, hiring managers and admins.'));
    const app = await deps.prisma.application.findUnique({ where: { id: target.applicationId }, select: { stage: true, planPosition: true } });
    if (app?.stage !== 'SCHEDULING' || app.planPosition === null) return void (await tell('This candidate is not waiting for an interview time any more.'));
    await enqueue(deps.boss, undefined, 'scheduling.start', { applicationId: target.applicationId, planPosition: app.planPosition }, { singletonKey: target.applicationId });
    await tell('Looking for times now; they will appear in the role’s channel for approval.');
  });

  // Details go only to the person who asked, and who looked is audited (candidate PII).
  app.action<BlockButtonAction>(ACTIONS.viewDetails, async ({ ack, body, action, respond }) => {
    await ack();
    const roles = await teamRolesOf(deps.prisma, { slackUserId: body.user.id, bootstrapAdmins: deps.admins });
    if (!hasAny(roles, CAN_VIEW_CANDIDATES)) {
      return void (await respond({ response_type: 'ephemeral', replace_original: false, text: 'Sorry, candidate details are for the hiring team.' }));
    }
    const details = await loadCandidateDetails(deps.prisma, action.value ?? '');
    if (!details) return void (await respond({ response_type: 'ephemeral', replace_original: false, text: 'That candidate is no longer here (erased or removed).' }));
    await deps.prisma.auditEntry.create({ data: { actorType: 'USER', actorId: body.user.id, action: 'candidate.view', subjectType: 'Application', subjectId: action.value ?? null } });
    await respond(candidateDetailsMessage(details));
  });

  app.action<BlockButtonAction>(ACTIONS.reject, async ({ ack, body, action, client, respond }) => {
    await ack();
    const target = parseCardValue(action.value);
    if (!target) return;
    const roles = await teamRolesOf(deps.prisma, { slackUserId: body.user.id, bootstrapAdmins: deps.admins });
    if (!hasAny(roles, CAN_DECIDE)) {
      return void (await respond({ response_type: 'ephemeral', replace_original: false, text: 'Sorry, rejecting candidates is for recruiters, hiring managers and admins.' }));
    }
    const app = await deps.prisma.application.findUnique({ where: { id: target.applicationId }, select: { candidate: { select: { name: true } } } });
    if (!app) return;
    // trigger_id lives for 3 s: the modal opens now, not through a job.
    await client.views.open({ trigger_id: body.trigger_id, view: rejectModal({ ...target, candidateName: app.candidate.name }) as never });
  });
}
