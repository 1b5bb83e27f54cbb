import { describeState } from '../../domain/pipeline/stages.js';
import { ratingsDisagree, recommendationsDisagree } from '../../domain/scorecards/disagreement.js';
import { RATINGS, recommendationLabel, type Recommendation } from '../../domain/scorecards/scale.js';
import type { DebriefView } from '../../services/debriefs/load-debrief.js';
import { ACTIONS } from '../ids.js';
import { advanceLabel } from './candidate-card.js';
import { fit, LIMITS } from './limits.js';
import { button, section } from './elements.js';
import { slackTime } from './slot-approval.js';
import { escapeMrkdwn, escapePlainText } from './text.js';

const short = (r: number | null | undefined) =>
  r == null ? 'n/a' : (RATINGS.find((x) => x.value === r)?.short ?? 'n/a');

/**
 * A step's debrief: each interviewer's recommendation and ratings side by side, per competency,
 * disagreements marked; Claude's synthesis of the notes, labelled as such; and the decision:
 * Advance (the card's own button: next step or offer), Reject, Hold, while the candidate is still
 * at this step. Notes themselves are not here: "Read the scorecards" shows them to whoever may
 * read them. Sized for Slack's limits with ten interviewers and eight competencies.
 *
 * `full: false` is for readers who may not see the panel's views yet (the thread while someone
 * still owes a scorecard, or a reader who owes one): who is in and the decision, nothing of what
 * anyone said; "Read the debrief" shows the rest to whoever may read it.
 */
export function debriefMessage(
  d: DebriefView,
  { full = true }: { full?: boolean } = {},
): { text: string; blocks: Record<string, unknown>[] } {
  const missing = d.panel.filter((p) => p.status !== 'SUBMITTED');
  const name = (n: string) => escapeMrkdwn(fit(n, 40));
  const header = {
    type: 'header',
    text: {
      type: 'plain_text',
      text: fit(escapePlainText(`Debrief: ${d.candidateName} · ${d.step.name}`), LIMITS.headerText),
    },
  };
  const body = full
    ? debriefDetails(d)
    : [
        section(
          `*${d.panel.length - missing.length} of ${d.panel.length} scorecards in.* What the panel said shows once ` +
            `${missing.map((p) => name(p.name)).join(', ')} ${missing.length === 1 ? 'has' : 'have'} submitted: ` +
            'nobody reads the panel’s views before their own is in. Those who may can read it now.',
        ),
      ];
  return {
    text: fit(`Debrief: ${escapeMrkdwn(d.candidateName)}, ${escapeMrkdwn(d.step.name)}`, 3000),
    blocks: [header, ...body, ...decisionBlocks(d, { full })],
  };
}

/** The debrief's substance: recommendations, ratings per competency, the synthesis, the meeting. */
export function debriefDetails(d: DebriefView): Record<string, unknown>[] {
  const submitted = d.panel.filter((p) => p.status === 'SUBMITTED');
  const missing = d.panel.filter((p) => p.status !== 'SUBMITTED');
  // Long panels: each name is cut so ten of them fit a line.
  const name = (n: string) => escapeMrkdwn(fit(n, 40));
  const recs = submitted.map((p) => `• ${name(p.name)}: *${recommendationLabel(p.recommendation)}*`);
  const split = recommendationsDisagree(submitted.map((p) => p.recommendation as Recommendation));
  const blocks: Record<string, unknown>[] = [
    section(
      [
        `*Recommendations* (${submitted.length} of ${d.panel.length} in)`,
        ...recs,
        ...missing.map((p) => `• ${name(p.name)}: _not in_`),
        ...(split ? [':warning: *The panel is split* between yes and no.'] : []),
      ].join('\n'),
    ),
  ];
  // The step's competencies, then any rated that the plan no longer lists (renamed or removed).
  const listed = d.step.competencies.map((c) => ({ id: c.id, name: c.name }));
  const extra = new Map<string, string>();
  for (const p of submitted)
    for (const [id, r] of Object.entries(p.ratings)) if (!listed.some((c) => c.id === id)) extra.set(id, r.name);
  const competencies = [...listed, ...[...extra].map(([id, n]) => ({ id, name: n }))].slice(0, 12);
  for (const c of competencies) {
    const ratings = submitted.map((p) => p.ratings[c.id]?.rating ?? null);
    const apart = ratingsDisagree(ratings);
    const line = submitted.map((p, i) => `${name(p.name)}: ${short(ratings[i])}`).join(' · ');
    blocks.push(
      section(
        `*${escapeMrkdwn(c.name)}*${apart ? '  :warning: _2+ points apart_' : ''}\n${line || '_no ratings_'}`,
        1500,
      ),
    );
  }
  // The synthesis was made when the debrief went out: say so when scorecards came in after.
  const from =
    d.scorecardsAtPost < submitted.length
      ? `from ${d.scorecardsAtPost} of ${submitted.length} scorecards`
      : 'from the notes';
  blocks.push(
    section(
      d.synthesis
        ? `*Synthesis by Claude* _(${from}; check the scorecards themselves)_\n${escapeMrkdwn(d.synthesis)}`
        : '_No synthesis: no notes were written, or Claude was not available._',
      2000,
    ),
  );
  if (d.meeting)
    blocks.push({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text:
            d.meeting === 'no-time'
              ? 'No 30-minute time in the next five days suits the whole panel and the hiring manager: book the ' +
                'debrief meeting by hand.'
              : `Debrief meeting: ${slackTime(d.meeting.startsAt)}, ` +
                'invitations sent to the panel and the hiring manager.',
        },
      ],
    });
  return blocks;
}

/** The decision, while the candidate is at this step; afterwards, where they are now. */
function decisionBlocks(d: DebriefView, { full }: { full: boolean }): Record<string, unknown>[] {
  const blocks: Record<string, unknown>[] = [];
  const here = d.application.stage === 'INTERVIEWED' && d.application.planPosition === d.step.position;
  const state = describeState(d.application, d.application.planLength);
  if (here) {
    const value = `${d.application.id}:${d.application.version}`;
    if (d.decision === 'HOLD')
      blocks.push({
        type: 'context',
        elements: [{ type: 'mrkdwn', text: `On hold${d.decidedBy ? `, by <@${d.decidedBy}>` : ''}.` }],
      });
    blocks.push({
      type: 'actions',
      block_id: `debrief_${d.application.version}`,
      elements: [
        button(ACTIONS.advance, advanceLabel(d.application), value, 'primary'),
        button(ACTIONS.reject, 'Reject', value, 'danger'),
        ...(d.decision === 'HOLD' ? [] : [button(ACTIONS.debriefHold, 'Hold', d.interviewId)]),
        full
          ? button(ACTIONS.readScorecards, 'Read the scorecards', d.application.id)
          : button(ACTIONS.readDebrief, 'Read the debrief', d.interviewId),
      ],
    });
  } else {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: fit(`Decided: the candidate is now at ${state}.`, 2000) }],
    });
    blocks.push({
      type: 'actions',
      elements: [
        full
          ? button(ACTIONS.readScorecards, 'Read the scorecards', d.application.id)
          : button(ACTIONS.readDebrief, 'Read the debrief', d.interviewId),
      ],
    });
  }
  return blocks;
}
