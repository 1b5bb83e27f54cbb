import { fit, LIMITS } from './limits.js';
import { escapeMrkdwn } from './text.js';

/**
 * Said in the intake channel when someone forwards an application whose original sender's
 * address cannot be read: no candidate is made (the forwarder is not the applicant), and the
 * team learns why and what to do instead of the mail vanishing.
 */
export function unreadableForwardMessage(d: { forwardedBy: string; subject: string }): {
  text: string;
  blocks: Record<string, unknown>[];
} {
  const line =
    `:warning: A forward from ${escapeMrkdwn(d.forwardedBy)} (“${escapeMrkdwn(d.subject || 'no subject')}”) ` +
    'does not show the applicant’s email address, so no candidate was made. ' +
    'Forward the original mail as an attachment, or ask the applicant to write to the recruiting inbox.';
  return {
    text: fit(`A forwarded application could not be read: ${escapeMrkdwn(d.subject || 'no subject')}`, 3000),
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: fit(line, LIMITS.sectionText) } }],
  };
}
