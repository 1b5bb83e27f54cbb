import { DateTime } from 'luxon';
import { isZoneName } from '../../domain/time/zone-name.js';
import { ACTIONS } from '../ids.js';
import { fit, LIMITS } from './limits.js';
import { escapeMrkdwn } from './text.js';

/**
 * An interview as one interviewer's reminder shows it. `state` is read when it is rendered:
 * booked (or already held), cancelled, or this person is no longer on it (swapped out).
 */
export type ReminderView = {
  state: 'booked' | 'cancelled' | 'not-on-it';
  applicationId: string;
  candidateName: string;
  roleTitle: string;
  stepName: string;
  startsAt: Date;
  endsAt: Date;
  /** The reader's IANA zone (User.timeZone); anything else reads as UTC. */
  zone: string;
  meetUrl: string | null;
  competencies: { name: string; good: string }[];
  /** The rest of the panel (Slack ids), without the reader. */
  others: string[];
};

/**
 * "Tuesday 2 March 2027, 10:30–11:00 (Europe/Madrid, UTC+1)": the reader's wall clock with the
 * zone's name written out, never an abbreviation (CET, BST and IST each name several zones).
 */
export function localTimeText(startsAt: Date, endsAt: Date, zone: string): string {
  const z = isZoneName(zone) ? zone : 'UTC';
  const start = DateTime.fromJSDate(startsAt, { zone: z }).setLocale('en-GB');
  const end = DateTime.fromJSDate(endsAt, { zone: z }).setLocale('en-GB');
  const sameDay = start.hasSame(end, 'day');
  const until = sameDay ? end.toFormat('HH:mm') : end.toFormat('cccc d LLLL, HH:mm');
  const where = z === 'UTC' ? 'UTC' : `${z}, ${start.toFormat("'UTC'Z")}`;
  return `${start.toFormat('cccc d LLLL yyyy, HH:mm')}–${until} (${where})`;
}

// Only a plain https address becomes a link: a stored value with "|" or ">" would break out of it.
const safeUrl = (url: string | null) => (url && /^https:\/\/[^\s|<>]+$/.test(url) ? url : null);

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

/** The direct message before an interview, or what it says once the interview moved away from the reader. */
export function interviewReminderMessage(v: ReminderView): { text: string; blocks: Record<string, unknown>[] } {
  const who = escapeMrkdwn(v.candidateName);
  const what = `${escapeMrkdwn(v.stepName)} with ${who}`;
  const when = localTimeText(v.startsAt, v.endsAt, v.zone);
  if (v.state === 'cancelled') {
    const text = `Cancelled: ${what} (${escapeMrkdwn(v.roleTitle)}), ${when}.`;
    return {
      text: fit(text, 3000),
      blocks: [
        section(fit(`*Cancelled:* ${what} (${escapeMrkdwn(v.roleTitle)}), which was ${when}. Nothing to do.`, 3000)),
      ],
    };
  }
  if (v.state === 'not-on-it') {
    const text = `You are no longer on this interview: ${what} (${escapeMrkdwn(v.roleTitle)}), ${when}.`;
    return {
      text: fit(text, 3000),
      blocks: [
        section(
          fit(
            `*You are no longer on this interview:* ${what} (${escapeMrkdwn(v.roleTitle)}), ${when}. ` +
              'Someone else interviews instead; nothing to do.',
            3000,
          ),
        ),
      ],
    };
  }
  const meet = safeUrl(v.meetUrl);
  const head = [
    `*${what}* · ${escapeMrkdwn(v.roleTitle)}`,
    `*When:* ${when}`,
    meet ? `*Join:* <${meet}|${meet.replace(/^https:\/\//, '')}>` : '*Join:* the link is in the calendar invitation',
    v.others.length ? `*Also on the panel:* ${v.others.map((u) => `<@${u}>`).join(', ')}` : 'You interview alone.',
  ].join('\n');
  const finds = v.competencies.length
    ? `*What this step should find out*\n${v.competencies
        .map((c) => `• *${escapeMrkdwn(c.name)}*${c.good ? `: ${escapeMrkdwn(c.good)}` : ''}`)
        .join('\n')}`
    : '_The role sets no competencies for this step._';
  return {
    text: fit(`Interview reminder: ${what}, ${when}.`, 3000),
    blocks: [
      section(fit(head, LIMITS.sectionText)),
      section(fit(finds, LIMITS.sectionText, '\n…')),
      {
        type: 'actions',
        block_id: 'reminder_actions',
        elements: [
          {
            type: 'button',
            action_id: ACTIONS.viewDetails,
            text: { type: 'plain_text', text: 'Candidate details' },
            value: v.applicationId,
          },
        ],
      },
    ],
  };
}
