import { fit, LIMITS } from './limits.js';
import { teamRoleLabel } from './text.js';

/** `/hire team`: who is on the hiring team, with their roles. */
export function teamMessage({
  members,
  bootstrapAdmins,
}: {
  members: { slackUserId: string; roles: string[] }[];
  bootstrapAdmins: readonly string[];
}) {
  const lines = members.map((m) => `• <@${m.slackUserId}>: ${m.roles.map(teamRoleLabel).join(', ')}`);
  for (const id of bootstrapAdmins)
    if (!members.some((m) => m.slackUserId === id)) lines.push(`• <@${id}>: admin (from SLACK_ADMINS)`);
  const text = lines.length
    ? `*The hiring team*\n${lines.join('\n')}`
    : 'Nobody is on the hiring team yet. An admin adds people with `/hire team add @person recruiter`.';
  return {
    response_type: 'ephemeral' as const,
    text: 'The hiring team',
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: fit(text, LIMITS.sectionText, '\n…and more') } }],
  };
}
