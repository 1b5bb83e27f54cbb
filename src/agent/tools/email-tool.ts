import { addBusinessDays, nextSendingTime } from '../../domain/agent/business-time.js';
import { checkOutgoingEmail } from '../../domain/agent/check-email.js';
import type { Tx } from '../../db/prisma.js';
import { askTeamToDecide, WAITING_FOR_TEAM } from './ask-team-to-decide.js';
import { sendCandidateEmail } from '../../services/email/send-candidate-email.js';
import { Refused, type AgentDeps } from '../agent-deps.js';
import { teamDestination, type RunFacts } from '../run-facts.js';
import { appendStep } from '../run-steps.js';
import { optionsList } from './describe.js';
import type { ToolOutcome } from './tool-outcome.js';
import { agentDecisionBlocks } from '../../slack/blocks/agent-messages.js';
import { lockStillScheduling } from '../run-still-wanted.js';
import { READ_REPLY_SYSTEM } from '../reply-reading.js';
import { AGENT_SYSTEM } from '../system-prompt.js';
import { toolDefinitions } from '../tool-schemas.js';

/** Our own instructions: an email repeating them, whole or in chunks, is refused. */
const OUR_INSTRUCTIONS = [AGENT_SYSTEM, READ_REPLY_SYSTEM, JSON.stringify(toolDefinitions())];

export type EmailInput = { text: string; include_options: boolean };
type Call = { runId: string; toolUseId: string; name: string; input: unknown };

/**
 * Checks an email the agent wrote and queues it to the candidate, in one transaction with the
 * tool's result step: a worker killed at any point leaves either both or neither, and the
 * outbox key (run + tool call) makes a re-run the same email. Everything refused here is a
 * rule the model broke: another address, a link we did not give, an internal note, too many
 * emails today.
 */
export async function sendEmailTool(
  deps: AgentDeps,
  facts: RunFacts,
  input: EmailInput,
  call: Call,
): Promise<ToolOutcome> {
  const body = await checkedBody(deps, facts, input);
  if (facts.role.policy.approve.everyEmail) return askToSend(deps, facts, input, body, call);
  await deps.prisma.$transaction(async (tx) => {
    await queueEmail(tx, deps, facts, {
      body,
      includeOptions: input.include_options,
      key: `agent:${call.runId}:${call.toolUseId}`,
    });
    await appendStep(tx, call.runId, {
      kind: 'TOOL_RESULT',
      name: call.name,
      input: { toolUseId: call.toolUseId, input: call.input },
      output: { ok: true, result: { status: 'queued', note: 'Sent. Now wait for the reply.' }, endsTurn: true },
    });
  });
  return { ok: true, result: { status: 'queued' }, endsTurn: true, recorded: true };
}

/** The email as the candidate will read it, or Refused with every problem found. */
export async function checkedBody(deps: AgentDeps, facts: RunFacts, input: EmailInput): Promise<string> {
  if (facts.candidate.erased) throw new Refused('this candidate was erased; nothing may be sent');
  if (!deps.mailbox) throw new Refused('Gmail is not connected, so no email can be sent; hand over');
  if (input.include_options && facts.options.length === 0)
    throw new Refused('there are no current options to include: call propose_slots first');
  const sentToday = await deps.prisma.outboxEffect.count({
    where: {
      applicationId: facts.application.id,
      kind: 'gmail.send',
      createdAt: { gt: new Date(deps.now().getTime() - 86_400_000) },
    },
  });
  if (sentToday >= facts.role.policy.maxEmailsPerDay)
    throw new Refused(
      `${sentToday} emails went to this candidate in the last 24 hours, the most the role allows; wait for their ` +
        'reply or hand over',
      true,
    );
  const others = await otherCandidates(deps, facts);
  const internal = await internalTexts(deps, facts);
  const problems = checkOutgoingEmail({
    text: input.text,
    allowedAddresses: [facts.candidate.displayEmail, facts.candidate.email, deps.mailbox],
    allowedLinks: facts.interview?.meetUrl ? [facts.interview.meetUrl] : [],
    ourTexts: await ourTexts(deps, facts, deps.mailbox),
    internalTexts: internal,
    otherNotes: others.notes,
    commonWords: [facts.role.title],
    otherPeople: others.names,
    confidentialTexts: OUR_INSTRUCTIONS,
    candidateZone: facts.zone ?? facts.displayZone,
  });
  if (problems.length)
    throw new Refused(
      `email not sent: ${problems.map((p) => p.reason).join('; ')}`,
      true,
      `email not sent: ${problems.map((p) => p.team).join('; ')}`,
    );
  return input.include_options
    ? `${input.text.trim()}\n\n${optionsList(facts.options, facts.displayZone)}\n`
    : input.text.trim();
}

/**
 * What we supply for this run, in which a bare host may be named again: the role's title,
 * description and requirements, our mailbox's domain, and the candidate's own messages.
 */
async function ourTexts(deps: AgentDeps, facts: RunFacts, mailbox: string): Promise<string[]> {
  const [role, inbound] = await Promise.all([
    deps.prisma.role.findUnique({
      where: { id: facts.role.id },
      select: { title: true, description: true, requirements: true },
    }),
    deps.prisma.emailMessage.findMany({
      where: { direction: 'INBOUND', thread: { applicationId: facts.application.id } },
      select: { strippedText: true, textBody: true },
      orderBy: { sentAt: 'desc' },
      take: 50,
    }),
  ]);
  return [
    role?.title ?? facts.role.title,
    role?.description ?? '',
    role?.requirements ?? '',
    mailbox.split('@')[1] ?? '',
    ...inbound.map((m) => m.strippedText ?? m.textBody ?? ''),
  ].filter((t) => t.trim().length > 0);
}

