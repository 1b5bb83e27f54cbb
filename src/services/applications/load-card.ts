import type { DbOrTx } from '../../db/prisma.js';
import type { CardData } from '../../slack/blocks/candidate-card.js';

/** Everything the candidate card shows, read now (a card always shows the current state). */
export async function loadCardData(
  db: DbOrTx,
  applicationId: string,
): Promise<(CardData & { channel: string | null; ts: string | null; createdAt: Date }) | null> {
  const app = await db.application.findUnique({
    where: { id: applicationId },
    select: {
      id: true,
      version: true,
      stage: true,
      planPosition: true,
      source: true,
      fitSummary: true,
      slackChannelId: true,
      slackMessageTs: true,
      createdAt: true,
      candidate: { select: { name: true, displayEmail: true } },
      role: {
        select: {
          title: true,
          slackChannelId: true,
          policy: true,
          stages: { orderBy: { position: 'asc' }, select: { name: true } },
        },
      },
      offers: {
        orderBy: { createdAt: 'desc' },
        take: 1,
        select: {
          status: true,
          version: true,
          approvals: {
            where: { decision: { not: 'APPROVED' } },
            orderBy: [{ offerVersion: 'desc' }, { position: 'asc' }],
            select: { offerVersion: true, approver: { select: { name: true } } },
          },
        },
      },
      documents: {
        where: { kind: 'CV' },
        orderBy: { createdAt: 'desc' },
        take: 1,
        select: { id: true, filename: true, textStatus: true, error: true },
      },
      interviews: {
        where: { status: { not: 'CANCELLED' } },
        orderBy: { createdAt: 'desc' },
        take: 1,
        select: {
          status: true,
          startsAt: true,
          stage: { select: { position: true } },
          interviewers: { select: { user: { select: { name: true } } } },
          scorecards: { select: { status: true } },
          debrief: { select: { postedAt: true, decision: true } },
        },
      },
    },
  });
  if (!app) return null;
  const policy = (app.role.policy ?? {}) as { showEmailInChannel?: boolean };
  return {
    applicationId: app.id,
    version: app.version,
    candidateName: app.candidate.name,
    candidateEmail: app.candidate.displayEmail,
    roleTitle: app.role.title,
    stage: app.stage,
    planPosition: app.planPosition,
    planLength: app.role.stages.length,
    planStepNames: app.role.stages.map((s) => s.name),
    source: app.source,
    fitSummary: app.fitSummary,
    cvFilename: app.documents[0]?.filename ?? null,
    cvProblem:
      app.documents[0] && ['FAILED', 'IMAGE_ONLY', 'UNSUPPORTED'].includes(app.documents[0].textStatus)
        ? { documentId: app.documents[0].id, reason: app.documents[0].error ?? 'could not be read' }
        : null,
    showEmail: policy.showEmailInChannel === true,
    interview: currentInterview(app.interviews[0], app.planPosition),
    offer: app.offers[0]
      ? {
          status: app.offers[0].status,
          waitingFor:
            app.offers[0].approvals.find((a) => a.offerVersion === app.offers[0]!.version)?.approver.name ?? null,
        }
      : null,
    channel: app.slackChannelId ?? app.role.slackChannelId,
    ts: app.slackMessageTs,
    createdAt: app.createdAt,
  };
}

type LatestInterview = {
  status: string;
  startsAt: Date | null;
  stage: { position: number };
  interviewers: Array<{ user: { name: string } }>;
  scorecards: Array<{ status: string }>;
  debrief: { postedAt: Date | null; decision: string | null } | null;
};

/** The latest interview, if it is for the step the application is at now. */
function currentInterview(latest: LatestInterview | undefined, planPosition: number | null): CardData['interview'] {
  if (!latest || latest.stage.position !== planPosition) return null;
  return {
    status: latest.status,
    startsAt: latest.startsAt,
    interviewers: latest.interviewers.map((i) => i.user.name),
    scorecards: latest.scorecards.length
      ? { in: latest.scorecards.filter((c) => c.status === 'SUBMITTED').length, of: latest.scorecards.length }
      : null,
    debrief: latest.debrief?.postedAt ? { onHold: latest.debrief.decision === 'HOLD' } : null,
  };
}
