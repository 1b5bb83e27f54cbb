import { ratingLabel, recommendationLabel } from '../../domain/scorecards/scale.js';
import type { Readable } from '../../services/scorecards/readable-scorecards.js';
import { fit, LIMITS } from './limits.js';
import { escapeMrkdwn, escapePlainText } from './text.js';
import { ACTIONS } from '../ids.js';

const HIDDEN = {
  'owes-own': 'Submit your own scorecard for this candidate first: until then the panel’s stay hidden from you.',
  'not-deciding': 'The rest are for the hiring manager, the recruiter and the interviewers of that step.',
} as const;

/**
 * The scorecards one person may read for a candidate, in a modal (only they see it): each with
 * its recommendation, ratings and notes in full; drafts are only ever their writer's own.
 */
export function scorecardsModal(r: Readable) {
  const blocks: Record<string, unknown>[] = [];
  for (const c of r.cards.slice(0, 24)) {
    const head =
      c.status === 'SUBMITTED'
        ? `*${escapeMrkdwn(c.interviewer)}*${c.mine ? ' (you)' : ''} · ${escapeMrkdwn(c.step)} · ` +
          `*${recommendationLabel(c.recommendation)}*${c.version > 1 ? ` · version ${c.version}` : ''}`
        : `*Your ${c.status === 'DRAFT' ? 'draft' : 'scorecard (not started)'}* · ${escapeMrkdwn(c.step)}`;
    const ratings = Object.values(c.ratings)
      .map((x) => `${escapeMrkdwn(x.name)}: ${ratingLabel(x.rating)}`)
      .join(' · ');
    blocks.push({ type: 'divider' });
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: fit(`${head}${ratings ? `\n${ratings}` : ''}`, LIMITS.sectionText) },
    });
    if (c.notes)
      blocks.push({ type: 'section', text: { type: 'mrkdwn', text: fit(escapeMrkdwn(c.notes), LIMITS.sectionText) } });
  }
  if (!r.cards.length)
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: '_No scorecards you can read yet._' } });
  if (r.hidden && r.why)
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `${r.hidden} more hidden. ${HIDDEN[r.why]}` }],
    });
  return {
    type: 'modal' as const,
    title: { type: 'plain_text' as const, text: 'Scorecards' },
    close: { type: 'plain_text' as const, text: 'Close' },
    blocks: [
      {
        type: 'header',
        text: { type: 'plain_text', text: fit(escapePlainText(`Scorecards: ${r.candidateName}`), LIMITS.headerText) },
      },
      ...blocks,
    ],
  };
}

/**
 * The scorecards part of View details: one line per scorecard the viewer may read (who, step,
 * recommendation), how many are hidden and why, and the button to read them in full.
 */
export function scorecardSummaryBlocks(r: Readable, applicationId: string): Record<string, unknown>[] {
  const submitted = r.cards.filter((c) => c.status === 'SUBMITTED');
  if (!submitted.length && !r.hidden) return [];
  const lines = submitted.map(
    (c) => `• ${escapeMrkdwn(c.interviewer)} · ${escapeMrkdwn(c.step)}: ${recommendationLabel(c.recommendation)}`,
  );
  const hidden = r.hidden && r.why ? `\n_${r.hidden} more hidden. ${HIDDEN[r.why]}_` : '';
  return [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: fit(`*Scorecards*\n${lines.join('\n') || '_none you can read yet_'}${hidden}`, 1500),
      },
      ...(submitted.length
        ? {
            accessory: {
              type: 'button',
              action_id: ACTIONS.readScorecards,
              text: { type: 'plain_text', text: 'Read them' },
              value: applicationId,
            },
          }
        : {}),
    },
  ];
}
