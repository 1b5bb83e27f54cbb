import { escapeMrkdwn } from '../slack/blocks/text.js';
import { recordEffect } from '../outbox/record-effect.js';
import type { AgentDeps } from './agent-deps.js';
import type { AgentEvent } from './agent-event.js';
import { conversationOf, needsModelCall, pendingToolUses } from './conversation.js';
import { executeTool } from './execute-tool.js';
import { handOver } from './hand-over.js';
import { callModel, SpendLimitError } from './model-call.js';
import { prepareEvent } from './prepare-event.js';
import { loadRunFacts, type RunFacts } from './run-facts.js';
import { appendStep, loadSteps } from './run-steps.js';
import { AGENT_SYSTEM } from './system-prompt.js';
import { toolDefinitions } from './tool-schemas.js';
import { isAgentPaused, pauseAgentEverywhere } from './kill-switch.js';
import { describeOptions } from './tools/describe.js';
import { endUnwantedRun, whyNotWanted } from './run-still-wanted.js';

export type TurnOutcome = 'waiting' | 'paused' | 'ended' | 'no-run' | 'duplicate';

const TOOLS = toolDefinitions();
/** Safety net on one turn's steps, above the per-run model-call cap. */
const MAX_STEPS_PER_TURN = 60;

/**
 * One turn of the scheduling agent for one application, resumable at any point.
 *
 * The event is stored first (once, by its key). Then, until the agent waits: unprepared events
 * are prepared, tool calls without results are executed, and when there is something new the
 * model is called. Everything is a stored step, so a worker killed anywhere resumes here from
 * the steps: a model answer is never asked twice once stored, and a tool's effects carry keys
 * derived from its call id, so running it again does not repeat them. Turns of one application
 * never overlap: the queue is keyed by application (key_strict_fifo).
 */
export async function runAgentTurn(
  deps: AgentDeps,
  { applicationId, event, key }: { applicationId: string; event: AgentEvent; key: string },
): Promise<TurnOutcome> {
  const runId = await runFor(deps, applicationId, event);
  if (!runId) return 'no-run';
  const added = await addEvent(deps, runId, event, key);
  if (!added && event.type === 'resumed') return 'duplicate';
  if (await isAgentPaused(deps.prisma, applicationId)) {
    deps.log.info({ applicationId, runId }, 'agent paused; event kept for when it resumes');
    return 'paused';
  }
  try {
    return await advance(deps, runId);
  } catch (err) {
    if (!(err instanceof SpendLimitError)) throw err;
    await pauseAgentEverywhere(deps, { reason: `Anthropic spend limit reached: ${err.message}`, by: 'system' });
    return 'paused';
  }
}

async function advance(deps: AgentDeps, runId: string): Promise<TurnOutcome> {
  for (let i = 0; i < MAX_STEPS_PER_TURN; i++) {
    const facts = await loadRunFacts(deps.prisma, runId);
    if (facts.run.status !== 'RUNNING' && facts.run.status !== 'WAITING') return 'ended';
    // Before preparing an event (the fast model), running a tool or calling the model.
    const unwanted = whyNotWanted(facts);
    if (unwanted) {
      await endUnwantedRun(deps, facts, unwanted);
      return 'ended';
    }
    const steps = await loadSteps(deps.prisma, runId);

    const unprepared = steps.find((s) => s.kind === 'NOTE' && s.name === 'event' && s.output == null);
    if (unprepared) {
      const output = await prepareEvent(deps, runId, unprepared, steps);
      await deps.prisma.agentStep.updateMany({
        where: { runId, seq: unprepared.seq },
        data: { output: output as object },
      });
      continue;
    }
    const pending = pendingToolUses(steps);
    if (pending.length) {
      await executeTool(deps, runId, pending[0]!, steps);
      continue;
    }
    if (!needsModelCall(steps)) {
      await deps.prisma.agentRun.updateMany({ where: { id: runId, status: 'RUNNING' }, data: { status: 'WAITING' } });
      return 'waiting';
    }
    const over = overBudget(facts);
    if (over) {
      await handOver(deps, facts, { reason: over, key: `budget:${runId}`, by: 'code' });
      return 'ended';
    }
    await deps.prisma.agentRun.updateMany({ where: { id: runId, status: 'WAITING' }, data: { status: 'RUNNING' } });
    const { message, usage } = await callModel(deps.claude, {
      model: deps.models.smart,
      max_tokens: 1500,
      system: [{ type: 'text', text: AGENT_SYSTEM, cache_control: { type: 'ephemeral' } }],
      tools: TOOLS,
      messages: conversationOf(steps),
    });
    await deps.prisma.$transaction((tx) =>
      appendStep(tx, runId, {
        kind: 'MODEL_CALL',
        name: 'agent',
        model: deps.models.smart,
        usage,
        output: { content: message.content, stop_reason: message.stop_reason },
      }),
    );
  }
  await handOver(deps, await loadRunFacts(deps.prisma, runId), {
    reason: `more than ${MAX_STEPS_PER_TURN} steps in one turn`,
    key: `steps:${runId}`,
    by: 'code',
  });
  return 'ended';
}

function overBudget(facts: RunFacts): string | null {
  const { maxModelCallsPerRun, tokenBudgetPerRun } = facts.role.policy;
  if (facts.run.turns >= maxModelCallsPerRun)
    return `the agent made ${facts.run.turns} model calls for this candidate, the most the role allows (a loop?)`;
  if (facts.run.tokens >= tokenBudgetPerRun)
    return (
      `the agent used ${facts.run.tokens} tokens for this candidate, over the role's budget ` +
      `of ${tokenBudgetPerRun}`
    );
  return null;
}

