import { windowsFromLocalRanges } from '../domain/agent/candidate-times.js';
import { readZoneMention, type ZoneReading } from '../domain/agent/zone-mention.js';
import { normaliseEmail } from '../domain/intake/normalise-email.js';
import { recordEffect } from '../outbox/record-effect.js';
import type { AgentDeps } from './agent-deps.js';
import type { AgentEvent } from './agent-event.js';
import type { StoredStep } from './conversation.js';
import { handOver } from './hand-over.js';
import { readReply } from './read-reply.js';
import { loadRunFacts, teamDestination, type RunFacts } from './run-facts.js';
import { appendStep } from './run-steps.js';
import { performBooking, performCancel } from './tools/booking-tools.js';
import { queueEmail } from './tools/email-tool.js';
import { describeOptions, nowLine } from './tools/describe.js';
import { findSlotsTool } from './tools/offer-tools.js';
import { withdrawalQuestion } from '../slack/blocks/agent-messages.js';
import { escapeMrkdwn } from '../slack/blocks/text.js';

/**
 * What the model is shown for an event, or `{ hidden }` when it is not the model's to see
 * (mail from someone other than the candidate, an auto-reply) and `{ quiet }` when it is
 * shown but needs no answer (an approved email went out). Preparing may call the fast model
 * and the calendars; its result is stored on the event step, so it happens once.
 */
export async function prepareEvent(
  deps: AgentDeps,
  runId: string,
  step: StoredStep,
  history: readonly StoredStep[],
): Promise<unknown> {
  const facts = await loadRunFacts(deps.prisma, runId);
  const event = (step.input as { event: AgentEvent }).event;
  const now = deps.now();
  const base = { now: nowLine(now, facts) };
  switch (event.type) {
    case 'slots-approved':
      return {
        type: 'slots_approved',
        ...base,
        options: describeOptions(facts.options, facts.displayZone),
        candidate_zone: facts.zone,
        interview_status: facts.interview?.status,
      };
    case 'resumed':
      return {
        type: 'resumed',
        ...base,
        options: describeOptions(facts.options, facts.displayZone),
        interview_status: facts.interview?.status,
        note: 'A person restarted you; carry on from where the conversation is.',
      };
    case 'team-answered':
      return {
        type: 'team_answer',
        ...base,
        answer: event.answer,
        internal: event.internal,
        ...(event.internal ? { note: 'Internal: use it, never quote it to the candidate.' } : {}),
      };
    case 'follow-up':
      return followUp(deps, facts, base);
    case 'team-decided':
      return decided(deps, facts, event, history, base);
    case 'candidate-replied':
      return candidateEmail(deps, facts, event, history, base);
  }
}

async function followUp(deps: AgentDeps, facts: RunFacts, base: object): Promise<unknown> {
  const max = facts.role.policy.maxNudges;
  if (facts.run.nudgesSent >= max) {
    await handOver(deps, facts, {
      reason: `no reply from the candidate after ${max} nudge${max === 1 ? '' : 's'}`,
      key: `silent:${facts.run.id}:${facts.run.nudgesSent}`,
      by: 'code',
    });
    return { hidden: true, type: 'follow_up_due', handedOver: true };
  }
  await deps.prisma.agentRun.update({ where: { id: facts.run.id }, data: { nudgesSent: { increment: 1 } } });
  return {
    type: 'follow_up_due',
    ...base,
    nudge: facts.run.nudgesSent + 1,
    of: max,
    options: describeOptions(facts.options, facts.displayZone),
    interview_status: facts.interview?.status,
  };
}

