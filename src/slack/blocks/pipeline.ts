import { waitingOn } from '../../domain/pipeline/waiting-on.js';
import { STAGES, stageLabel as label } from '../../domain/pipeline/stages.js';
import type { PipelinePage, RoleOverview } from '../../services/pipeline/pipeline-overview.js';
import { ACTIONS } from '../ids.js';
import { fit, LIMITS } from './limits.js';
import { escapeMrkdwn } from './text.js';

/** What a paging button carries: the page it shows and the role filter typed with the command. */
export type PipelinePageValue = { page: number; roleQuery?: string | undefined };

/** The private answer to `/pipeline [role] [page N]`: one page of roles, and the way to the others. */
export function pipelineMessage({
  page,
  roleQuery,
  stuckDays,
}: {
  page: PipelinePage;
  roleQuery?: string | undefined;
  stuckDays: number;
}) {
  const { roles } = page;
  if (!roles.length) {
    const text = roleQuery
      ? `No open role matches “${escapeMrkdwn(fit(roleQuery, 100))}”.`
      : 'No open roles yet. Open one with `/hire role new`.';
    return { response_type: 'ephemeral' as const, text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
  }
  const blocks: Record<string, unknown>[] = [];
  const perRole = Math.floor((LIMITS.messageBlockTextTotal - 1000) / roles.length);
  for (const role of roles) {
    const text = roleText(role, stuckDays);
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: fit(text, Math.min(LIMITS.sectionText, perRole)) } });
  }
  const first = (page.page - 1) * page.pageSize + 1;
  const last = first + roles.length - 1;
  const shown = page.pages > 1 ? `Roles ${first}–${last} of ${page.total}` : `${page.total} role${plural(page.total)}`;
  if (page.pages > 1) {
    const filter = roleQuery ? ` ${escapeMrkdwn(fit(roleQuery, 100))}` : '';
    const next = page.page < page.pages ? ` · \`/pipeline${filter} page ${page.page + 1}\` for the next` : '';
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `${shown} (page ${page.page} of ${page.pages})${next}` }],
    });
    blocks.push({ type: 'actions', block_id: 'pipeline_pages', elements: pageButtons(page, roleQuery) });
  }
  return {
    response_type: 'ephemeral' as const,
    text: `Pipeline: ${shown}`,
    blocks: blocks.slice(0, LIMITS.messageBlocks),
  };
}

function roleText(role: RoleOverview, stuckDays: number): string {
  const counts =
    STAGES.filter((s) => role.counts[s])
      .map((s) => `${label(s)} *${role.counts[s]}*`)
      .join(' · ') || '_no candidates yet_';
  const stuck = role.stuck.map(
    (s) =>
      `• ${escapeMrkdwn(s.candidateName)}: ${label(s.stage)} for ${s.days} days, waiting on the ${waitingOn(s.stage)}`,
  );
  if (role.stuckTotal > role.stuck.length) stuck.push(`• and ${role.stuckTotal - role.stuck.length} more`);
  const cost =
    role.costPerScheduledInterviewUsd === null
      ? ''
      : `\nAgent cost per scheduled interview: $${role.costPerScheduledInterviewUsd.toFixed(3)}`;
  return (
    `*${escapeMrkdwn(role.title)}*\n` +
    `${counts}${stuck.length ? `\n_Not moved in ${stuckDays}+ days:_\n${stuck.join('\n')}` : ''}${cost}`
  );
}

function pageButtons(page: PipelinePage, roleQuery: string | undefined) {
  const value = (to: number) => JSON.stringify({ page: to, ...(roleQuery ? { roleQuery: fit(roleQuery, 100) } : {}) });
  return [
    ...(page.page > 1
      ? [
          {
            type: 'button',
            action_id: `${ACTIONS.pipelinePage}:previous`,
            text: { type: 'plain_text', text: 'Previous page' },
            value: value(page.page - 1),
          },
        ]
      : []),
    ...(page.page < page.pages
      ? [
          {
            type: 'button',
            action_id: `${ACTIONS.pipelinePage}:next`,
            text: { type: 'plain_text', text: 'Next page' },
            value: value(page.page + 1),
          },
        ]
      : []),
  ];
}

const plural = (n: number) => (n === 1 ? '' : 's');
