import { describeState, type Stage } from '../../domain/pipeline/stages.js';
import { transition } from '../../domain/pipeline/transition.js';
import { ACTIONS } from '../ids.js';
import { templatesFor } from '../../domain/email/templates.js';
import { fit, LIMITS } from './limits.js';
import { button } from './elements.js';
import { slackTime } from './slot-approval.js';
import { escapeMrkdwn, escapePlainText } from './text.js';

export type CardData = {
  applicationId: string;
  version: number;
  candidateName: string;
  roleTitle: string;
  stage: Stage;
  planPosition: number | null;
  planLength: number;
  /** The interview plan's step names, in order: the Advance button says which one it schedules. */
  planStepNames: string[];
  source: string;
  fitSummary: string | null;
  cvFilename: string | null;
  /** The CV could not be read: shown on the card with a retry button. */
  cvProblem?: { documentId: string; reason: string } | null;
  /** What the role allows in its channel; details beyond this go to the requester privately. */
  showEmail: boolean;
  candidateEmail: string;
  /** The interview of the current step, if one is being arranged or is booked. */
  interview?: {
    status: string;
    startsAt: Date | null;
    interviewers: string[];
    /** Once it has taken place: scorecards in, of those owed. */
    scorecards?: { in: number; of: number } | null;
    /** Once the step's debrief is out; on hold when the team said so there. */
    debrief?: { onHold: boolean } | null;
  } | null;
  /** The latest offer, once one is drafted: where it stands, and whose approval it waits for. */
  offer?: { status: string; waitingFor: string | null } | null;
};

const CLOSED: Stage[] = ['HIRED', 'REJECTED', 'WITHDRAWN'];

/** What Advance does from here, said on the button: "Schedule: Technical interview", not just "Advance". */
export function advanceLabel(d: Pick<CardData, 'stage' | 'planPosition' | 'planLength' | 'planStepNames'>): string {
  const next = transition(
    { stage: d.stage, planPosition: d.planPosition },
    { type: 'advance' },
    { length: d.planLength },
  );
  if (!next.ok) return 'Advance';
  const position = next.next.planPosition ?? 0;
  switch (next.next.stage) {
    case 'SCHEDULING':
      return fit(`Schedule: ${d.planStepNames[position] ?? `step ${position + 1}`}`, LIMITS.buttonText);
    case 'SCREENING':
      return 'Advance to screening';
    case 'OFFER':
      return 'Advance to offer';
    default:
      return 'Advance';
  }
}

/** What happens next, said on the card: who or what the candidate waits for. */
export function nextLine(d: CardData): string | null {
  const step = (position: number) =>
    `${escapeMrkdwn(d.planStepNames[position] ?? `step ${position + 1}`)} (step ${position + 1} of ${d.planLength})`;
  const pos = d.planPosition ?? 0;
  switch (d.stage) {
    case 'NEW':
      return 'Next: screening. Advance when the application is worth a look.';
    case 'SCREENING':
      return d.planLength
        ? `Next: ${step(0)}. Advance to have Justin propose times.`
        : 'Next: the offer (the role has no interviews).';
    case 'SCHEDULING':
      return (
        `Next: ${step(pos)}. ` +
        `${
          d.interview?.status === 'AWAITING_APPROVAL'
            ? 'Times are waiting for approval in this channel.'
            : 'Justin is arranging a time with the candidate.'
        }`
      );
    case 'INTERVIEW_SCHEDULED': {
      const when = d.interview?.startsAt ? ` on ${slackTime(d.interview.startsAt)}` : '';
      const who = d.interview?.interviewers.length
        ? ` with ${d.interview.interviewers.map(escapeMrkdwn).join(', ')}`
        : '';
      return `Next: ${step(pos)}${when}${who}.`;
    }
    case 'INTERVIEWED': {
      const next =
        pos + 1 < d.planLength
          ? `Next: ${step(pos + 1)}. Advance to schedule it, or reject.`
          : 'Next: the offer. Advance once the team has decided.';
      const cards = d.interview?.scorecards;
      if (d.interview?.debrief?.onHold) return `On hold after the debrief. ${next}`;
      if (d.interview?.debrief) return `Debrief in the thread. ${next}`;
      if (cards && cards.in < cards.of)
        return `Scorecards: ${cards.in} of ${cards.of} in; the debrief follows when they are. ${next}`;
      return next;
    }
    case 'OFFER':
      return offerLine(d.offer);
    default:
      return null;
  }
}