async function decided(
  deps: AgentDeps,
  facts: RunFacts,
  event: Extract<AgentEvent, { type: 'team-decided' }>,
  history: readonly StoredStep[],
  base: object,
): Promise<unknown> {
  const asked = history.find((s) => s.seq === event.seq && s.kind === 'TOOL_RESULT');
  const output = asked?.output as
    | {
        draft?: { body: string; includeOptions: boolean };
        booking?: { option: number; proposalId: string; reschedule: boolean };
        cancel?: { reason: string };
      }
    | undefined;
  if (!output?.draft && !output?.booking && !output?.cancel)
    return { hidden: true, type: 'team_decision', error: 'nothing was waiting for that decision' };
  if (output.cancel) {
    if (!event.approved)
      return {
        type: 'team_decision',
        ...base,
        about: 'cancel',
        approved: false,
        note: 'The team kept the interview. Do not cancel it; hand over if you cannot continue.',
      };
    const result = await performCancel(deps, facts, output.cancel.reason, facts.run.id);
    return { type: 'team_decision', ...base, about: 'cancel', approved: true, result };
  }
  if (output.draft) {
    if (!event.approved)
      return {
        type: 'team_decision',
        ...base,
        about: 'email',
        approved: false,
        note: 'The team discarded your draft. Do not send it; hand over if you cannot continue.',
      };
    await deps.prisma.$transaction((tx) =>
      queueEmail(tx, deps, facts, {
        body: output.draft!.body,
        includeOptions: output.draft!.includeOptions,
        key: `agent:${facts.run.id}:draft:${event.seq}`,
      }),
    );
    return {
      type: 'team_decision',
      ...base,
      about: 'email',
      approved: true,
      quiet: true,
      note: 'The team approved your email; it was sent. Wait for the reply.',
    };
  }
  const booking = output.booking!;
  if (!event.approved)
    return {
      type: 'team_decision',
      ...base,
      about: 'booking',
      approved: false,
      note: 'The team declined that booking. Hand over, or offer other times if the team said so.',
    };
  const option = facts.options.find((o) => o.proposalId === booking.proposalId);
  if (!option)
    return {
      type: 'team_decision',
      ...base,
      about: 'booking',
      approved: true,
      result: { ok: false, error: 'that option is no longer on offer' },
    };
  const result = await performBooking(deps, facts, option, facts.run.id, booking.reschedule);
  return { type: 'team_decision', ...base, about: 'booking', approved: true, result };
}

/**
 * A reply in the thread. Only the candidate's own mail reaches the model (anything else goes
 * to a person), and only as a JSON string; the fast model's reading is checked by code: the
 * zone against the rules for abbreviations, the ranges against the calendars, the option
 * against what is on offer.
 */
