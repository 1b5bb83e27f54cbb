import { waitingOn } from '../../domain/pipeline/waiting-on.js';
import { STAGES, stageLabel as label } from '../../domain/pipeline/stages.js';
import type { RoleOverview } from '../../services/pipeline/pipeline-overview.js';
import { fit, LIMITS } from './limits.js';
import { escapeMrkdwn } from './text.js';

/** The private answer to `/pipeline [role]`. */
export function pipelineMessage({
  roles,
  roleQuery,
  stuckDays,
}: {
  roles: RoleOverview[];
  roleQuery?: string;
  stuckDays: number;
}) {
  if (!roles.length) {
    const text = roleQuery
      ? `No open role matches “${escapeMrkdwn(fit(roleQuery, 100))}”.`
      : 'No open roles yet. Open one with `/hire role new`.';
    return { response_type: 'ephemeral' as const, text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
  }
  const blocks: Record<string, unknown>[] = [];
  const perRole = Math.floor((LIMITS.messageBlockTextTotal - 500) / roles.length);
  for (const role of roles) {
    const counts =
      STAGES.filter((s) => role.counts[s])
        .map((s) => `${label(s)} *${role.counts[s]}*`)
        .join(' · ') || '_no candidates yet_';
    const stuck = role.stuck
      .slice(0, 8)
      .map(
        (s) =>
          `• ${escapeMrkdwn(s.candidateName)}: ${label(s.stage)} for ${s.days} days, waiting on the ` +
          `${waitingOn(s.stage)}`,
      );
    if (role.stuck.length > 8) stuck.push(`• and ${role.stuck.length - 8} more`);
    const cost =
      role.costPerScheduledInterviewUsd === null
        ? ''
        : `\nAgent cost per scheduled interview: $${role.costPerScheduledInterviewUsd.toFixed(3)}`;
    const text =
      `*${escapeMrkdwn(role.title)}*\n` +
      `${counts}${stuck.length ? `\n_Not moved in ${stuckDays}+ days:_\n${stuck.join('\n')}` : ''}${cost}`;
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: fit(text, Math.min(LIMITS.sectionText, perRole)) } });
  }
  return {
    response_type: 'ephemeral' as const,
    text: `Pipeline for ${roles.length} role${roles.length > 1 ? 's' : ''}`,
    blocks: blocks.slice(0, LIMITS.messageBlocks),
  };
}
