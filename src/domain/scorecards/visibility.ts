// Who may read which scorecards of one application. Independent until submitted: someone who
// still owes a scorecard for this candidate sees nobody else's, whatever their role, so what
// they write is their own view. Once they owe none, the people who decide (the role's hiring
// manager and recruiter, the team's recruiters and admins) see every submitted scorecard, and
// an interviewer sees the others of the interviews they submitted for. Drafts are their
// writer's alone. Every surface that shows scorecard content goes through this.

export type ScorecardFacts = {
  id: string;
  interviewId: string;
  interviewerId: string;
  status: 'PENDING' | 'DRAFT' | 'SUBMITTED';
};

export type Viewer = { userId: string | null; decides: boolean };

export type Visibility = {
  /** Scorecards this person may read: their own, and others' submitted ones they are allowed. */
  visible: ScorecardFacts[];
  /** Submitted scorecards of others they may not read yet, and why. */
  hidden: number;
  why: 'owes-own' | 'not-deciding' | null;
};

export function scorecardVisibility(viewer: Viewer, cards: ScorecardFacts[]): Visibility {
  const mine = cards.filter((c) => viewer.userId !== null && c.interviewerId === viewer.userId);
  const others = cards.filter((c) => c.status === 'SUBMITTED' && !mine.includes(c));
  if (mine.some((c) => c.status !== 'SUBMITTED'))
    return { visible: mine, hidden: others.length, why: others.length ? 'owes-own' : null };
  const peerOf = new Set(mine.filter((c) => c.status === 'SUBMITTED').map((c) => c.interviewId));
  const allowed = others.filter((c) => viewer.decides || peerOf.has(c.interviewId));
  const hidden = others.length - allowed.length;
  return { visible: [...mine, ...allowed], hidden, why: hidden ? 'not-deciding' : null };
}
