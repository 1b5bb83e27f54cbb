import type { App, BlockButtonAction, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import type { PrismaClient } from '../../../db/prisma.js';
import { AppError } from '../../../errors.js';
import type { Boss } from '../../../jobs/boss.js';
import type { AvailabilitySource } from '../../../services/scheduling/availability.js';
import { approveSlots, cancelSlots } from '../../../services/scheduling/decide-slots.js';
import { editSlots } from '../../../services/scheduling/edit-slots.js';
import { mayDecideFor } from '../../../services/team/may-act.js';
import { editSlotsModal } from '../../blocks/slot-approval.js';
import { ACTIONS } from '../../ids.js';

type Deps = {
  prisma: PrismaClient;
  boss: Boss;
  admins: readonly string[];
  availability: AvailabilitySource | undefined;
  now: () => Date;
};

const ZEditMetadata = z.object({ interviewId: z.string().uuid(), channel: z.string(), ts: z.string() });

/**
 * The proposal message's buttons. Each acks first; approving is for recruiters, hiring
 * managers and admins, and a compare-and-set on the interview: a late click is told, privately,
 * who decided. What was approved, by whom and when goes to the event log.
 */
export function registerSlotApproval(app: App, deps: Deps): void {
  /** Buttons carry an interview id, or a proposal's (Approve on one time). */
  const allowed = async (slackUserId: string, value: string) => {
    const uuid = /^[0-9a-f-]{36}$/i.test(value);
    const proposal = uuid
      ? await deps.prisma.slotProposal.findUnique({ where: { id: value }, select: { interviewId: true } })
      : null;
    return (
      uuid &&
      mayDecideFor(
        deps.prisma,
        { slackUserId, bootstrapAdmins: deps.admins },
        { interviewId: proposal?.interviewId ?? value },
      )
    );
  };
  const refusal =
    'Sorry, approving interview times is for recruiters, hiring managers and admins, and the people named on the role.';

  const decide = (action: string, run: (body: BlockButtonAction, value: string) => Promise<unknown>) =>
    app.action<BlockButtonAction>(action, async ({ ack, body, action: button, respond }) => {
      await ack();
      const tell = (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text });
      if (!(await allowed(body.user.id, button.value ?? ''))) return void (await tell(refusal));
      try {
        await run(body, button.value ?? '');
      } catch (err) {
        if (err instanceof AppError) return void (await tell(err.userMessage));
        throw err;
      }
    });
  const messageOf = (body: BlockButtonAction) =>
    body.channel && body.message ? { channel: body.channel.id, ts: body.message.ts } : undefined;
  const actor = (body: { user: { id: string } }) => ({ type: 'USER' as const, id: body.user.id });

  decide(ACTIONS.approveSlot, async (body, proposalId) => {
    const proposal = await deps.prisma.slotProposal.findUnique({
      where: { id: proposalId },
      select: { interviewId: true },
    });
    if (!proposal)
      throw new AppError('NOT_FOUND', 'proposal gone', { userMessage: 'That time is no longer proposed.' });
    await approveSlots(deps, {
      interviewId: proposal.interviewId,
      proposalIds: [proposalId],
      actor: actor(body),
      message: messageOf(body),
      now: deps.now(),
    });
  });
  decide(ACTIONS.approveAllSlots, (body, interviewId) =>
    approveSlots(deps, { interviewId, actor: actor(body), message: messageOf(body), now: deps.now() }),
  );
  decide(ACTIONS.cancelSlots, (body, interviewId) =>
    cancelSlots(deps, { interviewId, actor: actor(body), message: messageOf(body), now: deps.now() }),
  );

  app.action<BlockButtonAction>(ACTIONS.editSlots, async ({ ack, body, action, client, respond }) => {
    await ack();
    if (!(await allowed(body.user.id, action.value ?? '')))
      return void (await respond({ response_type: 'ephemeral', replace_original: false, text: refusal }));
    const message = messageOf(body);
    if (!message) return;
    const slots = await deps.prisma.slotProposal.findMany({
      where: { interviewId: action.value ?? '', status: 'PROPOSED' },
      orderBy: { startsAt: 'asc' },
      select: { id: true, startsAt: true },
    });
    // trigger_id lives for 3 s: the modal opens now, not through a job.
    await client.views.open({
      trigger_id: body.trigger_id,
      view: editSlotsModal({
        interviewId: action.value ?? '',
        slots: slots.map((s) => ({ id: s.id, start: s.startsAt })),
        message,
      }) as never,
    });
  });

  app.view<ViewSubmitAction>(ACTIONS.editSlotsSubmit, async ({ ack, body, view, client }) => {
    const meta = ZEditMetadata.safeParse(JSON.parse(view.private_metadata || '{}'));
    const keep = (view.state.values.keep?.keep?.selected_options ?? []).map((o) => o.value);
    const at = view.state.values.added?.at?.selected_date_time;
    const added = typeof at === 'number' ? new Date(at * 1000) : undefined;
    if (!meta.success) return void (await ack());
    if (keep.length === 0 && !added)
      return void (await ack({ response_action: 'errors', errors: { keep: 'Choose at least one time, or add one.' } }));
    if (added && added.getTime() <= deps.now().getTime())
      return void (await ack({ response_action: 'errors', errors: { added: 'That time has passed.' } }));
    await ack();
    const tell = (text: string) => client.chat.postEphemeral({ channel: meta.data.channel, user: body.user.id, text });
    if (!(await allowed(body.user.id, meta.data.interviewId))) return void (await tell(refusal));
    try {
      const result = await editSlots(deps, {
        interviewId: meta.data.interviewId,
        keepIds: keep,
        added,
        actor: actor(body),
        message: { channel: meta.data.channel, ts: meta.data.ts },
      });
      if (result.status === 'refused')
        await tell(
          `Nothing changed: the time you added does not work.\n${result.reasons.map((r) => `• ${r}`).join('\n')}`,
        );
    } catch (err) {
      if (err instanceof AppError) return void (await tell(err.userMessage));
      throw err;
    }
  });
}
