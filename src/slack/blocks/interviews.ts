import { DateTime } from 'luxon';
import type { UpcomingInterview } from '../../services/interviews/upcoming-interviews.js';
import { fit, LIMITS } from './limits.js';
import { escapeMrkdwn } from './text.js';

/** Upcoming interviews with times in the viewer's zone, the zone spelled out. */
export function interviewsMessage({
  interviews,
  zone,
  scope,
}: {
  interviews: UpcomingInterview[];
  zone: string;
  scope: string;
}) {
  if (!interviews.length) {
    const text = `No interviews booked ${scope}.`;
    return { response_type: 'ephemeral' as const, text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
  }
  const lines = interviews.map((i) => {
    const s = DateTime.fromJSDate(i.startsAt, { zone });
    const e = DateTime.fromJSDate(i.endsAt, { zone });
    const who = i.interviewerSlackIds.map((id) => `<@${id}>`).join(', ');
    return (
      `• *${s.toFormat('ccc d LLL HH:mm')}–${e.toFormat('HH:mm')}* ${escapeMrkdwn(i.candidateName)} · ` +
      `${escapeMrkdwn(i.roleTitle)} (${escapeMrkdwn(i.stageName)})${who ? ` with ${who}` : ''}`
    );
  });
  const zoneName = DateTime.now().setZone(zone).toFormat('ZZZZZ');
  const header = `Interviews ${scope}, times in ${zone} (${zoneName}):`;
  return {
    response_type: 'ephemeral' as const,
    text: header,
    blocks: [
      {
        type: 'section',
        text: { type: 'mrkdwn', text: fit(`${header}\n${lines.join('\n')}`, LIMITS.sectionText, '\n…and more') },
      },
    ],
  };
}
