import type { CandidateDetails } from '../../services/applications/load-details.js';
import { fit, LIMITS } from './limits.js';
import { slackTime } from './slot-approval.js';
import { escapeInCode, escapeMrkdwn, escapePlainText } from './text.js';

/** The private "View details" answer: only the person who clicked sees it. */
export function candidateDetailsMessage(d: CandidateDetails): {
  response_type: 'ephemeral';
  replace_original: false;
  text: string;
  blocks: Record<string, unknown>[];
} {
  // Budgets per part keep the whole message under Slack's total for block text (see limits.ts).
  const field = (label: string, value: string) => ({ type: 'mrkdwn', text: fit(`*${label}*\n${value}`, 500) });
  const lines = (items: string[], empty: string) => (items.length ? items.join('\n') : empty);
  return {
    response_type: 'ephemeral',
    replace_original: false,
    text: fit(escapeMrkdwn(`${d.name} (${d.roleTitle}): ${d.stage}`), 3000),
    blocks: [
      {
        type: 'header',
        text: { type: 'plain_text', text: fit(escapePlainText(`${d.name} · ${d.roleTitle}`), LIMITS.headerText) },
      },
      {
        type: 'section',
        fields: [
          field('Email', escapeMrkdwn(d.email)),
          field('Phone', d.phone ? escapeMrkdwn(d.phone) : '_not given_'),
          field('Stage', d.stage),
          field('Headline', d.headline ? escapeMrkdwn(d.headline) : '_not read yet_'),
        ],
      },
      ...(d.fitSummary
        ? [{ type: 'section', text: { type: 'mrkdwn', text: fit(`*Fit*\n${escapeMrkdwn(d.fitSummary)}`, 1500) } }]
        : []),
      ...(d.skills.length
        ? [
            {
              type: 'section',
              text: { type: 'mrkdwn', text: fit(`*Skills*\n${d.skills.map(escapeMrkdwn).join(', ')}`, 1000) },
            },
          ]
        : []),
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: fit(
            `*Documents*\n${lines(
              d.documents.map(
                (doc) =>
                  `• ${escapeMrkdwn(doc.filename)}: ${doc.status.toLowerCase().replace('_', ' ')}` +
                  `${doc.reason ? ` (${escapeMrkdwn(doc.reason)})` : ''}`,
              ),
              '_none_',
            )}\n*Interviews*\n${lines(
              d.interviews.map(
                (i) =>
                  `• ${escapeMrkdwn(i.stage)}: ${i.status.toLowerCase().replace('_', ' ')}` +
                  `${i.startsAt ? `, ${slackTime(i.startsAt)}` : ''}`,
              ),
              '_none yet_',
            )}`,
            2500,
          ),
        },
      },
      ...(d.cv ? [{ type: 'section', text: { type: 'mrkdwn', text: cvText(d.cv) } }] : []),
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: fit(
              `Latest: ${
                d.recent.map((e) => `${escapeMrkdwn(e.type)}${e.actor ? ` (${actor(e.actor)})` : ''}`).join(' · ') ||
                'nothing yet'
              }`,
              1000,
            ),
          },
        ],
      },
    ],
  };
}

/**
 * The start of the CV's text, as read from the file: blank runs squeezed, in a code block so the
 * CV's own asterisks and underscores stay as written. Its budget keeps the whole answer under
 * Slack's total for block text.
 */
/** A Slack member id becomes a mention we write; anything else is shown as text. */
const actor = (a: string) => (/^[UW][A-Z0-9]{2,20}$/.test(a) ? `<@${a}>` : escapeMrkdwn(a));

function cvText(cv: { filename: string; text: string }): string {
  const text = cv.text
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*\n\s*/g, '\n\n')
    .trim()
    .replaceAll('```', "'''");
  const head = `*CV* (${fit(escapeMrkdwn(cv.filename), 100)})\n`;
  return `${head}\`\`\`${fit(escapeInCode(text), 2300)}\`\`\``;
}
