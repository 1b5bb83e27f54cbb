import { fit, LIMITS } from './limits.js';
import { escapePlainText } from './text.js';

// Block Kit pieces the message builders share. Texts given to `section` and `context` are
// mrkdwn the caller has already escaped; a button's label and confirmation are escaped here.

/** A mrkdwn section, cut to Slack's limit. */
export const section = (text: string, max: number = LIMITS.sectionText) => ({
  type: 'section',
  text: { type: 'mrkdwn', text: fit(text, max) },
});

/** A one-element mrkdwn context line, cut to Slack's limit. */
export const context = (text: string) => ({ type: 'context', elements: [{ type: 'mrkdwn', text: fit(text, 2000) }] });

/** A button, optionally styled and asking to confirm ("Back" to cancel). */
export const button = (
  action: string,
  text: string,
  value: string,
  style?: 'primary' | 'danger',
  confirm?: { title: string; text: string; yes: string },
) => ({
  type: 'button',
  action_id: action,
  text: { type: 'plain_text', text: fit(escapePlainText(text), LIMITS.buttonText) },
  value,
  ...(style ? { style } : {}),
  ...(confirm
    ? {
        confirm: {
          title: { type: 'plain_text', text: confirm.title },
          text: { type: 'plain_text', text: escapePlainText(confirm.text) },
          confirm: { type: 'plain_text', text: confirm.yes },
          deny: { type: 'plain_text', text: 'Back' },
        },
      }
    : {}),
});
