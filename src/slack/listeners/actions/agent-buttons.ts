import type { App, BlockButtonAction, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import { pauseAgentFor, resumeAgent } from '../../../agent/kill-switch.js';
import { answerAgentQuestion, decideAgentRequest } from '../../../agent/team-input.js';
import type { PrismaClient } from '../../../db/prisma.js';
import { AppError } from '../../../errors.js';
import type { Boss } from '../../../jobs/boss.js';
import { mayDecideFor, type Subject } from '../../../services/team/may-act.js';
import { answerModal } from '../../blocks/agent-messages.js';
import { ACTIONS } from '../../ids.js';
import { enqueue } from '../../../jobs/boss.js';

type Deps = { prisma: PrismaClient; boss: Boss; admins: readonly string[] };

const ZDecision = z.object({ runId: z.string().uuid(), seq: z.number().int().min(1) });
const ZNotWithdrawal = z.object({ applicationId: z.string().uuid(), emailMessageId: z.string().uuid() });

/** What a button's value is about, for the permission check; null when it cannot be read. */
function subjectOf(action: string, value: string): Subject | null {
  try {
    if (action === ACTIONS.agentStop || action === ACTIONS.agentResume)
      return z.string().uuid().safeParse(value).success ? { applicationId: value } : null;
    if (action === ACTIONS.notWithdrawal)
      return { applicationId: ZNotWithdrawal.parse(JSON.parse(value)).applicationId };
    return { runId: ZDecision.parse(JSON.parse(value)).runId };
  } catch {
    return null;
  }
}

/**
 * The agent's buttons: approve or decline what it asked to do, answer its question (modal),
 * stop it for a candidate or let it continue. Each acks first; all are for recruiters, hiring
 * managers and admins; the work is a database write and a queued agent turn.
 */
export function registerAgentButtons(app: App, deps: Deps): void {
  const allowed = async (slackUserId: string, subject: Subject | null) =>
    !!subject && mayDecideFor(deps.prisma, { slackUserId, bootstrapAdmins: deps.admins }, subject);
  const refusal =
    "Sorry, directing Justin's scheduling agent is for recruiters, hiring managers and admins, and the people named " +
    'on the role.';

  const button = (action: string, run: (body: BlockButtonAction, value: string) => Promise<string | undefined>) =>
    app.action<BlockButtonAction>(action, async ({ ack, body, action: clicked, respond }) => {
      await ack();
      const tell = (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text });
      if (!(await allowed(body.user.id, subjectOf(action, clicked.value ?? '')))) return void (await tell(refusal));
      try {
        const done = await run(body, clicked.value ?? '');
        if (done) await tell(done);
      } catch (err) {
        if (err instanceof AppError) return void (await tell(err.userMessage));
        throw err;
      }
    });

  const decide = (approved: boolean) => async (body: BlockButtonAction, value: string) => {
    const parsed = ZDecision.safeParse(JSON.parse(value || '{}'));
    if (!parsed.success) return 'That button is broken; nothing was done.';
    await decideAgentRequest(deps, { ...parsed.data, approved, by: body.user.id });
    return approved ? 'Approved: Justin goes ahead.' : 'Declined: Justin will not do it.';
  };
  button(ACTIONS.agentApprove, decide(true));
  button(ACTIONS.agentDecline, decide(false));
  button(ACTIONS.agentStop, async (body, applicationId) => {
    await pauseAgentFor(deps, { applicationId, by: body.user.id });
    return (
      'Justin has stopped writing to this candidate. "Let Justin continue" (or `/hire agent start <email>`) ' +
      'resumes.'
    );
  });
  button(ACTIONS.agentResume, async (body, applicationId) => {
    await resumeAgent(deps, { applicationId, by: body.user.id });
    return 'Justin carries on from where the conversation is.';
  });
  // Justin read a withdrawal in the candidate's mail; the team says it was not one: the agent answers it.
  button(ACTIONS.notWithdrawal, async (body, value) => {
    const { applicationId, emailMessageId } = ZNotWithdrawal.parse(JSON.parse(value));
    await enqueue(
      deps.boss,
      undefined,
      'agent.turn',
      {
        applicationId,
        key: `reply:${emailMessageId}:not-withdrawal`,
        event: { type: 'candidate-replied', emailMessageId, notWithdrawal: true },
      },
      { singletonKey: applicationId },
    );
    return 'Understood: Justin answers that email as usual.';
  });

  app.action<BlockButtonAction>(ACTIONS.agentAnswer, async ({ ack, body, action, client, respond }) => {
    await ack();
    if (!(await allowed(body.user.id, { runId: action.value ?? '' })))
      return void (await respond({ response_type: 'ephemeral', replace_original: false, text: refusal }));
    // trigger_id lives for 3 s: the modal opens now, not through a job.
    await client.views.open({
      trigger_id: body.trigger_id,
      view: answerModal({
        runId: action.value ?? '',
        question: body.message?.text ?? 'Justin asked a question.',
      }) as never,
    });
  });

  app.view<ViewSubmitAction>(ACTIONS.agentAnswerSubmit, async ({ ack, body, view }) => {
    const answer = (view.state.values.answer?.value?.value ?? '').trim();
    if (!answer)
      return void (await ack({
        response_action: 'errors',
        errors: { answer: 'Write an answer, or close this to leave the question open.' },
      }));
    const internal = (view.state.values.internal?.value?.selected_options ?? []).some((o) => o.value === 'internal');
    if (!(await allowed(body.user.id, { runId: view.private_metadata })))
      return void (await ack({ response_action: 'errors', errors: { answer: refusal } }));
    try {
      await answerAgentQuestion(deps, {
        runId: view.private_metadata,
        answer,
        internal,
        by: body.user.id,
        key: view.id,
      });
    } catch (err) {
      if (err instanceof AppError)
        return void (await ack({ response_action: 'errors', errors: { answer: err.userMessage } }));
      throw err;
    }
    await ack();
  });
}
