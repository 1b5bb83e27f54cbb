import { ACTIONS } from '../ids.js';
import { fit, LIMITS } from './limits.js';
import { escapeMrkdwn, escapePlainText } from './text.js';

/** "Which role is this application for?" with a menu of open roles. */
export function chooseRoleMessage(d: {
  inboundId: string;
  senderName: string;
  subject: string;
  roles: Array<{ id: string; title: string }>;
}): { text: string; blocks: Record<string, unknown>[] } {
  const line =
    `:inbox_tray: An application from *${escapeMrkdwn(d.senderName)}* ` +
    `(“${escapeMrkdwn(d.subject || 'no subject')}”) does not say which role it is for.`;
  return {
    text: fit(`An application from ${escapeMrkdwn(d.senderName)} needs a role.`, 3000),
    blocks: [
      {
        type: 'section',
        block_id: `choose_${d.inboundId.slice(0, 8)}`,
        text: { type: 'mrkdwn', text: fit(line, LIMITS.sectionText) },
        ...(d.roles.length
          ? {
              accessory: {
                type: 'static_select',
                action_id: ACTIONS.chooseIntakeRole,
                placeholder: { type: 'plain_text', text: 'Choose the role' },
                options: d.roles.slice(0, LIMITS.staticOptions).map((r) => ({
                  text: { type: 'plain_text', text: fit(escapePlainText(r.title), LIMITS.optionText) },
                  value: `${d.inboundId}:${r.id}`,
                })),
              },
            }
          : {}),
      },
    ],
  };
}

/** The message after someone chose. */
export function roleChosenMessage(d: { senderName: string; roleTitle: string; by: string }): {
  text: string;
  blocks: Record<string, unknown>[];
} {
  const text =
    `:white_check_mark: ${escapeMrkdwn(d.senderName)}'s application filed under ` +
    `*${escapeMrkdwn(d.roleTitle)}* by <@${d.by}>.`;
  return {
    text: fit(text, 3000),
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: fit(text, LIMITS.sectionText) } }],
  };
}
