import { describe, expect, it } from 'vitest';
import type { DebriefView } from '../../src/services/debriefs/load-debrief.js';
import type { OfferView } from '../../src/services/offers/load-offer.js';
import type { ScorecardView } from '../../src/services/scorecards/load-scorecard.js';
import { weeklyFigures } from '../../src/domain/digest/weekly-figures.js';
import {
  agentDecisionBlocks,
  answerModal,
  askTeamBlocks,
  guardrailBlocks,
  handOverBlocks,
  withdrawalQuestion,
} from '../../src/slack/blocks/agent-messages.js';
import {
  calendarUnreadableForPerson,
  calendarUnreadableForRecruiter,
} from '../../src/slack/blocks/calendar-unreadable.js';
import { candidateCard, closeModal, type CardData } from '../../src/slack/blocks/candidate-card.js';
import { candidateDetailsMessage } from '../../src/slack/blocks/candidate-details.js';
import { candidateResults } from '../../src/slack/blocks/candidate-results.js';
import { chooseRoleMessage, roleChosenMessage } from '../../src/slack/blocks/choose-role.js';
import { debriefMessage } from '../../src/slack/blocks/debrief.js';
import { unreadableForwardMessage } from '../../src/slack/blocks/unreadable-forward.js';
import { eraseConfirmation } from '../../src/slack/blocks/erase-confirmation.js';
import { helpMessage } from '../../src/slack/blocks/help.js';
import { homeView } from '../../src/slack/blocks/home.js';
import { interviewReminderMessage } from '../../src/slack/blocks/interview-reminder.js';
import { interviewerFlag } from '../../src/slack/blocks/interviewer-flag.js';
import { interviewsMessage } from '../../src/slack/blocks/interviews.js';
import {
  offerApprovalMessage,
  offerOutcomeMessage,
  offerReplyQuestion,
  offerStatusMessage,
  offerViewModal,
} from '../../src/slack/blocks/offer-messages.js';
import { offerDeclineModal, offerModal } from '../../src/slack/blocks/offer-modal.js';
import { pipelineMessage } from '../../src/slack/blocks/pipeline.js';
import { roleModal } from '../../src/slack/blocks/role-modal.js';
import { roleOpenedMessage } from '../../src/slack/blocks/role-opened.js';
import { scorecardLate, scorecardNudge, scorecardRequest } from '../../src/slack/blocks/scorecard-messages.js';
import { scorecardModal } from '../../src/slack/blocks/scorecard-modal.js';
import { scorecardSummaryBlocks, scorecardsModal } from '../../src/slack/blocks/scorecards-view.js';
import {
  calendarWarning,
  decidedApprovalMessage,
  noSlotsMessage,
  slotApprovalMessage,
} from '../../src/slack/blocks/slot-approval.js';
import { weeklyDigestMessage, digestChartComment } from '../../src/slack/blocks/weekly-digest.js';
import { escapeInCode, escapeMrkdwn, escapePlainText } from '../../src/slack/blocks/text.js';
import { findings } from './support/slack-text-check.js';

// Every builder rendered with hostile text in every string a person or the model can set
// (names, titles, emails, reasons, questions, CV text): nothing may ping or link. Ids stay
// valid (U0OK…): they are Slack's, checked by pattern where they come in.
const HOSTILE = [
  'Ada <!here> Lovelace',
  '<@U123> <!channel> <!everyone> <!subteam^S0123|devs> <#C123|general>',
  '<https://evil.example|click here>',
  'evil.example',
  'see https://evil.example/login, www.evil.example or evil.example/verify?session=1',
  'write to hr@evil.example now',
  '@here @channel @everyone #general ＠here',
  '*bold* _it_ ~x~ `evil.example` ```evil.example``` > quote',
  'Gr\u200Bace \u202Eevil.example\u0000',
  'Ada &lt;!here&gt; & evil。example',
  `${'Ada Lovelace '.repeat(400)}evil.example <!here>`,
  `${'x'.repeat(2995)} evil.example`,
];

