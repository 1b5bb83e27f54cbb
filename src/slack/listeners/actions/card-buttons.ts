import type { App, BlockButtonAction } from '@slack/bolt';
import type { PrismaClient } from '../../../db/prisma.js';
import { AppError } from '../../../errors.js';
import { enqueue, type Boss } from '../../../jobs/boss.js';
import { loadCandidateDetails } from '../../../services/applications/load-details.js';
import { moveApplication } from '../../../services/pipeline/move-application.js';
import { cancelInterview } from '../../../services/scheduling/cancel-interview.js';
import { hireWithoutOffer } from '../../../services/offers/settle-offer.js';
import { mayDecideFor, mayViewFor } from '../../../services/team/may-act.js';
import { closeModal } from '../../blocks/candidate-card.js';
import { candidateDetailsMessage } from '../../blocks/candidate-details.js';
import { scorecardSummaryBlocks } from '../../blocks/scorecards-view.js';
import { readableScorecards } from '../../../services/scorecards/readable-scorecards.js';
import { ACTIONS } from '../../ids.js';

type Deps = { prisma: PrismaClient; boss: Boss; admins: readonly string[]; now: () => Date };

export function parseCardValue(value: string | undefined): { applicationId: string; version: number } | null {
  const m = /^([0-9a-f-]{36}):(\d+)$/.exec(value ?? '');
  return m ? { applicationId: m[1]!, version: Number(m[2]) } : null;
}

const NOT_YOURS =
  'Sorry, deciding about candidates is for recruiters, hiring managers and admins, and the people named on the role.';

/**
 * The card's buttons. Each acks first; deciding is for recruiters, hiring managers and admins,
 * and for the hiring manager and recruiter named on the candidate's role. Moves are a
 * compare-and-set on the version the clicker saw: of two people clicking at once (or a click on
 * a stale card) one wins and the other is told, privately, who did what. The card itself is
 * refreshed by the stage-change job.
 */
