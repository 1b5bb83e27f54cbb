import { addBusinessDays } from '../../domain/agent/business-time.js';
import { readZoneMention } from '../../domain/agent/zone-mention.js';
import type { LocalRange } from '../../domain/agent/candidate-times.js';
import { recordEffect } from '../../outbox/record-effect.js';
import { askTeamBlocks } from '../../slack/blocks/agent-messages.js';
import { Refused, type AgentDeps } from '../agent-deps.js';
import { teamDestination, type RunFacts } from '../run-facts.js';
import { handOver } from '../hand-over.js';
import { candidateWindows } from './offer-tools.js';
import type { ToolOutcome } from './tool-outcome.js';

type Call = { runId: string; toolUseId: string };

export async function askTeamTool(
  deps: AgentDeps,
  facts: RunFacts,
  { question }: { question: string },
  call: Call,
): Promise<ToolOutcome> {
  const where = teamDestination(facts);
  if (!where) throw new Refused('the role has no Slack channel or recruiter to ask; hand over');
  await deps.prisma.$transaction(async (tx) => {
    await recordEffect(
      { tx, boss: deps.boss },
      {
        kind: 'slack.post',
        idempotencyKey: `agent:${call.runId}:${call.toolUseId}`,
        applicationId: facts.application.id,
        payload: { ...where, ...askTeamBlocks({ runId: call.runId, candidateName: facts.candidate.name, question }) },
      },
    );
    await tx.applicationEvent.create({
      data: {
        applicationId: facts.application.id,
        actorType: 'AGENT',
        actorId: call.runId,
        type: 'agent.asked_team',
        data: { question },
      },
    });
  });
  return {
    ok: true,
    result: { status: 'asked', note: "The team's answer will arrive as a team_answer event. Wait." },
    endsTurn: true,
  };
}

export async function handOverTool(
  deps: AgentDeps,
  facts: RunFacts,
  { reason }: { reason: string },
  call: Call,
): Promise<ToolOutcome> {
  await handOver(deps, facts, { reason, key: `agent:${call.runId}:${call.toolUseId}`, by: 'agent' });
  return { ok: true, result: { status: 'handed_over' }, endsTurn: true };
}

export async function followUpTool(
  deps: AgentDeps,
  facts: RunFacts,
  { after_business_days }: { after_business_days: number },
): Promise<ToolOutcome> {
  const at = addBusinessDays(deps.now(), after_business_days, facts.zone ?? facts.displayZone);
  await deps.prisma.agentRun.update({ where: { id: facts.run.id }, data: { followUpAt: at } });
  return { ok: true, result: { status: 'scheduled', at: at.toISOString() } };
}

/** Stores the candidate's zone (an IANA name only: an abbreviation is refused with its meanings) and availability. */
export async function recordAvailabilityTool(
  deps: AgentDeps,
  facts: RunFacts,
  input: { zone?: string | undefined; within?: LocalRange[] | undefined },
): Promise<ToolOutcome> {
  let zone = facts.zone;
  if (input.zone) {
    const reading = readZoneMention(input.zone, null);
    if (reading.status === 'ambiguous')
      throw new Refused(
        `"${input.zone}" could mean ${reading.candidates.join(', ')}: ask the candidate which, then record the IANA ` +
          'zone',
      );
    if (reading.status === 'unknown')
      throw new Refused(`"${input.zone}" is not a time zone we know; use an IANA name like Europe/London`);
    zone = reading.zone;
    await deps.prisma.$transaction(async (tx) => {
      await tx.candidate.update({ where: { id: facts.candidate.id }, data: { timeZone: zone } });
      if (facts.interview)
        await tx.interview.update({ where: { id: facts.interview.id }, data: { candidateZone: zone } });
      await tx.applicationEvent.create({
        data: {
          applicationId: facts.application.id,
          actorType: 'AGENT',
          actorId: facts.run.id,
          type: 'candidate.zone',
          data: { zone },
        },
      });
    });
  }
  const { windows, refused } = candidateWindows({ ...facts, zone }, input.within, deps.now());
  return { ok: true, result: { zone, ...(input.within ? { windows: windows.length, ranges_refused: refused } : {}) } };
}
