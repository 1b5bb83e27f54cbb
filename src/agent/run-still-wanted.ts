import type { Tx } from '../db/prisma.js';
import { Refused, type AgentDeps } from './agent-deps.js';
import type { RunFacts } from './run-facts.js';

/** Stages in which an interview is being arranged: the only ones the agent acts in. */
const SCHEDULING_STAGES = new Set(['SCHEDULING', 'INTERVIEW_SCHEDULED']);

/**
 * Why the agent must not act for this run any more, or null. Checked by code before every
 * model call and every effect, from facts read fresh: a rejected, withdrawn or hired candidate,
 * or an interview cancelled or already held, gets nothing more from the agent, whatever the
 * model would say.
 */
export function whyNotWanted(facts: RunFacts): string | null {
  if (facts.candidate.erased) return 'the candidate was erased';
  if (!SCHEDULING_STAGES.has(facts.application.stage))
    return `the application is ${facts.application.stage.toLowerCase().replaceAll('_', ' ')}`;
  if (facts.interview && (facts.interview.status === 'CANCELLED' || facts.interview.status === 'COMPLETED'))
    return `the interview is ${facts.interview.status.toLowerCase()}`;
  return null;
}

/** Ends a run that is no longer wanted, quietly: the team closed it, nobody needs telling. */
export async function endUnwantedRun(deps: AgentDeps, facts: RunFacts, reason: string): Promise<void> {
  await deps.prisma.agentRun.updateMany({
    where: { id: facts.run.id, status: { in: ['RUNNING', 'WAITING'] } },
    data: {
      status: 'COMPLETED',
      finishedAt: deps.now(),
      followUpAt: null,
      error: `not wanted: ${reason}`.slice(0, 1000),
    },
  });
}

/**
 * In the transaction of an effect (an email): the application row locked and checked again, so
 * an effect and the decision that closes the application never both win. Closing locks the same
 * row, then stops the agent's pending mail; whichever commits second sees the other.
 */
export async function lockStillScheduling(tx: Tx, applicationId: string): Promise<void> {
  const rows = await tx.$queryRaw<
    Array<{ stage: string }>
  >`SELECT stage::text AS stage FROM "Application" WHERE id = ${applicationId}::uuid FOR SHARE`;
  const stage = rows[0]?.stage;
  if (!stage || !SCHEDULING_STAGES.has(stage))
    throw new Refused(`the application is ${stage?.toLowerCase().replaceAll('_', ' ') ?? 'gone'}: nothing may be sent`);
}