const U = (n: string) => `U0OK${n}`;
const ID = '00000000-0000-4000-8000-000000000001';
const AT = new Date('2027-03-28T01:30:00Z');
const LATER = new Date('2027-03-28T02:30:00Z');

const card = (s: string): CardData => ({
  applicationId: ID,
  version: 1,
  candidateName: s,
  roleTitle: s,
  stage: 'INTERVIEW_SCHEDULED',
  planPosition: 0,
  planLength: 2,
  planStepNames: [s, s],
  source: s,
  fitSummary: s,
  cvFilename: s,
  cvProblem: { documentId: ID, reason: s },
  showEmail: true,
  candidateEmail: s,
  interview: { status: 'BOOKED', startsAt: AT, interviewers: [U('A')], scorecards: { in: 1, of: 2 }, debrief: null },
  offer: { status: 'PENDING_APPROVAL', waitingFor: U('B') },
});

const competencies = (s: string) => [{ id: 'c1', name: s, good: s }];
const ratings = (s: string) => ({ c1: { name: s, rating: 3 as const } });

const scorecard = (s: string): ScorecardView => ({
  id: ID,
  status: 'DRAFT',
  version: 1,
  recommendation: null,
  ratings: ratings(s),
  notes: s,
  nudgesSent: 2,
  dueAt: AT,
  draftSavedAt: AT,
  submittedAt: null,
  interviewer: { id: 'u', slackUserId: U('BEA'), name: s, timeZone: 'Europe/Berlin' },
  interview: { id: ID, status: 'COMPLETED', startsAt: AT, endsAt: LATER },
  step: { name: s, position: 0, competencies: competencies(s) },
  application: { id: ID, stage: 'INTERVIEWED', planPosition: 0, slackChannelId: 'C0OK' },
  candidateName: s,
  erased: false,
  role: { id: 'r', title: s, policy: {}, recruiterId: null, hiringManagerId: null },
});

const debrief = (s: string): DebriefView => ({
  interviewId: ID,
  synthesis: s,
  scorecardsAtPost: 2,
  postedAt: AT,
  meeting: { startsAt: AT },
  decision: 'HOLD',
  decidedBy: U('HUGO'),
  step: { name: s, position: 0, competencies: competencies(s) },
  application: { id: ID, version: 1, stage: 'INTERVIEWED', planPosition: 0, planLength: 2, planStepNames: [s, s] },
  candidateName: s,
  roleTitle: s,
  panel: [
    { name: s, status: 'SUBMITTED', recommendation: 'YES', ratings: ratings(s), version: 1 },
    { name: s, status: 'PENDING', recommendation: null, ratings: {}, version: 1 },
  ],
  card: { channel: 'C0OK', ts: '1.0' },
});

const offer = (s: string, status: OfferView['status']): OfferView => ({
  id: ID,
  status,
  version: 2,
  terms: {
    title: s,
    level: s,
    baseSalary: '120000',
    currency: 'EUR',
    bonus: s,
    equity: s,
    startDate: '2027-05-01',
    location: s,
    expiryDate: '2027-04-15',
    notes: s,
  },
  expiresAt: AT,
  sentAt: AT,
  answeredAt: AT,
  declineReason: s,
  handedOverAt: null,
  createdBy: U('REC'),
  chain: [
    {
      id: ID,
      position: 0,
      approver: { id: 'a', slackUserId: U('APP'), name: s },
      reason: s,
      decision: 'CHANGES_REQUESTED',
      comment: s,
      decidedAt: AT,
    },
  ],
  application: { id: ID, version: 1, stage: 'OFFER', slackChannelId: 'C0OK', slackMessageTs: '1.0' },
  candidate: { name: s, timeZone: 'Europe/Berlin', erased: false },
  role: { id: 'r', title: s, recruiter: U('REC'), hiringManager: U('HM'), policy: {} },
});

const slot = (s: string) => ({ id: 's1', start: AT, end: LATER, interviewers: [U('A')], why: s });

