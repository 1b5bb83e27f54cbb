import type { Stage } from '../pipeline/stages.js';
import { waitingOn, type Waiter } from '../pipeline/waiting-on.js';
import { countsAt, median, movesInto, OPEN_STAGES, staysEnded, type ApplicationHistory } from './stage-history.js';

// A role's week in figures, for the weekly digest: everything computed here from facts the
// service read, so the same facts always give the same digest.

export const WEEK_MS = 7 * 86_400_000;
/** A scorecard is late this long after its interview ended. */
export const SCORECARD_LATE_AFTER_MS = 24 * 3_600_000;

export type DigestFacts = {
  /** The digest's moment: its week is the 7 days before it. */
  at: Date;
  applications: readonly ApplicationHistory[];
  /** Not moved for a while (as /pipeline shows them), the longest-waiting first, and how many in all. */
  stuck: readonly { candidateName: string; stage: Stage; days: number }[];
  stuckTotal: number;
  stuckDays: number;
  /** Booked interviews of the role starting in the 7 days after `at`. */
  upcoming: readonly { candidateName: string; stepName: string; startsAt: Date }[];
  /** Scorecards still owed (pending or a draft), with the end of their interview. */
  owed: readonly { interviewerSlackId: string; candidateName: string; stepName: string; dueAt: Date }[];
  /** Offers sent to candidates and not yet answered. */
  offersOut: number;
  agent: {
    emailsSent: number;
    interviewsBooked: number;
    handOvers: number;
    costPerScheduledInterviewUsd: number | null;
  };
};

export type StageRow = {
  stage: Stage;
  now: number;
  weekAgo: number;
  change: number;
  /** Median hours spent in this stage by the applications that left it this week; null if none did. */
  medianHours: number | null;
  left: number;
};

export type WeeklyFigures = {
  from: Date;
  to: Date;
  stages: StageRow[];
  /** Applications that arrived this week. */
  arrived: number;
  hired: number;
  rejected: number;
  withdrawn: number;
  stuck: { candidateName: string; stage: Stage; days: number; waitingOn: Waiter }[];
  stuckTotal: number;
  stuckDays: number;
  upcoming: { candidateName: string; stepName: string; startsAt: Date }[];
  late: { interviewerSlackId: string; candidateName: string; stepName: string; dueAt: Date; daysLate: number }[];
  offersOut: number;
  agent: DigestFacts['agent'];
};

/** The week before `at`, in figures: counts per open stage now and a week ago, medians, and the lists. */
export function weeklyFigures(facts: DigestFacts): WeeklyFigures {
  const to = facts.at;
  const from = new Date(to.getTime() - WEEK_MS);
  const now = countsAt(facts.applications, to);
  const weekAgo = countsAt(facts.applications, from);
  const stays = facts.applications.flatMap((app) => staysEnded(app, from, to));
  const stages = OPEN_STAGES.map((stage) => {
    const hours = stays
      .filter((s) => s.stage === stage)
      .map((s) => (s.leftAt.getTime() - s.enteredAt.getTime()) / 3_600_000);
    const n = now[stage] ?? 0;
    const before = weekAgo[stage] ?? 0;
    return { stage, now: n, weekAgo: before, change: n - before, medianHours: median(hours), left: hours.length };
  });
  const closedThisWeek = movesInto(facts.applications, from, to);
  const inWeek = (t: Date) => t.getTime() >= from.getTime() && t.getTime() < to.getTime();
  return {
    from,
    to,
    stages,
    arrived: facts.applications.filter((a) => inWeek(a.createdAt)).length,
    hired: closedThisWeek.HIRED ?? 0,
    rejected: closedThisWeek.REJECTED ?? 0,
    withdrawn: closedThisWeek.WITHDRAWN ?? 0,
    stuck: facts.stuck.map((s) => ({ ...s, waitingOn: waitingOn(s.stage) })),
    stuckTotal: facts.stuckTotal,
    stuckDays: facts.stuckDays,
    upcoming: facts.upcoming
      .filter((i) => i.startsAt.getTime() >= to.getTime() && i.startsAt.getTime() < to.getTime() + WEEK_MS)
      .toSorted((a, b) => a.startsAt.getTime() - b.startsAt.getTime()),
    late: facts.owed
      .filter((s) => to.getTime() - s.dueAt.getTime() > SCORECARD_LATE_AFTER_MS)
      .map((s) => ({ ...s, daysLate: Math.floor((to.getTime() - s.dueAt.getTime()) / 86_400_000) }))
      .toSorted((a, b) => a.dueAt.getTime() - b.dueAt.getTime()),
    offersOut: facts.offersOut,
    agent: facts.agent,
  };
}

/** "45 min", "5 h", "2.5 days": how long, as people say it. */
export function describeHours(hours: number): string {
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} min`;
  if (hours < 48) return `${Math.round(hours)} h`;
  const days = Math.round((hours / 24) * 10) / 10;
  return `${days} days`;
}
