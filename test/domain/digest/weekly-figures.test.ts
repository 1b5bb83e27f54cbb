import { describe, expect, it } from 'vitest';
import {
  countsAt,
  median,
  movesInto,
  stageAt,
  staysEnded,
  type ApplicationHistory,
  type StageMove,
} from '../../../src/domain/digest/stage-history.js';
import { describeHours, weeklyFigures, type DigestFacts } from '../../../src/domain/digest/weekly-figures.js';
import type { Stage } from '../../../src/domain/pipeline/stages.js';

// The digest's week: Monday 8 March 2027 09:00 UTC to Monday 15 March 09:00 UTC.
const AT = new Date('2027-03-15T09:00:00Z');
const t = (iso: string) => new Date(`2027-03-${iso}Z`);
const move = (at: string, fromStage: Stage, toStage: Stage): StageMove => ({ at: t(at), fromStage, toStage });
const app = (createdAt: string, stage: Stage, moves: StageMove[] = []): ApplicationHistory => ({
  createdAt: t(createdAt),
  stage,
  moves,
});

// Ada applied two weeks ago and was screened this week; Bo applied this week and waits; Cy was
// rejected this week from screening; Di moved through scheduling to a booked interview.
const ada = app('01T10:00:00', 'SCREENING', [move('09T09:00:00', 'NEW', 'SCREENING')]);
const bo = app('10T12:00:00', 'NEW');
const cy = app('02T08:00:00', 'REJECTED', [
  move('03T08:00:00', 'NEW', 'SCREENING'),
  move('11T08:00:00', 'SCREENING', 'REJECTED'),
]);
const di = app('05T08:00:00', 'INTERVIEW_SCHEDULED', [
  move('08T08:00:00', 'NEW', 'SCREENING'),
  move('09T08:00:00', 'SCREENING', 'SCHEDULING'),
  move('12T08:00:00', 'SCHEDULING', 'INTERVIEW_SCHEDULED'),
]);
// Arrived after the digest's moment: not in this digest.
const late = app('15T10:00:00', 'NEW');

describe('stageAt', () => {
  it.each([
    ['before it arrived', ada, '01T09:00:00', null],
    ['at the instant it arrived: not yet (that instant starts the next week)', ada, '01T10:00:00', null],
    ['after arriving, before any move: the first move’s fromStage', ada, '01T10:00:01', 'NEW'],
    ['at the instant of a move: still the stage before', ada, '09T09:00:00', 'NEW'],
    ['just after a move: the new stage', ada, '09T09:00:01', 'SCREENING'],
    ['without moves: where it is now', bo, '14T00:00:00', 'NEW'],
    ['between moves', di, '10T00:00:00', 'SCHEDULING'],
    ['after its last move', cy, '14T00:00:00', 'REJECTED'],
  ] as const)('%s', (_name, history, at, expected) => {
    expect(stageAt(history, t(at))).toBe(expected);
  });
});