/** Stores the event once per key; false when it was already there (a redelivered job). */
async function addEvent(deps: AgentDeps, runId: string, event: AgentEvent, key: string): Promise<boolean> {
  if (await deps.prisma.agentStep.findFirst({ where: { runId, eventKey: key }, select: { seq: true } })) return false;
  try {
    await appendStep(deps.prisma, runId, { kind: 'NOTE', name: 'event', eventKey: key, input: { event } });
    return true;
  } catch (err) {
    // The unique (runId, eventKey): the same event stored a moment ago by a redelivered job.
    if (await deps.prisma.agentStep.findFirst({ where: { runId, eventKey: key }, select: { seq: true } })) return false;
    throw err;
  }
}

/**
 * The run this event belongs to. Approved times start (or continue) the run of their
 * interview; a later step's interview completes the earlier run. A reply with no live run goes
 * to a person. Events about a run (answers, decisions, follow-ups) name it.
 */
async function runFor(deps: AgentDeps, applicationId: string, event: AgentEvent): Promise<string | null> {
  const live = await deps.prisma.agentRun.findFirst({
    where: { applicationId, status: { in: ['RUNNING', 'WAITING'] } },
    select: { id: true, interviewId: true },
  });
  switch (event.type) {
    case 'slots-approved': {
      if (live?.interviewId === event.interviewId) return live.id;
      if (live)
        await deps.prisma.agentRun.update({
          where: { id: live.id },
          data: { status: 'COMPLETED', finishedAt: deps.now(), followUpAt: null },
        });
      return startRun(deps, applicationId, event.interviewId);
    }
    case 'follow-up':
    case 'team-answered':
    case 'team-decided':
      return live?.id === event.runId ? live.id : null;
    case 'resumed': {
      if (live) return live.id;
      const last = await deps.prisma.agentRun.findFirst({
        where: { applicationId, status: { in: ['HANDED_OVER', 'STOPPED'] } },
        orderBy: { startedAt: 'desc' },
        select: { id: true },
      });
      if (!last) return null;
      await deps.prisma.$transaction([
        deps.prisma.agentRun.update({
          where: { id: last.id },
          data: { status: 'WAITING', finishedAt: null, violations: 0, turns: 0 },
        }),
        deps.prisma.emailThread.updateMany({ where: { applicationId }, data: { handedOverAt: null } }),
      ]);
      return last.id;
    }
    case 'candidate-replied': {
      if (live) return live.id;
      await routeToPerson(deps, applicationId, event.emailMessageId);
      return null;
    }
  }
}

async function startRun(deps: AgentDeps, applicationId: string, interviewId: string): Promise<string> {
  try {
    return await deps.prisma.$transaction(async (tx) => {
      const interview = await tx.interview.findUniqueOrThrow({ where: { id: interviewId }, select: { stageId: true } });
      const run = await tx.agentRun.create({
        data: { applicationId, interviewId, stageId: interview.stageId, status: 'RUNNING' },
        select: { id: true },
      });
      const facts = await loadRunFacts(tx, run.id);
      const people = await tx.user.findMany({
        where: { poolMemberships: { some: { stageId: interview.stageId } }, deactivatedAt: null },
        select: { name: true },
      });
      await appendStep(tx, run.id, {
        kind: 'NOTE',
        name: 'brief',
        output: brief(
          facts,
          people.map((p) => p.name.split(/\s+/)[0]!),
        ),
      });
      await tx.applicationEvent.create({
        data: { applicationId, actorType: 'AGENT', actorId: run.id, type: 'agent.started', data: { interviewId } },
      });
      return run.id;
    });
  } catch (err) {
    // Two events raced to start the run: the partial unique index let one in; use it.
    const live = await deps.prisma.agentRun.findFirst({
      where: { applicationId, status: { in: ['RUNNING', 'WAITING'] } },
      select: { id: true },
    });
    if (live) return live.id;
    throw err;
  }
}

/** Stable for the run (cached with the system prompt): no dates, nothing that changes. */
function brief(facts: RunFacts, interviewers: string[]): object {
  return {
    role: facts.role.title,
    interview: facts.interview
      ? {
          step: facts.interview.stageName,
          minutes: facts.interview.durationMinutes,
          kind: facts.interview.kind.toLowerCase().replace(/_/g, ' '),
          with: interviewers,
        }
      : null,
    candidate: { first_name: facts.candidate.firstName, time_zone: facts.zone },
    options_now: describeOptions(facts.options, facts.displayZone),
    emails_go_out:
      `between ${facts.role.policy.sendHours.from} and ${facts.role.policy.sendHours.to} on weekdays, ` +
      "candidate's time",
  };
}

async function routeToPerson(deps: AgentDeps, applicationId: string, emailMessageId: string): Promise<void> {
  const app = await deps.prisma.application.findUnique({
    where: { id: applicationId },
    select: { slackChannelId: true, slackMessageTs: true, candidate: { select: { name: true } } },
  });
  if (!app?.slackChannelId || !app.slackMessageTs) return;
  await deps.prisma.$transaction((tx) =>
    recordEffect(
      { tx, boss: deps.boss },
      {
        kind: 'slack.post',
        idempotencyKey: `reply-to-person:${emailMessageId}`,
        applicationId,
        payload: {
          channel: app.slackChannelId!,
          thread_ts: app.slackMessageTs!,
          text:
            `:envelope: ${escapeMrkdwn(app.candidate.name)} replied by email and no agent is working on them; ` +
            'someone should answer from the mailbox.',
        },
      },
    ),
  );
}