/** The role's other candidates: their names and what the team wrote about them (fit summaries, scorecards). */
async function otherCandidates(deps: AgentDeps, facts: RunFacts): Promise<{ names: string[]; notes: string[] }> {
  const others = await deps.prisma.application.findMany({
    where: { roleId: facts.role.id, candidateId: { not: facts.candidate.id } },
    select: {
      fitSummary: true,
      candidate: { select: { name: true } },
      interviews: {
        select: {
          debrief: { select: { synthesis: true } },
          scorecards: { select: { notes: true, versions: { select: { notes: true } } } },
        },
      },
    },
    orderBy: { createdAt: 'desc' },
    take: 500,
  });
  return {
    names: others.map((o) => o.candidate.name),
    notes: others
      .flatMap((o) => [
        o.fitSummary,
        ...o.interviews.flatMap((i) => [
          i.debrief?.synthesis,
          ...i.scorecards.flatMap((s) => [s.notes, ...s.versions.map((v) => v.notes)]),
        ]),
      ])
      .filter((t): t is string => !!t && t.trim().length > 0),
  };
}

/**
 * Notes the candidate must not see: the fit summary, scorecard notes (drafts and every submitted
 * version), the debriefs' syntheses, team answers marked internal.
 */
async function internalTexts(deps: AgentDeps, facts: RunFacts): Promise<string[]> {
  const ofApplication = { interview: { applicationId: facts.application.id } };
  const [scorecards, versions, debriefs] = await Promise.all([
    deps.prisma.scorecard.findMany({ where: ofApplication, select: { notes: true } }),
    deps.prisma.scorecardVersion.findMany({ where: { scorecard: ofApplication }, select: { notes: true } }),
    deps.prisma.debrief.findMany({ where: ofApplication, select: { synthesis: true } }),
  ]);
  const answers = await deps.prisma.agentStep.findMany({
    where: { runId: facts.run.id, kind: 'NOTE', name: 'event', eventKey: { startsWith: 'team-answer:' } },
    select: { input: true },
  });
  return [
    facts.application.fitSummary,
    ...scorecards.map((s) => s.notes),
    ...versions.map((v) => v.notes),
    ...debriefs.map((d) => d.synthesis),
    ...answers.flatMap((a) => {
      const { event } = a.input as { event: { internal?: boolean; answer?: string } };
      return event.internal && event.answer ? [event.answer] : [];
    }),
  ].filter((t): t is string => !!t && t.trim().length > 0);
}

/** Queues the email (held to the candidate's sending hours) and starts the silence clock. */
export async function queueEmail(
  tx: Tx,
  deps: AgentDeps,
  facts: RunFacts,
  { body, includeOptions, key }: { body: string; includeOptions: boolean; key: string },
): Promise<void> {
  await lockStillScheduling(tx, facts.application.id);
  if (!deps.mailbox) throw new Refused('Gmail is not connected, so no email can be sent; hand over');
  const mailbox = deps.mailbox;
  const now = deps.now();
  const zone = facts.zone ?? facts.displayZone;
  const sendAt = nextSendingTime(now, zone, facts.role.policy.sendHours);
  const effectId = await sendCandidateEmail(
    { tx, boss: deps.boss, mailbox },
    {
      applicationId: facts.application.id,
      text: body,
      key,
      notBefore: sendAt.getTime() > now.getTime() ? sendAt : undefined,
      now,
    },
  );
  if (includeOptions && facts.interview)
    await tx.slotProposal.updateMany({
      where: { interviewId: facts.interview.id, status: 'APPROVED' },
      data: { status: 'OFFERED' },
    });
  // While the candidate owes us an answer (no booking yet), silence is followed up.
  const waiting = facts.interview && facts.interview.status !== 'BOOKED';
  await tx.agentRun.update({
    where: { id: facts.run.id },
    data: { followUpAt: waiting ? addBusinessDays(sendAt, facts.role.policy.nudgeAfterBusinessDays, zone) : null },
  });
  await tx.applicationEvent.create({
    data: {
      applicationId: facts.application.id,
      actorType: 'AGENT',
      actorId: facts.run.id,
      type: 'agent.email',
      data: { effectId, key, includeOptions, heldUntil: sendAt > now ? sendAt.toISOString() : null },
    },
  });
}

/** With "approve every email", the draft goes to the team with Send / Discard; the click decides. */
async function askToSend(
  deps: AgentDeps,
  facts: RunFacts,
  input: EmailInput,
  body: string,
  call: Call,
): Promise<ToolOutcome> {
  const where = teamDestination(facts);
  if (!where) throw new Refused('the role has no Slack channel or recruiter to approve emails; hand over');
  await deps.prisma.$transaction(async (tx) => {
    const seq = await appendStep(tx, call.runId, {
      kind: 'TOOL_RESULT',
      name: call.name,
      input: { toolUseId: call.toolUseId, input: call.input },
      output: {
        ok: true,
        result: { status: 'waiting_for_team', note: 'The team approves every email for this role. Wait.' },
        endsTurn: true,
        draft: { body, includeOptions: input.include_options },
      },
    });
    const message = agentDecisionBlocks({
      kind: 'email',
      runId: call.runId,
      seq,
      candidateName: facts.candidate.name,
      body,
    });
    await askTeamToDecide(tx, deps.boss, {
      runId: call.runId,
      toolUseId: call.toolUseId,
      applicationId: facts.application.id,
      where,
      message,
    });
  });
  return WAITING_FOR_TEAM;
}