describe('counts, stays and moves over the week', () => {
  const apps = [ada, bo, cy, di, late];
  const from = new Date(AT.getTime() - 7 * 86_400_000);

  it('counts per stage now and a week ago, leaving out what had not arrived', () => {
    expect(countsAt(apps, AT)).toEqual({ SCREENING: 1, NEW: 1, REJECTED: 1, INTERVIEW_SCHEDULED: 1 });
    expect(countsAt(apps, from)).toEqual({ NEW: 1, SCREENING: 2 });
  });

  it('takes each stay that ended this week, from its entry (or the arrival) to the move', () => {
    expect(staysEnded(ada, from, AT)).toEqual([
      { stage: 'NEW', enteredAt: t('01T10:00:00'), leftAt: t('09T09:00:00') },
    ]);
    expect(staysEnded(di, from, AT).map((s) => s.stage)).toEqual(['SCREENING', 'SCHEDULING']);
    // Di's NEW stay ended at 08:00 on the 8th, an hour before the week began.
    expect(staysEnded(di, from, AT).some((s) => s.stage === 'NEW')).toBe(false);
    expect(staysEnded(bo, from, AT)).toEqual([]);
  });

  it('counts moves into each stage this week', () => {
    expect(movesInto(apps, from, AT)).toEqual({ SCREENING: 1, REJECTED: 1, SCHEDULING: 1, INTERVIEW_SCHEDULED: 1 });
  });

  it.each([
    [[], null],
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
  ])('the median of %j is %s', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});

describe('weeklyFigures', () => {
  const facts: DigestFacts = {
    at: AT,
    applications: [ada, bo, cy, di, late],
    stuck: [{ candidateName: 'Ada', stage: 'SCREENING', days: 6 }],
    stuckTotal: 1,
    stuckDays: 5,
    upcoming: [
      { candidateName: 'Later', stepName: 'Intro call', startsAt: t('22T09:00:00') },
      { candidateName: 'Di', stepName: 'Intro call', startsAt: t('16T14:00:00') },
      { candidateName: 'Past', stepName: 'Intro call', startsAt: t('15T08:00:00') },
      { candidateName: 'Soon', stepName: 'Intro call', startsAt: t('15T10:00:00') },
    ],
    owed: [
      { interviewerSlackId: 'U1', candidateName: 'A', stepName: 'Intro call', dueAt: t('14T09:00:00') },
      { interviewerSlackId: 'U2', candidateName: 'B', stepName: 'Intro call', dueAt: t('14T08:59:00') },
      { interviewerSlackId: 'U3', candidateName: 'C', stepName: 'Intro call', dueAt: t('11T09:00:00') },
    ],
    offersOut: 2,
    agent: { emailsSent: 4, interviewsBooked: 1, handOvers: 1, costPerScheduledInterviewUsd: 0.04 },
  };
  const figures = weeklyFigures(facts);

  it('gives every open stage now, a week ago, the change and the median stay of those who left it', () => {
    expect(figures.stages).toEqual([
      { stage: 'NEW', now: 1, weekAgo: 1, change: 0, medianHours: 191, left: 1 },
      // Cy's 192 hours and Di's 24.
      { stage: 'SCREENING', now: 1, weekAgo: 2, change: -1, medianHours: 108, left: 2 },
      { stage: 'SCHEDULING', now: 0, weekAgo: 0, change: 0, medianHours: 72, left: 1 },
      { stage: 'INTERVIEW_SCHEDULED', now: 1, weekAgo: 0, change: 1, medianHours: null, left: 0 },
      { stage: 'INTERVIEWED', now: 0, weekAgo: 0, change: 0, medianHours: null, left: 0 },
      { stage: 'OFFER', now: 0, weekAgo: 0, change: 0, medianHours: null, left: 0 },
    ]);
    expect(figures).toMatchObject({ arrived: 1, hired: 0, rejected: 1, withdrawn: 0, offersOut: 2 });
    expect(figures.from).toEqual(t('08T09:00:00'));
  });

  it('lists the coming week’s interviews in order, and scorecards more than 24 hours late', () => {
    expect(figures.upcoming.map((i) => i.candidateName)).toEqual(['Soon', 'Di']);
    expect(figures.late.map((s) => [s.interviewerSlackId, s.daysLate])).toEqual([
      ['U3', 4],
      ['U2', 1],
    ]);
    expect(figures.stuck).toEqual([{ candidateName: 'Ada', stage: 'SCREENING', days: 6, waitingOn: 'recruiter' }]);
  });

  it.each([
    [0.2, '12 min'],
    [0.001, '1 min'],
    [5.4, '5 h'],
    [47, '47 h'],
    [60, '2.5 days'],
    [191, '8 days'],
  ])('says %s hours as “%s”', (hours, said) => {
    expect(describeHours(hours)).toBe(said);
  });
});
