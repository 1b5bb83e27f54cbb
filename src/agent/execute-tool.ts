import { z } from 'zod';
import { AppError } from '../errors.js';
import { recordEffect } from '../outbox/record-effect.js';
import { guardrailBlocks } from '../slack/blocks/agent-messages.js';
import { Refused, type AgentDeps } from './agent-deps.js';
import { pendingToolUses, type StoredStep } from './conversation.js';
import { handOver } from './hand-over.js';
import { loadRunFacts, teamDestination, type RunFacts } from './run-facts.js';
import { appendStep, loadSteps } from './run-steps.js';
import { answerSoFar } from './answer-so-far.js';
import { TOOL_INPUTS, READ_ONLY, type ToolName, type ToolInput } from './tool-schemas.js';
import { bookTool, cancelTool } from './tools/booking-tools.js';
import { sendEmailTool } from './tools/email-tool.js';
import { findSlotsTool, proposeSlotsTool } from './tools/offer-tools.js';
import { askTeamTool, followUpTool, handOverTool, recordAvailabilityTool } from './tools/team-tools.js';
import type { ToolOutcome } from './tools/tool-outcome.js';

/** Violations a run may make; the next one stops it and alerts the team. */
const MAX_VIOLATIONS = 1;
/** The same call (tool and input) this many times in a run is a loop. */
const MAX_REPEATS = 2;
/** Input problems that are a call outside the tool's shape (not a slip inside it, like a too-long text). */
const REACHING = new Set(['unrecognized_keys', 'invalid_type', 'invalid_union', 'invalid_value', 'invalid_key']);

type ToolUse = { id: string; name: string; input: unknown };

/**
 * Runs one tool call the model asked for, with every check in code: the tool must exist, its
 * input must match the strict schema (an extra field such as a recipient is a violation), the
 * same call may not repeat in a loop, and each tool refuses what breaks a rule. The result is
 * stored as a step; a violation is also stored as a guardrail step, audited and shown to the
 * team, and a repeated one stops the run.
 */
export async function executeTool(
  deps: AgentDeps,
  runId: string,
  use: ToolUse,
  history: readonly StoredStep[],
): Promise<void> {
  const facts = await loadRunFacts(deps.prisma, runId);
  const call = { runId, toolUseId: use.id, name: use.name, input: use.input };
  let outcome: ToolOutcome;
  let violation: { reason: string; team: string } | null = null;
  try {
    outcome = await dispatch(deps, facts, use, history);
  } catch (err) {
    if (err instanceof Refused) {
      outcome = { ok: false, result: { error: err.message } };
      if (err.violation) violation = { reason: err.message, team: err.forTeam };
    } else if (
      err instanceof AppError &&
      (err.code === 'STALE_STATE' ||
        err.code === 'NOT_FOUND' ||
        err.code === 'FORBIDDEN' ||
        err.code === 'INVALID_INPUT' ||
        err.code === 'ILLEGAL_TRANSITION')
    ) {
      outcome = { ok: false, result: { error: err.userMessage } };
    } else throw err;
  }
  // The result step and its audit row together: a crash between them would leave a tool call
  // that is never run again (its result exists) and never audited.
  await deps.prisma.$transaction(async (tx) => {
    if (!outcome.recorded) {
      await appendStep(tx, runId, {
        kind: 'TOOL_RESULT',
        name: use.name,
        input: { toolUseId: use.id, input: use.input },
        output: { ok: outcome.ok, result: outcome.result, endsTurn: outcome.ok && !!outcome.endsTurn },
      });
    }
    await tx.auditEntry.create({
      data: {
        actorType: 'AGENT',
        actorId: runId,
        action: `agent.tool.${isTool(use.name) ? use.name : 'unknown'}`,
        subjectType: 'Application',
        subjectId: facts.application.id,
        data: { ok: outcome.ok, ...(violation ? { violation: violation.reason } : {}) },
      },
    });
  });
  if (violation) await recordViolation(deps, facts, call, violation);
}

