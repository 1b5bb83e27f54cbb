import { z } from 'zod';
import { AppError } from '../errors.js';
import { recordEffect } from '../outbox/record-effect.js';
import { guardrailBlocks } from '../slack/blocks/agent-messages.js';
import { Refused, type AgentDeps } from './agent-deps.js';
import type { StoredStep } from './conversation.js';
import { handOver } from './hand-over.js';
import { loadRunFacts, teamDestination, type RunFacts } from './run-facts.js';
import { appendStep } from './run-steps.js';
import { TOOL_INPUTS, ENDS_TURN, type ToolName, type ToolInput } from './tool-schemas.js';
import { bookTool, cancelTool } from './tools/booking-tools.js';
import { sendEmailTool } from './tools/email-tool.js';
import { findSlotsTool, proposeSlotsTool } from './tools/offer-tools.js';
import { askTeamTool, followUpTool, handOverTool, recordAvailabilityTool } from './tools/team-tools.js';
import type { ToolOutcome } from './tools/tool-outcome.js';

/** Violations a run may make; the next one stops it and alerts the team. */
const MAX_VIOLATIONS = 1;
/** The same call (tool and input) this many times in a run is a loop. */
const MAX_REPEATS = 2;

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
  let violation: string | null = null;
  try {
    outcome = await dispatch(deps, facts, use, history);
  } catch (err) {
    if (err instanceof Refused) {
      outcome = { ok: false, result: { error: err.message } };
      if (err.violation) violation = err.message;
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
        action: `agent.tool.${use.name.slice(0, 40)}`,
        subjectType: 'Application',
        subjectId: facts.application.id,
        data: { ok: outcome.ok, ...(violation ? { violation } : {}) },
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
  if (!(use.name in TOOL_INPUTS)) throw new Refused(`there is no tool called ${use.name}`, true);
  const name = use.name as ToolName;
  const parsed = TOOL_INPUTS[name].safeParse(use.input);
  if (!parsed.success) {
    // A field the tool does not have (a recipient, an application id) is reaching past the rules.
    const reaching = parsed.error.issues.some((i) => i.code === 'unrecognized_keys');
    throw new Refused(`invalid input: ${z.prettifyError(parsed.error)}`, reaching);
  }
  const same = JSON.stringify(use.input);
  const repeats = history.filter(
    (s) =>
      s.kind === 'TOOL_RESULT' && s.name === name && JSON.stringify((s.input as { input: unknown }).input) === same,
  ).length;
  if (repeats >= MAX_REPEATS && !ENDS_TURN.has(name))
    throw new Refused(`the same ${name} call was already made ${repeats} times: this looks like a loop`, true);
  const call = { runId: facts.run.id, toolUseId: use.id, name, input: use.input };
  const input = parsed.data;
  switch (name) {
    case 'find_slots':
      return findSlotsTool(deps, facts, input as ToolInput<'find_slots'>);
    case 'propose_slots':
      return proposeSlotsTool(deps, facts, input as ToolInput<'propose_slots'>, call);
    case 'send_email':
      return sendEmailTool(deps, facts, input as ToolInput<'send_email'>, call);
    case 'record_availability':
      return recordAvailabilityTool(deps, facts, input as ToolInput<'record_availability'>);
    case 'book_slot':
      return bookTool(deps, facts, input as ToolInput<'book_slot'>, call, { reschedule: false });
    case 'reschedule_interview':
      return bookTool(deps, facts, input as ToolInput<'reschedule_interview'>, call, { reschedule: true });
    case 'cancel_interview':
      return cancelTool(deps, facts, input as ToolInput<'cancel_interview'>, facts.run.id);
    case 'ask_team':
      return askTeamTool(deps, facts, input as ToolInput<'ask_team'>, call);
    case 'schedule_follow_up':
      return followUpTool(deps, facts, input as ToolInput<'schedule_follow_up'>);
    case 'hand_over':
      return handOverTool(deps, facts, input as ToolInput<'hand_over'>, call);
  }
}

async function recordViolation(
  deps: AgentDeps,
  facts: RunFacts,
  call: { runId: string; toolUseId: string; name: string; input: unknown },
  reason: string,
): Promise<void> {
  const run = await deps.prisma.$transaction(async (tx) => {
    await appendStep(tx, call.runId, {
      kind: 'GUARDRAIL',
      name: call.name,
      input: { toolUseId: call.toolUseId, input: call.input },
      output: { reason },
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
              tool: call.name,
              reason,
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
      reason: `the agent broke the rules ${run.violations} times (last: ${reason})`,
      key: `violations:${call.runId}`,
      by: 'code',
      stopped: true,
    });
  }
}
