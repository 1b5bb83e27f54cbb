import type { DbOrTx } from '../db/prisma.js';
import { agentPolicyOf, type AgentPolicy } from '../domain/agent/agent-policy.js';
import { isZoneName } from '../domain/time/zone-name.js';

export type RunOption = {
  n: number;
  proposalId: string;
  start: Date;
  end: Date;
  status: string;
  interviewerIds: string[];
};

/** What the code knows about a run's application, read fresh before each decision. */
export type RunFacts = {
  run: {
    id: string;
    status: string;
    interviewId: string | null;
    nudgesSent: number;
    violations: number;
    turns: number;
    tokens: number;
  };
  application: {
    id: string;
    stage: string;
    agentPaused: boolean;
    slackChannelId: string | null;
    slackMessageTs: string | null;
    fitSummary: string | null;
  };
  candidate: {
    id: string;
    name: string;
    firstName: string;
    email: string;
    displayEmail: string;
    timeZone: string | null;
    erased: boolean;
  };
  role: {
    id: string;
    title: string;
    slackChannelId: string | null;
    recruiterSlackId: string | null;
    policy: AgentPolicy;
  };
  interview: {
    id: string;
    status: string;
    startsAt: Date | null;
    endsAt: Date | null;
    candidateZone: string | null;
    meetUrl: string | null;
    stageName: string;
    durationMinutes: number;
    kind: string;
  } | null;
  /** The candidate's zone if we know it (an IANA name), else null. */
  zone: string | null;
  /** The zone times are shown in: the candidate's, or else the first interviewer's. */
  displayZone: string;
  /** The times currently offered or ready to offer, numbered as the candidate sees them. */
  options: RunOption[];
  /** Whether this interview ever had times approved (the first proposal is the one that may need approval). */
  everApproved: boolean;
};

export async function loadRunFacts(db: DbOrTx, runId: string): Promise<RunFacts> {
  const run = await db.agentRun.findUniqueOrThrow({
    where: { id: runId },
    include: {
      application: {
        include: { candidate: true, role: { include: { recruiter: { select: { slackUserId: true } } } } },
      },
      interview: { include: { stage: { include: { pool: { include: { user: { select: { timeZone: true } } } } } } } },
    },
  });
  const { application: app, interview } = run;
  const proposals = interview
    ? await db.slotProposal.findMany({
        where: { interviewId: interview.id },
        orderBy: { startsAt: 'asc' },
        select: { id: true, startsAt: true, endsAt: true, status: true, interviewerIds: true, approvedAt: true },
      })
    : [];
  const current = proposals.filter((p) => p.status === 'APPROVED' || p.status === 'OFFERED');
  const known =
    [interview?.candidateZone, app.candidate.timeZone].find((z): z is string => !!z && isZoneName(z)) ?? null;
  return {
    run: {
      id: run.id,
      status: run.status,
      interviewId: run.interviewId,
      nudgesSent: run.nudgesSent,
      violations: run.violations,
      turns: run.turns,
      tokens: run.inputTokens + run.outputTokens + run.cacheReadTokens + run.cacheWriteTokens,
    },
    application: {
      id: app.id,
      stage: app.stage,
      agentPaused: app.agentPaused,
      slackChannelId: app.slackChannelId,
      slackMessageTs: app.slackMessageTs,
      fitSummary: app.fitSummary,
    },
    candidate: {
      id: app.candidate.id,
      name: app.candidate.name,
      firstName: app.candidate.name.split(/\s+/)[0] ?? app.candidate.name,
      email: app.candidate.email,
      displayEmail: app.candidate.displayEmail,
      timeZone: app.candidate.timeZone,
      erased: !!app.candidate.erasedAt,
    },
    role: {
      id: app.role.id,
      title: app.role.title,
      slackChannelId: app.role.slackChannelId,
      recruiterSlackId: app.role.recruiter?.slackUserId ?? null,
      policy: agentPolicyOf(app.role.policy),
    },
    interview: interview
      ? {
          id: interview.id,
          status: interview.status,
          startsAt: interview.startsAt,
          endsAt: interview.endsAt,
          candidateZone: interview.candidateZone,
          meetUrl: interview.meetUrl,
          stageName: interview.stage.name,
          durationMinutes: interview.stage.durationMinutes,
          kind: interview.stage.kind,
        }
      : null,
    zone: known,
    displayZone: known ?? interview?.stage.pool.map((m) => m.user.timeZone).sort()[0] ?? 'UTC',
    options: current.map((p, i) => ({
      n: i + 1,
      proposalId: p.id,
      start: p.startsAt,
      end: p.endsAt,
      status: p.status,
      interviewerIds: p.interviewerIds,
    })),
    everApproved: proposals.some((p) => p.approvedAt !== null),
  };
}

/**
 * Where the agent talks to the team about this candidate: the card's thread, else the role's
 * channel, else the recruiter.
 */
export function teamDestination(facts: RunFacts): { channel: string; thread_ts?: string } | null {
  if (facts.application.slackChannelId && facts.application.slackMessageTs)
    return { channel: facts.application.slackChannelId, thread_ts: facts.application.slackMessageTs };
  const channel = facts.role.slackChannelId ?? facts.role.recruiterSlackId;
  return channel ? { channel } : null;
}
