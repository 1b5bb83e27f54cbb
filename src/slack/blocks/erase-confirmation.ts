import { ACTIONS } from '../ids.js';
import { fit } from './limits.js';
import { escapeMrkdwn } from './text.js';

/** The private question an admin gets before a candidate is erased; Slack asks once more on the click. */
export function eraseConfirmation({
  candidateId,
  name,
  email,
  applications,
}: {
  candidateId: string;
  name: string;
  email: string;
  applications: number;
}) {
  const who = fit(`${escapeMrkdwn(name)} (${escapeMrkdwn(email)})`, 500);
  return {
    response_type: 'ephemeral' as const,
    text: fit(`Erase ${escapeMrkdwn(name)}?`, 500),
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text:
            `*Erase ${who}?*\nTheir details, CV, emails and the agent's conversation are deleted; ` +
            `${applications} application(s) stay as figures with no name; open ones are withdrawn, booked ` +
            'interviews cancelled, pending emails stopped. This cannot be undone.',
        },
      },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: ACTIONS.eraseCandidate,
            style: 'danger',
            text: { type: 'plain_text', text: 'Erase for good' },
            value: candidateId,
            confirm: {
              title: { type: 'plain_text', text: 'Erase this candidate?' },
              text: {
                type: 'mrkdwn',
                text: fit(`Everything Justin holds about ${who} goes. This cannot be undone.`, 300),
              },
              confirm: { type: 'plain_text', text: 'Erase' },
              deny: { type: 'plain_text', text: 'Keep' },
              style: 'danger',
            },
          },
        ],
      },
    ],
  };
}