async function dispatch(
  deps: AgentDeps,
  facts: RunFacts,
  use: ToolUse,
  history: readonly StoredStep[],
): Promise<ToolOutcome> {
  if (!isTool(use.name))
    throw new Refused(`there is no tool called ${use.name}`, true, 'it called a tool that does not exist');
  const name = use.name;
  const parsed = TOOL_INPUTS[name].safeParse(use.input);
  if (!parsed.success) {
    // A field the tool does not have (a recipient, an application id) or a value of the wrong type
    // is reaching past the rules; a text a little too long is a slip.
    const reaching = parsed.error.issues.some((i) => REACHING.has(i.code));
    throw new Refused(`invalid input: ${z.prettifyError(parsed.error)}`, reaching, 'its input did not fit the tool');
  }
  // One answer of the model: each tool acts at most once, and nothing runs after a call that
  // ended the turn (an email sent, a question asked, a handover), whatever else the answer asked.
  const answer = answerSoFar(history, use.id);
  if (!READ_ONLY.has(name) && answer.earlier.some((u) => u.name === name))
    throw new Refused(`only one ${name} call is run per answer; this one was not`, true);
  if (answer.endedBy) throw new Refused(`not run: ${answer.endedBy} ended the turn; wait for the next event`);
  const same = JSON.stringify(use.input);
  const repeats = history.filter(
    (s) =>
      s.kind === 'TOOL_RESULT' && s.name === name && JSON.stringify((s.input as { input: unknown }).input) === same,
  ).length;
  if (repeats >= MAX_REPEATS)
    throw new Refused(`the same ${name} call was already made ${repeats} times: this looks like a loop`, true);
  const call = { runId: facts.run.id, toolUseId: use.id, name, input: use.input };
  const input = parsed.data;
  switch (name) {
    case 'find_slots':
      return findSlotsTool(deps, facts, input as ToolInput<'find_slots'>);
    case 'propose_slots':
      return proposeSlotsTool(deps, facts, input as ToolInput<'propose_slots'>, call, history);
    case 'send_email':
      return sendEmailTool(deps, facts, input as ToolInput<'send_email'>, call);
    case 'record_availability':
      return recordAvailabilityTool(deps, facts, input as ToolInput<'record_availability'>);
    case 'book_slot':
      return bookTool(deps, facts, input as ToolInput<'book_slot'>, call, { reschedule: false, history });
    case 'reschedule_interview':
      return bookTool(deps, facts, input as ToolInput<'reschedule_interview'>, call, { reschedule: true, history });
    case 'cancel_interview':
      return cancelTool(deps, facts, input as ToolInput<'cancel_interview'>, call);
    case 'ask_team':
      return askTeamTool(deps, facts, input as ToolInput<'ask_team'>, call);
    case 'schedule_follow_up':
      return followUpTool(deps, facts, input as ToolInput<'schedule_follow_up'>);
    case 'hand_over':
      return handOverTool(deps, facts, input as ToolInput<'hand_over'>, call);
  }
}

function isTool(name: string): name is ToolName {
  return Object.hasOwn(TOOL_INPUTS, name);
}

/**
 * Stores the violation, audits it and tells the team (in words that quote nothing the model
 * chose); the next one stops the run, and the rest of that answer's calls are closed unrun, so
 * that resuming the run does not run them.
 */
async function recordViolation(
  deps: AgentDeps,
  facts: RunFacts,
  call: { runId: string; toolUseId: string; name: string; input: unknown },
  { reason, team }: { reason: string; team: string },
): Promise<void> {
  const run = await deps.prisma.$transaction(async (tx) => {
    await appendStep(tx, call.runId, {
      kind: 'GUARDRAIL',
      name: call.name,
      input: { toolUseId: call.toolUseId, input: call.input },
      output: { reason, team },
    });
    await tx.auditEntry.create({
      data: {
        actorType: 'AGENT',
        actorId: call.runId,
        action: 'agent.guardrail',
        subjectType: 'Application',
        subjectId: facts.application.id,
        data: { tool: call.name, reason },
      },
    });
    const where = teamDestination(facts);
    if (where) {
      await recordEffect(
        { tx, boss: deps.boss },
        {
          kind: 'slack.post',
          idempotencyKey: `guardrail:${call.runId}:${call.toolUseId}`,
          applicationId: facts.application.id,
          payload: {
            ...where,
            ...guardrailBlocks({
              applicationId: facts.application.id,
              candidateName: facts.candidate.name,
              tool: isTool(call.name) ? call.name : 'call a tool that does not exist',
              reason: team,
            }),
          },
        },
      );
    }
    return tx.agentRun.update({
      where: { id: call.runId },
      data: { violations: { increment: 1 } },
      select: { violations: true },
    });
  });
  if (run.violations > MAX_VIOLATIONS) {
    await handOver(deps, facts, {
      reason: `the agent broke the rules ${run.violations} times (last: ${team})`,
      key: `violations:${call.runId}`,
      by: 'code',
      stopped: true,
    });
    await closeUnrunCalls(deps, call.runId, 'not run: the run was stopped for breaking the rules');
  }
}

/** A result for every call of the last answer that has none, so a resumed run does not run them. */
async function closeUnrunCalls(deps: AgentDeps, runId: string, error: string): Promise<void> {
  await deps.prisma.$transaction(async (tx) => {
    const steps = await loadSteps(tx, runId);
    for (const use of pendingToolUses(steps)) {
      await appendStep(tx, runId, {
        kind: 'TOOL_RESULT',
        name: isTool(use.name) ? use.name : 'unknown',
        input: { toolUseId: use.id, input: use.input },
        output: { ok: false, result: { error }, endsTurn: false },
      });
    }
  });
}