const BUILDERS: Record<string, (s: string) => unknown> = {
  agentDecision: (s) => agentDecisionBlocks({ kind: 'email', runId: ID, seq: 1, candidateName: s, body: s }),
  agentBooking: (s) => agentDecisionBlocks({ kind: 'booking', runId: ID, seq: 1, candidateName: s, body: s }),
  askTeam: (s) => askTeamBlocks({ runId: ID, candidateName: s, question: s }),
  answerModal: (s) => answerModal({ runId: ID, question: s }),
  handOver: (s) => handOverBlocks({ applicationId: ID, candidateName: s, reason: s, stopped: false }),
  stopped: (s) => handOverBlocks({ applicationId: ID, candidateName: s, reason: s, stopped: true }),
  guardrail: (s) => guardrailBlocks({ applicationId: ID, candidateName: s, tool: s, reason: s }),
  withdrawal: (s) => withdrawalQuestion({ applicationId: ID, emailMessageId: ID, candidateName: s, summary: s }),
  calendarPerson: (s) =>
    calendarUnreadableForPerson({ calendarId: s, problems: [s], access: { mode: 'oauth', mailbox: s } }),
  calendarRecruiter: (s) =>
    calendarUnreadableForRecruiter({
      slackUserId: U('A'),
      calendarId: s,
      problems: [s],
      access: { mode: 'delegation', mailbox: s },
      roleTitles: [s, s],
    }),
  card: (s) => candidateCard(card(s)),
  cardClosed: (s) => candidateCard({ ...card(s), stage: 'REJECTED', interview: null }),
  closeModal: (s) => closeModal({ decision: 'reject', applicationId: ID, version: 1, candidateName: s, reason: s }),
  details: (s) =>
    candidateDetailsMessage({
      name: s,
      email: s,
      phone: s,
      roleTitle: s,
      stage: 'SCREENING',
      fitSummary: s,
      skills: [s, s],
      headline: s,
      documents: [{ filename: s, status: 'FAILED', reason: s }],
      cv: { filename: s, text: s },
      interviews: [{ stage: s, status: 'BOOKED', startsAt: AT }],
      recent: [{ at: AT, type: s, actor: s }],
    }),
  results: (s) =>
    candidateResults({
      query: s,
      hits: [
        {
          id: ID,
          name: s,
          email: s,
          score: 1,
          applications: [{ roleTitle: s, stage: 'SCREENING', nextInterviewAt: AT }],
        },
      ],
      timeZone: 'UTC',
    }),
  noResults: (s) => candidateResults({ query: s, hits: [], timeZone: 'UTC' }),
  chooseRole: (s) => chooseRoleMessage({ inboundId: ID, senderName: s, subject: s, roles: [{ id: ID, title: s }] }),
  roleChosen: (s) => roleChosenMessage({ senderName: s, roleTitle: s, by: U('A') }),
  unreadableForward: (s) => unreadableForwardMessage({ forwardedBy: s, subject: s }),
  debrief: (s) => debriefMessage(debrief(s)),
  debriefShort: (s) => debriefMessage({ ...debrief(s), decision: null, meeting: 'no-time' }, { full: false }),
  erase: (s) => eraseConfirmation({ candidateId: ID, name: s, email: s, applications: 1 }),
  help: (s) => helpMessage({ unknown: s }),
  home: (s) =>
    homeView({
      data: {
        interviews: [{ startsAt: AT, endsAt: LATER, candidateName: s, roleTitle: s, stageName: s }],
        scorecardsOwed: [{ scorecardId: ID, draft: true, endedAt: AT, candidateName: s, roleTitle: s, stageName: s }],
        offerApprovals: [{ candidateName: s, roleTitle: s }],
        slotApprovals: [{ candidateName: s, roleTitle: s, count: 2 }],
        roles: [{ title: s, status: 'OPEN', active: 2, hired: 1 }],
      },
      zone: 'Europe/Berlin',
      now: LATER,
    }),
  reminder: (s) =>
    interviewReminderMessage({
      state: 'booked',
      applicationId: ID,
      candidateName: s,
      roleTitle: s,
      stepName: s,
      startsAt: AT,
      endsAt: LATER,
      zone: 'Europe/Berlin',
      meetUrl: 'https://meet.google.com/abc-defg-hij',
      competencies: [{ name: s, good: s }],
      others: [U('B')],
    }),
  interviewerFlag: (s) =>
    interviewerFlag({
      interviewId: ID,
      kind: 'declined',
      interviewer: s,
      outUserId: U('A'),
      candidateName: s,
      stageName: s,
      start: AT,
      free: [{ userId: U('B'), name: s }],
    }),
  interviews: (s) =>
    interviewsMessage({
      interviews: [
        {
          startsAt: AT,
          endsAt: LATER,
          candidateName: s,
          roleTitle: s,
          stageName: s,
          interviewerSlackIds: [U('A')],
          meetUrl: 'https://meet.google.com/abc-defg-hij',
        },
      ],
      zone: 'Europe/Berlin',
      scope: 'this week',
    }),
  offerApproval: (s) => offerApprovalMessage(offer(s, 'PENDING_APPROVAL'), ID, 2),
  offerStatus: (s) => offerStatusMessage(offer(s, 'APPROVED')),
  offerViewModal: (s) => offerViewModal(offer(s, 'SENT')),
  offerDeclined: (s) => offerOutcomeMessage(offer(s, 'DECLINED'), 2),
  offerReply: (s) =>
    offerReplyQuestion({
      offerId: ID,
      emailMessageId: ID,
      candidateName: s,
      reading: { intent: 'declines', reason: s, summary: s } as never,
    }),
  offerModal: (s) =>
    offerModal({
      applicationId: ID,
      candidateName: s,
      roleTitle: s,
      existing: { offerId: ID, version: 1, terms: offer(s, 'DRAFT').terms! },
    }),
  offerDecline: (s) => offerDeclineModal({ offerId: ID, reason: s }),
  pipeline: (s) =>
    pipelineMessage({
      page: {
        roles: [
          {
            roleId: ID,
            title: s,
            counts: { SCREENING: 2 },
            stuck: [{ candidateName: s, stage: 'SCREENING', days: 9 }],
            stuckTotal: 1,
            costPerScheduledInterviewUsd: null,
          },
        ],
        total: 1,
        page: 1,
        pages: 1,
        pageSize: 10,
      },
      roleQuery: s,
      stuckDays: 5,
    }),
  noRoles: (s) =>
    pipelineMessage({ page: { roles: [], total: 0, page: 1, pages: 1, pageSize: 10 }, roleQuery: s, stuckDays: 5 }),
  roleOpened: (s) =>
    roleOpenedMessage({
      title: s,
      hiringManager: U('HM'),
      recruiter: null,
      steps: [{ name: s, minutes: 45, kind: 'TECHNICAL', panel: false, needed: 1, pool: [U('A')], competencies: [s] }],
    }),
  scorecardRequest: (s) => scorecardRequest(scorecard(s)),
  scorecardNudge: (s) => scorecardNudge(scorecard(s), LATER),
  scorecardLate: (s) => scorecardLate(scorecard(s)),
  scorecardModal: (s) => scorecardModal(scorecard(s), { savedAt: 'Sun 28 Mar, 03:30 (Berlin)' }),
  scorecards: (s) =>
    scorecardsModal({
      candidateName: s,
      cards: [
        {
          interviewer: s,
          mine: false,
          step: s,
          status: 'SUBMITTED',
          recommendation: 'NO',
          ratings: ratings(s),
          notes: s,
          version: 1,
          submittedAt: AT,
        },
      ],
      hidden: 1,
      why: 'owes-own',
    }),
  scorecardSummary: (s) =>
    scorecardSummaryBlocks(
      {
        candidateName: s,
        cards: [
          {
            interviewer: s,
            mine: true,
            step: s,
            status: 'SUBMITTED',
            recommendation: 'YES',
            ratings: ratings(s),
            notes: s,
            version: 1,
            submittedAt: AT,
          },
        ],
        hidden: 0,
        why: null,
      },
      ID,
    ),
  slotApproval: (s) =>
    slotApprovalMessage({
      interviewId: ID,
      candidateName: s,
      candidateZone: 'Europe/Berlin',
      stageName: s,
      durationMinutes: 45,
      slots: [slot(s)],
      moving: false,
    } as never),
  slotsDecided: (s) =>
    decidedApprovalMessage({
      candidateName: s,
      candidateZone: 'Europe/Berlin',
      stageName: s,
      slots: [{ ...slot(s), approved: true }],
      decision: `Approved by <@${U('A')}>: 1 time will be offered to the candidate.`,
    }),
  noSlots: (s) =>
    noSlotsMessage({
      candidateName: s,
      stageName: s,
      report: { checked: 10, blockers: [{ reason: s, times: 3 }], unblock: [s] },
    }),
  calendarWarning: (s) => calendarWarning({ candidateName: s, problems: [{ name: s, problems: [s] }] }),
  digest: (s) =>
    weeklyDigestMessage({
      title: s,
      zone: 'Europe/Berlin',
      figures: weeklyFigures({
        at: LATER,
        applications: [],
        stuck: [{ candidateName: s, stage: 'SCREENING', days: 9 }],
        stuckTotal: 1,
        stuckDays: 5,
        upcoming: [{ candidateName: s, stepName: s, startsAt: LATER }],
        owed: [{ interviewerSlackId: U('A'), candidateName: s, stepName: s, dueAt: AT }],
        offersOut: 1,
        agent: { emailsSent: 1, interviewsBooked: 1, handOvers: 1, costPerScheduledInterviewUsd: 0.04 },
      }),
    }),
  digestChart: (s) => digestChartComment(s),
};