export function registerCardButtons(app: App, deps: Deps): void {
  const who = (userId: string) => ({ slackUserId: userId, bootstrapAdmins: deps.admins });

  /** A button that decides: parsed, allowed, run; what to tell the clicker comes back as text. */
  const decide = (
    action: string,
    run: (
      target: { applicationId: string; version: number },
      body: BlockButtonAction,
    ) => Promise<string | undefined | void>,
  ) =>
    app.action<BlockButtonAction>(action, async ({ ack, body, action: clicked, respond }) => {
      await ack();
      const tell = (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text });
      const target = parseCardValue(clicked.value);
      if (!target)
        return void (await tell('That button is from an older version of Justin; the card will refresh shortly.'));
      if (!(await mayDecideFor(deps.prisma, who(body.user.id), { applicationId: target.applicationId })))
        return void (await tell(NOT_YOURS));
      try {
        const said = await run(target, body);
        if (said) await tell(said);
      } catch (err) {
        if (err instanceof AppError) return void (await tell(err.userMessage));
        throw err;
      }
    });
  const move = (
    target: { applicationId: string; version: number },
    body: BlockButtonAction,
    command: { type: 'advance' } | { type: 'hire' },
  ) =>
    moveApplication(deps, {
      applicationId: target.applicationId,
      command,
      actor: { type: 'USER', id: body.user.id },
      expectedVersion: target.version,
      now: deps.now(),
    });

  decide(ACTIONS.advance, async (target, body) => void (await move(target, body, { type: 'advance' })));
  decide(
    ACTIONS.markHired,
    async (target, body) =>
      void (await hireWithoutOffer(deps, {
        applicationId: target.applicationId,
        expectedVersion: target.version,
        slackUserId: body.user.id,
        now: deps.now(),
      })),
  );

  // Schedule (again): after "no times found" or a cancelled proposal, look for times now.
  decide(ACTIONS.proposeTimes, async (target) => {
    const found = await deps.prisma.application.findUnique({
      where: { id: target.applicationId },
      select: { stage: true, planPosition: true },
    });
    if (found?.stage !== 'SCHEDULING' || found.planPosition === null)
      return 'This candidate is not waiting for an interview time any more.';
    await enqueue(
      deps.boss,
      undefined,
      'scheduling.start',
      { applicationId: target.applicationId, planPosition: found.planPosition },
      { singletonKey: target.applicationId },
    );
    return 'Looking for times now; they will appear in the role’s channel for approval.';
  });

  // Move a booked interview: new times for the team to approve, then the agent offers them.
  decide(ACTIONS.rescheduleInterview, async (target) => {
    const booked = await bookedInterviewOf(deps.prisma, target.applicationId);
    if (!booked) return 'This candidate has no booked interview to move.';
    await enqueue(
      deps.boss,
      undefined,
      'scheduling.start',
      { applicationId: target.applicationId, planPosition: booked.position, move: true },
      { singletonKey: target.applicationId },
    );
    return (
      'Looking for new times; they will appear in the role’s channel for approval. The interview stays booked ' +
      'until the candidate picks one.'
    );
  });

  decide(ACTIONS.cancelInterview, async (target, body) => {
    const booked = await bookedInterviewOf(deps.prisma, target.applicationId);
    if (!booked) return 'This candidate has no booked interview to cancel.';
    await cancelInterview(deps, {
      interviewId: booked.id,
      actor: { type: 'USER', id: body.user.id },
      reason: 'cancelled by the team',
      now: deps.now(),
    });
    return 'Cancelled: the invitation is withdrawn, and Justin is looking for new times.';
  });

  // Details go only to the person who asked, and who looked is audited (candidate PII).
  app.action<BlockButtonAction>(ACTIONS.viewDetails, async ({ ack, body, action, respond }) => {
    await ack();
    const applicationId = action.value ?? '';
    if (!(await mayViewFor(deps.prisma, who(body.user.id), { applicationId }))) {
      return void (await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: 'Sorry, candidate details are for the hiring team.',
      }));
    }
    const details = await loadCandidateDetails(deps.prisma, applicationId);
    if (!details)
      return void (await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: 'That candidate is no longer here (erased or removed).',
      }));
    await deps.prisma.auditEntry.create({
      data: {
        actorType: 'USER',
        actorId: body.user.id,
        action: 'candidate.view',
        subjectType: 'Application',
        subjectId: applicationId,
      },
    });
    // Scorecards as this person may read them (independent until their own is in).
    const readable = await readableScorecards(deps.prisma, who(body.user.id), applicationId);
    const message = candidateDetailsMessage(details);
    if (readable) message.blocks.splice(-1, 0, ...scorecardSummaryBlocks(readable, applicationId));
    await respond(message);
  });

  // Reject, or the candidate withdrew: a modal for the reason and the one email, if any.
  for (const [action, decision] of [
    [ACTIONS.reject, 'reject'],
    [ACTIONS.withdraw, 'withdraw'],
  ] as const) {
    app.action<BlockButtonAction>(action, async ({ ack, body, action: clicked, client, respond }) => {
      await ack();
      const target = parseCardValue(clicked.value);
      if (!target) return;
      if (!(await mayDecideFor(deps.prisma, who(body.user.id), { applicationId: target.applicationId }))) {
        return void (await respond({ response_type: 'ephemeral', replace_original: false, text: NOT_YOURS }));
      }
      const found = await deps.prisma.application.findUnique({
        where: { id: target.applicationId },
        select: { version: true, candidate: { select: { name: true } } },
      });
      if (!found) return;
      // A withdrawal confirmed from the thread carries the card's current version, not a card's.
      const version = clicked.block_id?.startsWith('withdrawal_') ? found.version : target.version;
      const reason = clicked.block_id?.startsWith('withdrawal_') ? 'The candidate withdrew by email.' : undefined;
      // trigger_id lives for 3 s: the modal opens now, not through a job.
      await client.views.open({
        trigger_id: body.trigger_id,
        view: closeModal({
          decision,
          applicationId: target.applicationId,
          version,
          candidateName: found.candidate.name,
          ...(reason ? { reason } : {}),
        }) as never,
      });
    });
  }
}

/** The booked interview of an application's current step, with that step's position. */
async function bookedInterviewOf(
  prisma: PrismaClient,
  applicationId: string,
): Promise<{ id: string; position: number } | null> {
  const found = await prisma.interview.findFirst({
    where: { applicationId, status: 'BOOKED' },
    orderBy: { createdAt: 'desc' },
    select: { id: true, stage: { select: { position: true } } },
  });
  return found ? { id: found.id, position: found.stage.position } : null;
}
