import { DateTime } from 'luxon';
import { stageLabel, type Stage } from '../../domain/pipeline/stages.js';
import type { CandidateHit } from '../../services/candidates/search-candidates.js';
import { fit, LIMITS } from './limits.js';
import { escapeMrkdwn } from './text.js';

/** At most this many matches in one answer; the rest are counted, not shown. */
const MAX_HITS = 10;

/** The private answer to `/candidate`: best matches with role, stage and next interview. */
export function candidateResults({
  query,
  hits: allHits,
  timeZone,
}: {
  query: string;
  hits: CandidateHit[];
  timeZone: string;
}) {
  const hits = allHits.slice(0, MAX_HITS);
  // Slack refuses a message whose blocks hold too much text in all, so each match gets a share.
  const perHit = Math.min(
    LIMITS.sectionText,
    Math.floor((LIMITS.messageBlockTextTotal - 500) / Math.max(1, hits.length)),
  );
  const q = fit(query, 100);
  if (!hits.length) {
    const text = `No candidate matches “${escapeMrkdwn(q)}”. Try part of a name, an email address or a skill.`;
    return { response_type: 'ephemeral' as const, text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
  }
  const blocks: Record<string, unknown>[] = [
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: fit(
            `${hits.length} best match${hits.length > 1 ? 'es' : ''} for “${escapeMrkdwn(q)}”, visible only to you`,
            LIMITS.sectionText,
          ),
        },
      ],
    },
  ];
  for (const hit of hits) {
    const lines = hit.applications.slice(0, 5).map((a) => {
      const next = a.nextInterviewAt
        ? '; next interview ' +
          `${DateTime.fromJSDate(a.nextInterviewAt, { zone: timeZone }).toFormat('ccc d LLL, HH:mm ZZZZ')}`
        : '';
      return `• ${escapeMrkdwn(a.roleTitle)}: ${stageLabel(a.stage as Stage)}${next}`;
    });
    if (hit.applications.length > 5) lines.push(`• and ${hit.applications.length - 5} more`);
    const text = `*${escapeMrkdwn(hit.name)}* · ${escapeMrkdwn(hit.email)}\n${lines.join('\n') || '_no applications_'}`;
    blocks.push({
      type: 'section',
      block_id: `cand_${hit.id}`,
      text: { type: 'mrkdwn', text: fit(text, perHit) },
    });
  }
  if (allHits.length > hits.length) {
    blocks.push({
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: `…and ${allHits.length - hits.length} more. Add a word to narrow the search.` },
      ],
    });
  }
  return { response_type: 'ephemeral' as const, text: `${hits.length} candidates match “${escapeMrkdwn(q)}”`, blocks };
}