describe('untrusted text never pings or links in Slack', () => {
  for (const [name, render] of Object.entries(BUILDERS)) {
    it(`${name}`, () => {
      for (const s of HOSTILE) {
        const surface = render(s);
        expect(findings(surface), `${name} with ${JSON.stringify(s.slice(0, 60))}`).toEqual([]);
      }
    });
  }

  it('roleModal, filled in with hostile text', () => {
    for (const s of HOSTILE) {
      const view = roleModal({
        existing: {
          id: ID,
          version: AT.toISOString(),
          title: s,
          description: s,
          requirements: s,
          location: s,
          hiringManager: U('HM'),
          recruiter: null,
          channel: 'C0OK',
          holdProposedSlots: true,
          stages: [
            {
              id: 's0',
              name: s,
              durationMinutes: 45,
              kind: 'TECHNICAL',
              pool: [U('A')],
              needed: 1,
              competencies: [{ id: 'c1', name: s, good: s }],
            },
          ],
          offer: { approvers: [U('A')], threshold: null },
          afterInterview: {
            reminderLeadMinutes: [60],
            nudgeLimit: 2,
            debriefDeadlineHours: null,
            debriefIn: 'private',
            bookDebriefMeeting: false,
          },
        } as never,
      });
      expect(findings(view)).toEqual([]);
    }
  });
});

