import { ACTIONS } from '../ids.js';
import { fit, LIMITS } from './limits.js';
import { escapeMrkdwn, escapePlainText } from './text.js';

type Message = { text: string; blocks: Record<string, unknown>[] };

const stopButton = (applicationId: string) => ({
  type: 'button',
  action_id: ACTIONS.agentStop,
  text: { type: 'plain_text', text: 'Stop the agent for this candidate' },
  value: applicationId,
  style: 'danger',
});

/** An email draft, a booking or a cancellation the role wants approved, with Approve / Decline. */
export function agentDecisionBlocks(d: {
  kind: 'email' | 'booking' | 'cancel';
  runId: string;
  seq: number;
  candidateName: string;
  body: string;
}): Message {
  const verb = { email: 'email', booking: 'book for', cancel: 'cancel the interview of' }[d.kind];
  const title = `Justin wants to ${verb} ${d.candidateName}:`;
  const value = JSON.stringify({ runId: d.runId, seq: d.seq });
  return {
    text: fit(escapeMrkdwn(`${title} ${d.body}`), 3000),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: fit(`*${escapeMrkdwn(title)}*`, LIMITS.sectionText) } },
      {
        type: 'section',
        text: {
          type: 'plain_text',
          text: fit(escapePlainText(d.body), LIMITS.sectionText, '… (cut here; the full text is what will be sent)'),
        },
      },
      {
        type: 'actions',
        block_id: `agent_decide_${d.runId.slice(0, 8)}_${d.seq}`,
        elements: [
          {
            type: 'button',
            action_id: ACTIONS.agentApprove,
            style: 'primary',
            text: { type: 'plain_text', text: { email: 'Send', booking: 'Book', cancel: 'Cancel it' }[d.kind] },
            value,
          },
          {
            type: 'button',
            action_id: ACTIONS.agentDecline,
            text: { type: 'plain_text', text: { email: 'Discard', booking: 'Decline', cancel: 'Keep it' }[d.kind] },
            value,
          },
        ],
      },
    ],
  };
}

/** The agent's question to the team, with a button that opens the answer modal. */
export function askTeamBlocks(d: { runId: string; candidateName: string; question: string }): Message {
  return {
    text: fit(escapeMrkdwn(`Justin asks about ${d.candidateName}: ${d.question}`), 3000),
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: fit(
            `:question: *Justin asks about ${escapeMrkdwn(d.candidateName)}:*\n${escapeMrkdwn(d.question)}`,
            LIMITS.sectionText,
          ),
        },
      },
      {
        type: 'actions',
        block_id: `agent_ask_${d.runId.slice(0, 8)}`,
        elements: [
          {
            type: 'button',
            action_id: ACTIONS.agentAnswer,
            style: 'primary',
            text: { type: 'plain_text', text: 'Answer' },
            value: d.runId,
          },
        ],
      },
    ],
  };
}

/** The modal for answering the agent. */
export function answerModal(d: { runId: string; question: string }): Record<string, unknown> {
  return {
    type: 'modal',
    callback_id: ACTIONS.agentAnswerSubmit,
    private_metadata: d.runId,
    title: { type: 'plain_text', text: 'Answer Justin' },
    submit: { type: 'plain_text', text: 'Send answer' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: fit(escapeMrkdwn(d.question), LIMITS.sectionText) } },
      {
        type: 'input',
        block_id: 'answer',
        label: { type: 'plain_text', text: 'Your answer' },
        element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: 2000 },
      },
      {
        type: 'input',
        block_id: 'internal',
        optional: true,
        label: { type: 'plain_text', text: 'Visibility' },
        element: {
          type: 'checkboxes',
          action_id: 'value',
          options: [
            {
              text: { type: 'plain_text', text: 'Internal: Justin may use it but never quote it to the candidate' },
              value: 'internal',
            },
          ],
        },
      },
    ],
  };
}

/** The agent stopped and a person takes over. */
export function handOverBlocks(d: {
  applicationId: string;
  candidateName: string;
  reason: string;
  stopped: boolean;
}): Message {
  const head = d.stopped
    ? `:octagonal_sign: Justin stopped working on ${d.candidateName}`
    : `:raising_hand: Justin handed ${d.candidateName} over to the team`;
  const text =
    `${escapeMrkdwn(head)}: ${escapeMrkdwn(d.reason)}. ` +
    'Replies from the candidate now come here for a person to answer by email.';
  return {
    text: fit(text, 3000),
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: fit(
            `*${escapeMrkdwn(head)}*\n${escapeMrkdwn(d.reason)}\nReplies from the candidate now come here for a ` +
              'person to answer by email.',
            LIMITS.sectionText,
          ),
        },
      },
      {
        type: 'actions',
        block_id: `agent_resume_${d.applicationId.slice(0, 8)}`,
        elements: [
          {
            type: 'button',
            action_id: ACTIONS.agentResume,
            text: { type: 'plain_text', text: 'Let Justin continue' },
            value: d.applicationId,
          },
        ],
      },
    ],
  };
}

/** A guardrail refused something the agent tried (first offence: it may correct itself). */
export function guardrailBlocks(d: {
  applicationId: string;
  candidateName: string;
  tool: string;
  reason: string;
}): Message {
  const line =
    `:shield: Justin tried to ${d.tool.replace(/_/g, ' ')} for ${d.candidateName} ` + `and was stopped: ${d.reason}`;
  return {
    text: fit(escapeMrkdwn(line), 3000),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: fit(escapeMrkdwn(line), LIMITS.sectionText) } },
      {
        type: 'actions',
        block_id: `agent_guard_${d.applicationId.slice(0, 8)}`,
        elements: [stopButton(d.applicationId)],
      },
    ],
  };
}

/** The candidate seems to withdraw (read from their mail): the team confirms, or says it is not so. */
export function withdrawalQuestion(d: {
  applicationId: string;
  emailMessageId: string;
  candidateName: string;
  summary: string;
}): Message {
  // Names and the model's reading are text from outside: escaped in the notification text too.
  const line =
    `:wave: ${d.candidateName} seems to withdraw their application (Justin read: “${d.summary}”). Nothing ` +
    'is cancelled until someone confirms; Justin has not answered.';
  return {
    text: fit(escapeMrkdwn(line), 3000),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: fit(escapeMrkdwn(line), LIMITS.sectionText) } },
      {
        type: 'actions',
        block_id: `withdrawal_${d.emailMessageId.slice(0, 8)}`,
        elements: [
          {
            type: 'button',
            action_id: ACTIONS.withdraw,
            style: 'danger',
            text: { type: 'plain_text', text: 'Confirm withdrawal…' },
            value: `${d.applicationId}:0`,
          },
          {
            type: 'button',
            action_id: ACTIONS.notWithdrawal,
            text: { type: 'plain_text', text: 'Not a withdrawal' },
            value: JSON.stringify({ applicationId: d.applicationId, emailMessageId: d.emailMessageId }),
          },
        ],
      },
    ],
  };
}