async function candidateEmail(
  deps: AgentDeps,
  facts: RunFacts,
  event: Extract<AgentEvent, { type: 'candidate-replied' }>,
  history: readonly StoredStep[],
  base: object,
): Promise<unknown> {
  const { emailMessageId } = event;
  const message = await deps.prisma.emailMessage.findUnique({
    where: { id: emailMessageId },
    select: {
      fromAddress: true,
      strippedText: true,
      textBody: true,
      isAutoReply: true,
      direction: true,
      thread: { select: { applicationId: true } },
    },
  });
  if (!message || message.direction !== 'INBOUND' || message.thread.applicationId !== facts.application.id)
    return { hidden: true, type: 'candidate_email', error: 'not a reply in this application' };
  if (message.isAutoReply) return { hidden: true, type: 'candidate_email', autoReply: true };
  if (normaliseEmail(message.fromAddress) !== facts.candidate.email) {
    // Someone else in the thread (a referrer, a recruiter in cc): a person reads it, not the agent.
    const where = teamDestination(facts);
    if (where) {
      await deps.prisma.$transaction((tx) =>
        recordEffect(
          { tx, boss: deps.boss },
          {
            kind: 'slack.post',
            idempotencyKey: `not-candidate:${emailMessageId}`,
            applicationId: facts.application.id,
            payload: {
              ...where,
              text:
                `:envelope: Someone other than ${escapeMrkdwn(facts.candidate.name)} wrote in their thread; ` +
                'Justin did not act on it. A person should read it in the mailbox.',
            },
          },
        ),
      );
    }
    return { hidden: true, type: 'candidate_email', notFromCandidate: true };
  }
  await deps.prisma.agentRun.update({ where: { id: facts.run.id }, data: { followUpAt: null, nudgesSent: 0 } });
  const text = (message.strippedText ?? message.textBody ?? '').slice(0, 8000);
  const options = describeOptions(facts.options, facts.displayZone);
  const { reading, usage, problem } = await readReply(deps, { text, nowLine: (base as { now: string }).now, options });
  await deps.prisma.$transaction((tx) =>
    appendStep(tx, facts.run.id, {
      kind: 'MODEL_CALL',
      name: 'read-reply',
      model: deps.models.fast,
      usage,
      input: { emailMessageId },
      output: reading ?? { invalid: problem },
    }),
  );
  const checks: Record<string, unknown> = {};
  let chosen: { proposalId: string; option: number } | undefined;
  // A withdrawal is the team's to confirm, never the agent's to act on (it would cancel the
  // interview and carry on scheduling): the thread is asked, and the agent stays quiet.
  if (reading?.intent === 'withdraws' && !event.notWithdrawal) {
    await askTeamAboutWithdrawal(deps, facts, { emailMessageId, summary: reading.summary });
    return { hidden: true, type: 'candidate_email', withdrawal: 'asked the team' };
  }
  // Pay and offers are a person's to discuss: code hands over, without a model call.
  if (reading?.intent === 'about_offer') {
    await handOver(deps, facts, {
      reason: `the candidate wrote about pay or an offer (${reading.summary}): only a person may answer that`,
      key: `offer-question:${emailMessageId}`,
      by: 'code',
    });
    return { hidden: true, type: 'candidate_email', handedOver: true };
  }
  if (event.notWithdrawal) checks.withdrawal = 'The team says this is not a withdrawal: answer it as a normal reply.';
  if (reading) {
    const zone = readZoneMention(reading.zone_mentioned, facts.zone);
    const askedBefore = history.some(
      (s) =>
        s.kind === 'NOTE' &&
        s.name === 'event' &&
        ['ambiguous', 'unknown'].includes(
          ((s.output as { checks?: { zone?: ZoneReading } })?.checks?.zone?.status ?? '') as string,
        ),
    );
    checks.zone = { ...zone, asked_before: askedBefore };
    if (zone.status === 'ambiguous' && askedBefore) {
      await handOver(deps, facts, {
        reason:
          `the candidate's time zone is still unclear ("${zone.mention}" could ` +
          `be ${zone.candidates.join(', ')}) after asking once`,
        key: `zone:${emailMessageId}`,
        by: 'code',
      });
      return { hidden: true, type: 'candidate_email', handedOver: true };
    }
    if (reading.option !== null) {
      const option = facts.options.find((o) => o.n === reading.option);
      checks.option = option
        ? { option: reading.option, on_offer: true }
        : { option: reading.option, on_offer: false, note: 'not one of the current options' };
      // The candidate's choice, bound to the proposal it meant: book_slot books only this.
      if (option) chosen = { proposalId: option.proposalId, option: option.n };
    }
    if (reading.available.length && zone.status === 'known') {
      const { windows, refused } = windowsFromLocalRanges(reading.available, zone.zone, deps.now());
      checks.windows = { zone: zone.zone, usable: windows.length, refused };
      if (windows.length && deps.availability && facts.interview) {
        const found = await findSlotsTool(
          deps,
          { ...facts, zone: zone.zone, displayZone: zone.zone },
          { within: reading.available },
        );
        checks.times_that_work = (found.result as { times: string[] }).times;
      }
    }
  }
  return {
    type: 'candidate_email',
    ...base,
    untrusted_text: text,
    reading: reading ?? { unavailable: true, note: 'Read the text yourself.' },
    checks,
    ...(chosen ? { chosen } : {}),
  };
}

/** "Grace wrote that she withdraws": Confirm (the withdraw modal) or Not a withdrawal, in the card's thread. */
async function askTeamAboutWithdrawal(
  deps: AgentDeps,
  facts: RunFacts,
  { emailMessageId, summary }: { emailMessageId: string; summary: string },
): Promise<void> {
  const where = teamDestination(facts);
  if (!where) return;
  const message = withdrawalQuestion({
    applicationId: facts.application.id,
    emailMessageId,
    candidateName: facts.candidate.name,
    summary,
  });
  await deps.prisma.$transaction(async (tx) => {
    await recordEffect(
      { tx, boss: deps.boss },
      {
        kind: 'slack.post',
        idempotencyKey: `withdrawal:${emailMessageId}`,
        applicationId: facts.application.id,
        payload: { ...where, ...message },
        now: deps.now(),
      },
    );
    await tx.applicationEvent.create({
      data: {
        applicationId: facts.application.id,
        actorType: 'AGENT',
        actorId: facts.run.id,
        type: 'agent.withdrawal_read',
        data: { emailMessageId },
      },
    });
  });
}
