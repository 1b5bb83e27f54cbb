import type { Tx } from '../../db/prisma.js';
import type { Boss } from '../../jobs/boss.js';
import { recordEffect } from '../../outbox/record-effect.js';
import type { agentDecisionBlocks } from '../../slack/blocks/agent-messages.js';
import type { ToolOutcome } from './tool-outcome.js';

/**
 * Posts, in the caller's transaction, the message that asks the team to decide on a tool call
 * (send this email, book or move, cancel): one post per call, keyed by it, so a retried turn
 * asks once.
 */
export async function askTeamToDecide(
  tx: Tx,
  boss: Boss,
  d: {
    runId: string;
    toolUseId: string;
    applicationId: string;
    /** The card's thread, or the channel or recruiter (teamDestination). */
    where: { channel: string; thread_ts?: string };
    message: ReturnType<typeof agentDecisionBlocks>;
  },
): Promise<void> {
  await recordEffect(
    { tx, boss },
    {
      kind: 'slack.post',
      idempotencyKey: `agent:${d.runId}:${d.toolUseId}:ask`,
      applicationId: d.applicationId,
      payload: { ...d.where, ...d.message },
    },
  );
}

/** What a tool returns once it has asked: the turn ends until the team decides. */
export const WAITING_FOR_TEAM: ToolOutcome = {
  ok: true,
  result: { status: 'waiting_for_team' },
  endsTurn: true,
  recorded: true,
};
