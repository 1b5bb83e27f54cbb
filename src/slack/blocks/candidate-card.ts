import { describeState, type Stage } from '../../domain/pipeline/stages.js';
import { transition } from '../../domain/pipeline/transition.js';
import { ACTIONS } from '../ids.js';
import { TEMPLATES } from '../../domain/email/templates.js';
import { fit, LIMITS } from './limits.js';
import { escapeMrkdwn } from './text.js';

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
};

const CLOSED: Stage[] = ['HIRED', 'REJECTED', 'WITHDRAWN'];

/** What Advance does from here, said on the button: "Schedule: Technical interview", not just "Advance". */
function advanceLabel(d: CardData): string {
  const next = transition({ stage: d.stage, planPosition: d.planPosition }, { type: 'advance' }, { length: d.planLength });
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

/**
 * The candidate card posted in the role's channel. Buttons carry `<applicationId>:<version>`,
 * so a click on a card that has moved on since is recognised as stale.
 */
export function candidateCard(d: CardData): { text: string; blocks: Record<string, unknown>[] } {
  const stage = describeState({ stage: d.stage, planPosition: d.planPosition }, d.planLength);
  const who = d.showEmail ? `${escapeMrkdwn(d.candidateName)} · ${escapeMrkdwn(d.candidateEmail)}` : escapeMrkdwn(d.candidateName);
  const blocks: Record<string, unknown>[] = [
    { type: 'header', text: { type: 'plain_text', text: fit(`${d.candidateName} · ${d.roleTitle}`, LIMITS.headerText) } },
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: fit(`*Candidate*\n${who}`, LIMITS.fieldText) },
        { type: 'mrkdwn', text: fit(`*Stage*\n${stage}`, LIMITS.fieldText) },
        { type: 'mrkdwn', text: fit(`*Source*\n${escapeMrkdwn(d.source.toLowerCase())}`, LIMITS.fieldText) },
        { type: 'mrkdwn', text: fit(`*CV*\n${d.cvFilename ? escapeMrkdwn(d.cvFilename) : '_none yet_'}`, LIMITS.fieldText) },
      ],
    },
  ];
  if (d.cvProblem) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: fit(`:warning: The CV could not be read: ${escapeMrkdwn(d.cvProblem.reason)}. The file is kept.`, LIMITS.sectionText) },
      accessory: { type: 'button', action_id: ACTIONS.retryDocument, text: { type: 'plain_text', text: 'Retry reading' }, value: d.cvProblem.documentId },
    });
  }
  if (d.fitSummary) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: fit(`*Fit*\n${escapeMrkdwn(d.fitSummary)}`, 2000, '… (details: View)') } });
  const value = `${d.applicationId}:${d.version}`;
  if (!CLOSED.includes(d.stage)) {
    blocks.push({
      type: 'actions',
      block_id: `card_${d.version}`,
      elements: [
        ...(d.stage === 'NEW' || d.stage === 'SCREENING' || d.stage === 'INTERVIEWED'
          ? [{ type: 'button', action_id: ACTIONS.advance, style: 'primary', text: { type: 'plain_text', text: advanceLabel(d) }, value }]
          : []),
        ...(d.stage === 'SCHEDULING' ? [{ type: 'button', action_id: ACTIONS.proposeTimes, text: { type: 'plain_text', text: 'Propose times' }, value }] : []),
        { type: 'button', action_id: ACTIONS.reject, style: 'danger', text: { type: 'plain_text', text: 'Reject' }, value },
        { type: 'button', action_id: ACTIONS.viewDetails, text: { type: 'plain_text', text: 'View details' }, value: d.applicationId },
      ],
    });
  } else {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `Closed: ${stage.toLowerCase()}.` }] });
  }
  return { text: fit(`${d.candidateName} for ${d.roleTitle}: ${stage}`, 3000), blocks };
}

/** The modal asking why a candidate is rejected. */
export function rejectModal({ applicationId, version, candidateName }: { applicationId: string; version: number; candidateName: string }) {
  return {
    type: 'modal' as const,
    callback_id: ACTIONS.rejectSubmit,
    private_metadata: `${applicationId}:${version}`,
    title: { type: 'plain_text' as const, text: 'Reject candidate' },
    submit: { type: 'plain_text' as const, text: 'Reject' },
    close: { type: 'plain_text' as const, text: 'Cancel' },
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: fit(`Reject *${escapeMrkdwn(candidateName)}*? The team sees the reason in the card's thread.`, LIMITS.sectionText) } },
      {
        type: 'input',
        block_id: 'reason',
        label: { type: 'plain_text', text: 'Reason' },
        element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: 1000 },
      },
      {
        type: 'input',
        block_id: 'email',
        optional: true,
        label: { type: 'plain_text', text: 'Tell the candidate' },
        hint: { type: 'plain_text', text: 'Sent from the recruiting mailbox, in their thread. The reason above is never included.' },
        element: {
          type: 'static_select',
          action_id: 'template',
          placeholder: { type: 'plain_text', text: 'Do not email' },
          options: Object.entries(TEMPLATES).map(([id, t]) => ({ text: { type: 'plain_text', text: fit(t.label, LIMITS.optionText) }, value: id })),
        },
      },
    ],
  };
}
