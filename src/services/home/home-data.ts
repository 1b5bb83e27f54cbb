import type { DbOrTx } from '../../db/prisma.js';

export type HomeData = {
  interviews: { startsAt: Date; endsAt: Date; candidateName: string; roleTitle: string; stageName: string }[];
  scorecardsOwed: {
    scorecardId: string;
    draft: boolean;
    endedAt: Date;
    candidateName: string;
    roleTitle: string;
    stageName: string;
  }[];
  offerApprovals: { candidateName: string; roleTitle: string }[];
  slotApprovals: { candidateName: string; roleTitle: string; count: number }[];
  roles: { title: string; status: string; active: number; hired: number }[];
};

/** What one person's App Home shows, read now. */
export async function homeData(
  db: DbOrTx,
  { slackUserId, now }: { slackUserId: string; now: Date },
): Promise<HomeData> {
  const me = { user: { slackUserId } };
  const weekAhead = new Date(now.getTime() + 7 * 86_400_000);
  const [interviews, owed, offers, proposals, roles] = await Promise.all([
    db.interview.findMany({
      where: { status: 'BOOKED', startsAt: { gte: now, lte: weekAhead }, interviewers: { some: me } },
      orderBy: { startsAt: 'asc' },
      take: 15,
      select: {
        startsAt: true,
        endsAt: true,
        stage: { select: { name: true } },
        application: { select: { candidate: { select: { name: true } }, role: { select: { title: true } } } },
      },
    }),
    // Exactly the scorecards this person has not submitted (drafts included), oldest first.
    db.scorecard.findMany({
      where: {
        interviewer: { slackUserId },
        status: { not: 'SUBMITTED' },
        // A closed application (rejected, withdrawn, hired) no longer waits for it.
        interview: {
          application: { candidate: { erasedAt: null }, stage: { notIn: ['HIRED', 'REJECTED', 'WITHDRAWN'] } },
        },
      },
      orderBy: { dueAt: 'asc' },
      take: 15,
      select: {
        id: true,
        status: true,
        dueAt: true,
        interview: {
          select: {
            stage: { select: { name: true } },
            application: { select: { candidate: { select: { name: true } }, role: { select: { title: true } } } },
          },
        },
      },
    }),
    // Approvals of the current version whose turn has come (everyone before approved).
    db.offerApproval.findMany({
      where: { decision: 'PENDING', approver: { slackUserId }, offer: { status: 'PENDING_APPROVAL' } },
      take: 30,
      select: {
        offerVersion: true,
        position: true,
        offer: {
          select: {
            version: true,
            approvals: { select: { offerVersion: true, position: true, decision: true } },
            application: { select: { candidate: { select: { name: true } }, role: { select: { title: true } } } },
          },
        },
      },
    }),
    db.interview.findMany({
      where: {
        status: 'AWAITING_APPROVAL',
        application: { role: { OR: [{ recruiter: { slackUserId } }, { hiringManager: { slackUserId } }] } },
      },
      take: 15,
      select: {
        _count: { select: { proposals: { where: { status: 'PROPOSED' } } } },
        application: { select: { candidate: { select: { name: true } }, role: { select: { title: true } } } },
      },
    }),
    db.role.findMany({
      where: {
        status: { in: ['OPEN', 'PAUSED'] },
        OR: [{ recruiter: { slackUserId } }, { hiringManager: { slackUserId } }],
      },
      orderBy: { createdAt: 'asc' },
      take: 15,
      select: {
        title: true,
        status: true,
        _count: { select: { applications: { where: { stage: { notIn: ['HIRED', 'REJECTED', 'WITHDRAWN'] } } } } },
        applications: { where: { stage: 'HIRED' }, select: { id: true } },
      },
    }),
  ]);
  return {
    interviews: interviews.map((i) => ({
      startsAt: i.startsAt!,
      endsAt: i.endsAt!,
      candidateName: i.application.candidate.name,
      roleTitle: i.application.role.title,
      stageName: i.stage.name,
    })),
    scorecardsOwed: owed.map((c) => ({
      scorecardId: c.id,
      draft: c.status === 'DRAFT',
      endedAt: c.dueAt,
      candidateName: c.interview.application.candidate.name,
      roleTitle: c.interview.application.role.title,
      stageName: c.interview.stage.name,
    })),
    offerApprovals: offers
      .filter(
        (a) =>
          a.offerVersion === a.offer.version &&
          a.offer.approvals.every(
            (b) => b.offerVersion !== a.offerVersion || b.position >= a.position || b.decision === 'APPROVED',
          ),
      )
      .slice(0, 15)
      .map((o) => ({
        candidateName: o.offer.application.candidate.name,
        roleTitle: o.offer.application.role.title,
      })),
    slotApprovals: proposals.map((p) => ({
      candidateName: p.application.candidate.name,
      roleTitle: p.application.role.title,
      count: p._count.proposals,
    })),
    roles: roles.map((r) => ({
      title: r.title,
      status: r.status,
      active: r._count.applications,
      hired: r.applications.length,
    })),
  };
}