/** At the offer stage: what the offer waits for (the thread has the offer's own message). */
function offerLine(offer: CardData['offer']): string {
  switch (offer?.status) {
    case 'PENDING_APPROVAL':
      return `Offer: waiting for ${offer.waitingFor ? escapeMrkdwn(offer.waitingFor) : 'approval'}.`;
    case 'CHANGES_REQUESTED':
      return 'Offer: changes were asked for; edit it in the thread.';
    case 'APPROVED':
      return 'Offer: approved, ready to send (in the thread).';
    case 'SENT':
      return 'Offer: sent, waiting for the candidate’s answer.';
    case 'NOT_APPROVED':
      return 'Offer: not approved. Make a new one, or reject.';
    default:
      return 'Next: the offer. Make it here; the approvers see it before the candidate does.';
  }
}

/** The card's buttons for its stage: the step forward first, then what stops or changes it. */
function actionsFor(d: CardData, value: string): Record<string, unknown>[] {
  const forward: Record<string, unknown>[] = [];
  if (d.stage === 'NEW' || d.stage === 'SCREENING' || d.stage === 'INTERVIEWED')
    forward.push(button(ACTIONS.advance, advanceLabel(d), value, 'primary'));
  if (d.stage === 'SCHEDULING') forward.push(button(ACTIONS.proposeTimes, 'Propose times', value));
  if (d.stage === 'INTERVIEW_SCHEDULED') {
    forward.push(
      button(ACTIONS.rescheduleInterview, 'Reschedule', value, undefined, {
        title: 'Move the interview?',
        text:
          'Justin proposes new times for the team to approve, then offers them to the candidate. The interview ' +
          'stays booked until they pick one.',
        yes: 'Find new times',
      }),
      button(ACTIONS.cancelInterview, 'Cancel interview', value, undefined, {
        title: 'Cancel the interview?',
        text: 'The calendar invitation is withdrawn (everyone invited is told), and Justin looks for new times.',
        yes: 'Cancel it',
      }),
    );
  }
  const offerActive = ['PENDING_APPROVAL', 'CHANGES_REQUESTED', 'APPROVED', 'SENT'].includes(d.offer?.status ?? '');
  if (d.stage === 'OFFER' && !offerActive) forward.push(button(ACTIONS.makeOffer, 'Make offer', value, 'primary'));
  // Hired without an offer through Justin (made outside it): the team says so.
  if (d.stage === 'OFFER' && !offerActive)
    forward.push(
      button(ACTIONS.markHired, 'Mark hired', value, undefined, {
        title: 'Mark hired?',
        text: fit(`${d.candidateName} accepted an offer made outside Justin. This closes the application.`, 280),
        yes: 'Mark hired',
      }),
    );
  return [
    ...forward,
    button(ACTIONS.reject, 'Reject', value, 'danger'),
    button(ACTIONS.withdraw, 'Candidate withdrew', value),
    button(ACTIONS.viewDetails, 'View details', d.applicationId),
  ];
}

/**
 * The candidate card posted in the role's channel. Buttons carry `<applicationId>:<version>`,
 * so a click on a card that has moved on since is recognised as stale.
 */
