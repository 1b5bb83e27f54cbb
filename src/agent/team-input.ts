import type { PrismaClient } from '../db/prisma.js';
import { normaliseEmail } from '../domain/intake/normalise-email.js';
import { AppError } from '../errors.js';
import { enqueue, type Boss } from '../jobs/boss.js';
import { pauseAgentEverywhere, pauseAgentFor, resumeAgent } from './kill-switch.js';

type Deps = { prisma: PrismaClient; boss: Boss };

/**
 * The team approves or declines an email or booking the agent asked to make. A compare-and-set
 * on the decision (one audit row per request, under a lock): the first click wins, a second is
 * told who decided. The agent is woken with the decision.
 */
export async function decideAgentRequest(
  deps: Deps,
  { runId, seq, approved, by }: { runId: string; seq: number; approved: boolean; by: string },
): Promise<void> {
  await deps.prisma.$transaction(async (tx) => {
    const subjectId = `${runId}:${seq}`;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`agent-decision:${subjectId}`}, 0))`;
    const earlier = await tx.auditEntry.findFirst({
      where: { action: 'agent.decision', subjectType: 'AgentStep', subjectId },
      select: { actorId: true, data: true },
    });
    if (earlier)
      throw new AppError('STALE_STATE', 'already decided', {
        userMessage:
          `Already decided: <@${earlier.actorId}> ` +
          `${(earlier.data as { approved: boolean }).approved ? 'approved' : 'declined'} this.`,
      });
    const run = await tx.agentRun.findUnique({ where: { id: runId }, select: { applicationId: true, status: true } });
    if (!run || (run.status !== 'RUNNING' && run.status !== 'WAITING'))
      throw new AppError('STALE_STATE', 'run ended', {
        userMessage: 'Justin is no longer working on this candidate; nothing was done.',
      });
    await tx.auditEntry.create({
      data: {
        actorType: 'USER',
        actorId: by,
        action: 'agent.decision',
        subjectType: 'AgentStep',
        subjectId,
        data: { approved },
      },
    });
    await enqueue(
      deps.boss,
      tx,
      'agent.turn',
      {
        applicationId: run.applicationId,
        key: `decision:${subjectId}`,
        event: { type: 'team-decided', runId, seq, approved, by },
      },
      { singletonKey: run.applicationId },
    );
  });
}

/** The team's answer to the agent's question (internal answers are used, never quoted). */
export async function answerAgentQuestion(
  deps: Deps,
  { runId, answer, internal, by, key }: { runId: string; answer: string; internal: boolean; by: string; key: string },
): Promise<void> {
  const run = await deps.prisma.agentRun.findUnique({
    where: { id: runId },
    select: { applicationId: true, status: true },
  });
  if (!run || (run.status !== 'RUNNING' && run.status !== 'WAITING'))
    throw new AppError('STALE_STATE', 'run ended', {
      userMessage: 'Justin is no longer working on this candidate; answer them by email instead.',
    });
  await deps.prisma.$transaction(async (tx) => {
    await tx.auditEntry.create({
      data: {
        actorType: 'USER',
        actorId: by,
        action: 'agent.answer',
        subjectType: 'AgentRun',
        subjectId: runId,
        data: { internal },
      },
    });
    await enqueue(
      deps.boss,
      tx,
      'agent.turn',
      {
        applicationId: run.applicationId,
        key: `team-answer:${key}`,
        event: { type: 'team-answered', runId, answer, internal, by },
      },
      { singletonKey: run.applicationId },
    );
  });
}

/**
 * `/hire agent stop|start all|<candidate email>` (the address as typed, unwrapped): the kill
 * switch from Slack. Returns what to tell the admin.
 */
export async function agentSwitch(
  deps: Deps,
  {
    verb,
    target,
    by,
    mayAct,
  }: {
    verb: 'stop' | 'start';
    target: string;
    by: string;
    /** Which of the candidate's applications the person may direct the agent for (their role's, say). */
    mayAct: (applicationId: string) => Promise<boolean>;
  },
): Promise<string> {
  if (/^all$/i.test(target)) {
    if (verb === 'stop') {
      await pauseAgentEverywhere(deps, { reason: `stopped by <@${by}>`, by });
      return 'Justin has stopped writing to every candidate. Events are kept; `/hire agent start all` resumes.';
    }
    const woken = await resumeAgent(deps, { by });
    return (
      `Justin is back on; ${woken} conversation${woken === 1 ? '' : 's'} resume${woken === 1 ? 's' : ''} from ` +
      'where they were.'
    );
  }
  const email = normaliseEmail(target);
  const all = await deps.prisma.application.findMany({ where: { candidate: { email } }, select: { id: true } });
  if (all.length === 0)
    throw new AppError('NOT_FOUND', 'no such candidate', { userMessage: `No candidate with the address ${email}.` });
  const apps = [];
  for (const app of all) if (await mayAct(app.id)) apps.push(app);
  if (apps.length === 0) {
    throw new AppError('FORBIDDEN', 'not theirs', {
      userMessage:
        `Directing the agent for ${email} is for recruiters, hiring managers and admins, and the people ` +
        'named on the role.',
    });
  }
  for (const app of apps) {
    if (verb === 'stop') await pauseAgentFor(deps, { applicationId: app.id, by });
    else await resumeAgent(deps, { applicationId: app.id, by });
  }
  return verb === 'stop'
    ? `Justin has stopped writing to ${email}. \`/hire agent start ${email}\` resumes.`
    : `Justin carries on with ${email}.`;
}
