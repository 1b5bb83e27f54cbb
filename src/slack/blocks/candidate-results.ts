import { DateTime } from 'luxon';
import type { CandidateHit } from '../../services/candidates/search-candidates.js';
import { fit, LIMITS } from './limits.js';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const stageLabel = (stage: string) => stage.charAt(0) + stage.slice(1).toLowerCase().replaceAll('_', ' ');

/** The private answer to `/candidate`: best matches with role, stage and next interview. */
export function candidateResults({ query, hits, timeZone }: { query: string; hits: CandidateHit[]; timeZone: string }) {
  const q = fit(query, 100);
  if (!hits.length) {
    const text = `No candidate matches “${escape(q)}”. Try part of a name, an email address or a skill.`;
    return { response_type: 'ephemeral' as const, text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
  }
  const blocks: Record<string, unknown>[] = [
    { type: 'context', elements: [{ type: 'mrkdwn', text: fit(`${hits.length} best match${hits.length > 1 ? 'es' : ''} for “${escape(q)}”, visible only to you`, LIMITS.sectionText) }] },
  ];
  for (const hit of hits) {
    const lines = hit.applications.slice(0, 5).map((a) => {
      const next = a.nextInterviewAt ? `; next interview ${DateTime.fromJSDate(a.nextInterviewAt, { zone: timeZone }).toFormat("ccc d LLL, HH:mm ZZZZ")}` : '';
      return `• ${escape(a.roleTitle)}: ${stageLabel(a.stage)}${next}`;
    });
    if (hit.applications.length > 5) lines.push(`• and ${hit.applications.length - 5} more`);
    const text = `*${escape(hit.name)}* · ${escape(hit.email)}\n${lines.join('\n') || '_no applications_'}`;
    blocks.push({
      type: 'section',
      block_id: `cand_${hit.id}`,
      text: { type: 'mrkdwn', text: fit(text, LIMITS.sectionText) },
    });
  }
  return { response_type: 'ephemeral' as const, text: `${hits.length} candidates match “${q}”`, blocks };
}