export function candidateCard(d: CardData): { text: string; blocks: Record<string, unknown>[] } {
  const stage = describeState({ stage: d.stage, planPosition: d.planPosition }, d.planLength);
  const who = d.showEmail
    ? `${escapeMrkdwn(d.candidateName)} · ${escapeMrkdwn(d.candidateEmail)}`
    : escapeMrkdwn(d.candidateName);
  const blocks: Record<string, unknown>[] = [
    {
      type: 'header',
      text: {
        type: 'plain_text',
        text: fit(escapePlainText(`${d.candidateName} · ${d.roleTitle}`), LIMITS.headerText),
      },
    },
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: fit(`*Candidate*\n${who}`, LIMITS.fieldText) },
        { type: 'mrkdwn', text: fit(`*Stage*\n${stage}`, LIMITS.fieldText) },
        { type: 'mrkdwn', text: fit(`*Source*\n${escapeMrkdwn(d.source.toLowerCase())}`, LIMITS.fieldText) },
        {
          type: 'mrkdwn',
          text: fit(`*CV*\n${d.cvFilename ? escapeMrkdwn(d.cvFilename) : '_none yet_'}`, LIMITS.fieldText),
        },
      ],
    },
  ];
  if (d.cvProblem) {
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: fit(
          `:warning: The CV could not be read: ${escapeMrkdwn(d.cvProblem.reason)}. The file is kept.`,
          LIMITS.sectionText,
        ),
      },
      accessory: {
        type: 'button',
        action_id: ACTIONS.retryDocument,
        text: { type: 'plain_text', text: 'Retry reading' },
        value: d.cvProblem.documentId,
      },
    });
  }
  if (d.fitSummary)
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: fit(`*Fit*\n${escapeMrkdwn(d.fitSummary)}`, 2000, '… (details: View)') },
    });
  const value = `${d.applicationId}:${d.version}`;
  const next = nextLine(d);
  // Short: with long names the card's blocks would pass Slack's 12,000 characters in all.
  if (next) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: fit(next, 600) }] });
  if (!CLOSED.includes(d.stage)) {
    blocks.push({ type: 'actions', block_id: `card_${d.version}`, elements: actionsFor(d, value) });
  } else {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `Closed: ${stage.toLowerCase()}.` }] });
  }
  return { text: fit(`${escapeMrkdwn(d.candidateName)} for ${escapeMrkdwn(d.roleTitle)}: ${stage}`, 3000), blocks };
}

/** What the close modal says for each decision. */
const CLOSING = {
  reject: {
    callback: ACTIONS.rejectSubmit,
    title: 'Reject candidate',
    submit: 'Reject',
    ask: (n: string) => `Reject *${n}*? The team sees the reason in the card's thread.`,
  },
  withdraw: {
    callback: ACTIONS.withdrawSubmit,
    title: 'Candidate withdrew',
    submit: 'Withdraw',
    ask: (n: string) => `Mark *${n}* as withdrawn? Their interviews are cancelled and Justin stops writing to them.`,
  },
} as const;

/** The modal that rejects a candidate, or records that they withdrew: the reason, and at most one email. */
export function closeModal({
  decision,
  applicationId,
  version,
  candidateName,
  reason,
}: {
  decision: 'reject' | 'withdraw';
  applicationId: string;
  version: number;
  candidateName: string;
  reason?: string;
}) {
  const c = CLOSING[decision];
  return {
    type: 'modal' as const,
    callback_id: c.callback,
    private_metadata: `${applicationId}:${version}`,
    title: { type: 'plain_text' as const, text: c.title },
    submit: { type: 'plain_text' as const, text: c.submit },
    close: { type: 'plain_text' as const, text: 'Cancel' },
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: fit(c.ask(escapeMrkdwn(candidateName)), LIMITS.sectionText) } },
      {
        type: 'input',
        block_id: 'reason',
        label: { type: 'plain_text', text: 'Reason' },
        element: {
          type: 'plain_text_input',
          action_id: 'value',
          multiline: true,
          max_length: 1000,
          ...(reason ? { initial_value: fit(reason, 1000) } : {}),
        },
      },
      {
        type: 'input',
        block_id: 'email',
        optional: true,
        label: { type: 'plain_text', text: 'Tell the candidate' },
        hint: {
          type: 'plain_text',
          text:
            'Sent from the recruiting mailbox, in their thread, signed as set in /hire settings. The reason ' +
            'above is never included.',
        },
        element: {
          type: 'static_select',
          action_id: 'template',
          placeholder: { type: 'plain_text', text: 'Do not email' },
          options: templatesFor(decision).map(([id, t]) => ({
            text: { type: 'plain_text', text: fit(t.label, LIMITS.optionText) },
            value: id,
          })),
        },
      },
    ],
  };
}