// plainMessage and refusalMessage take text we wrote (mrkdwn, with our own mentions): their
// callers escape what they put in, as /hire does for titles, addresses and error messages.

describe('the escaping functions', () => {
  it.each([
    ['<!here>', '&lt;!here&gt;'],
    ['a & b', 'a &amp; b'],
    ['@here', '@\u2060here'],
    ['#general', '#\u2060general'],
    ['evil.example', '`evil.example`'],
    ['Ada `x` Lovelace', 'Ada ˋxˋ Lovelace'],
    ['ada@example.com', '`ada@example.com`'],
    ['Ada Lovelace', 'Ada Lovelace'],
    ['e.g. 3.5 years', 'e.g. 3.5 years'],
    ['cv.pdf', 'cv.pdf'],
    ['evil.example/cv.pdf', '`evil.example/cv.pdf`'],
  ])('mrkdwn: %j → %j', (input, out) => {
    expect(escapeMrkdwn(input)).toBe(out);
  });

  it('plain text breaks links with an invisible joiner and keeps the rest as written', () => {
    expect(escapePlainText('see evil.example <!here>')).toBe('see evil.\u2060example &lt;!here&gt;');
    expect(escapePlainText('Zoë Ångström')).toBe('Zoë Ångström');
  });

  it('text inside our own code spans cannot close them', () => {
    expect(escapeInCode('a`b<c')).toBe('aˋb&lt;c');
  });
});
