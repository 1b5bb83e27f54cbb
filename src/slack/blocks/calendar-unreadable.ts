import { fit, LIMITS } from './limits.js';
import { escapeInCode, escapeMrkdwn } from './text.js';

// What a person (and their roles' recruiters) are told when Justin cannot read their calendar:
// what happened, what it costs, and the one thing to do about it for how Justin reads calendars.

/** How Justin reaches calendars: the mailbox's OAuth free/busy, or a service account acting as each person. */
export type CalendarAccess = { mode: 'oauth' | 'delegation'; mailbox: string };

function fix({ mode, mailbox }: CalendarAccess, calendarId: string, whose: 'your' | 'their'): string {
  if (mode === 'oauth') {
    return [
      `in Google Calendar, open Settings → ${whose} calendar → *Share with specific people*,`,
      `add ${escapeMrkdwn(mailbox)} with *See only free/busy (hide details)*.`,
      'Or a Google Workspace admin can share free/busy with the whole domain',
      '(Admin console → Apps → Google Workspace → Calendar → Sharing settings).',
    ].join(' ');
  }
  return [
    'Justin reads calendars through a service account with domain-wide delegation:',
    'a Google Workspace admin should check that its delegation',
    '(Admin console → Security → API controls → Domain-wide delegation) grants the Calendar scopes,',
    `and that \`${escapeInCode(calendarId)}\` is an account in the domain.`,
  ].join(' ');
}

/** The calendar id, and Google's reasons when it gave any. */
function said(calendarId: string, problems: readonly string[]): string {
  const id = `\`${escapeInCode(calendarId)}\``;
  return problems.length ? `${id}; Google said: ${escapeMrkdwn([...new Set(problems)].join(', '))}` : id;
}

/** The private message to the person whose calendar cannot be read. */
export function calendarUnreadableForPerson({
  calendarId,
  problems,
  access,
}: {
  calendarId: string;
  problems: readonly string[];
  access: CalendarAccess;
}): string {
  const text = [
    `I can't read your calendar (${said(calendarId, problems)}), so I can't offer candidates times with you yet.`,
    `*To fix it:* ${fix(access, calendarId, 'your')}`,
    'If that is not your calendar, set the right one with `/hire me`.',
  ].join('\n');
  return fit(text, LIMITS.sectionText);
}

/** The private message to a recruiter of a role the person interviews for. */
export function calendarUnreadableForRecruiter({
  slackUserId,
  calendarId,
  problems,
  access,
  roleTitles,
}: {
  slackUserId: string;
  calendarId: string;
  problems: readonly string[];
  access: CalendarAccess;
  roleTitles: readonly string[];
}): string {
  const roles = roleTitles.map((t) => `*${escapeMrkdwn(t)}*`).join(', ');
  const text = [
    `I can't read <@${slackUserId}>'s calendar (${said(calendarId, problems)}),`,
    `so they are left out when I look for interview times for ${roles}.`,
    `I have told them; what it takes: ${fix(access, calendarId, 'their')}`,
  ].join(' ');
  return fit(text, LIMITS.sectionText);
}
