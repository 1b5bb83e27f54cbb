import { MAX_NOTES, NOT_ASSESSED } from '../../domain/scorecards/scorecard-form.js';
import { RATINGS, RECOMMENDATIONS } from '../../domain/scorecards/scale.js';
import type { ScorecardView } from '../../services/scorecards/load-scorecard.js';
import { ACTIONS } from '../ids.js';
import { fit, LIMITS } from './limits.js';
import { inZone } from './local-time.js';
import { escapeMrkdwn, escapePlainText } from './text.js';

const plain = (text: string) => ({ type: 'plain_text' as const, text: escapePlainText(text) });
const option = (text: string, value: string) => ({ text: plain(fit(text, LIMITS.optionText)), value });

const ratingOptions = [
  ...RATINGS.map((r) => option(`${r.value} · ${r.label}`, String(r.value))),
  option('Not assessed', NOT_ASSESSED),
];
const recommendationOptions = RECOMMENDATIONS.map((r) => option(r.label, r.value));

/**
 * The scorecard modal: a rating per competency of the step (4 points or not assessed), the
 * overall recommendation, notes. Filled in with the draft or the submitted version. A draft can
 * be saved with the button inside the modal (a submitted scorecard is edited by submitting again).
 */
export function scorecardModal(c: ScorecardView, { savedAt }: { savedAt?: string } = {}) {
  const ratingBlocks = c.step.competencies.map((comp) => {
    const was = c.ratings[comp.id];
    const initial = was
      ? ratingOptions.find((o) => o.value === (was.rating === null ? NOT_ASSESSED : String(was.rating)))
      : undefined;
    return {
      type: 'input',
      block_id: `c_${comp.id}`,
      label: plain(fit(comp.name, LIMITS.inputLabel)),
      ...(comp.good ? { hint: plain(fit(`Good looks like: ${comp.good}`, 150)) } : {}),
      element: {
        type: 'static_select',
        action_id: 'value',
        placeholder: plain('Rate'),
        options: ratingOptions,
        ...(initial ? { initial_option: initial } : {}),
      },
    };
  });
  const rec = recommendationOptions.find((o) => o.value === c.recommendation);
  const when = c.interview.startsAt ? inZone(c.interview.startsAt, c.interviewer.timeZone) : '';
  const submitted = c.status === 'SUBMITTED';
  return {
    type: 'modal' as const,
    callback_id: ACTIONS.scorecardSubmit,
    private_metadata: c.id,
    title: plain('Scorecard'),
    submit: plain(submitted ? 'Submit changes' : 'Submit'),
    close: plain('Close'),
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: fit(
            `*${escapeMrkdwn(c.candidateName)}* · ${escapeMrkdwn(c.step.name)} · ` +
              `${escapeMrkdwn(c.role.title)}\n${when}`,
            LIMITS.sectionText,
          ),
        },
      },
      ...(c.step.competencies.length
        ? []
        : [
            {
              type: 'context',
              elements: [
                { type: 'mrkdwn', text: 'This step lists no competencies: give your recommendation and notes.' },
              ],
            },
          ]),
      ...ratingBlocks,
      {
        type: 'input',
        block_id: 'recommendation',
        label: plain('Would you hire them?'),
        element: {
          type: 'radio_buttons',
          action_id: 'value',
          options: recommendationOptions,
          ...(rec ? { initial_option: rec } : {}),
        },
      },
      {
        type: 'input',
        block_id: 'notes',
        optional: true,
        label: plain('Notes'),
        hint: plain('What you saw and heard. The team reads them in the debrief; the candidate never does.'),
        element: {
          type: 'plain_text_input',
          action_id: 'value',
          multiline: true,
          max_length: MAX_NOTES,
          ...(c.notes ? { initial_value: fit(c.notes, MAX_NOTES) } : {}),
        },
      },
      ...(submitted
        ? [
            {
              type: 'context',
              elements: [
                {
                  type: 'mrkdwn',
                  text: `Submitted as version ${c.version}. Submitting changes keeps the earlier version.`,
                },
              ],
            },
          ]
        : [
            {
              type: 'actions',
              block_id: 'draft',
              elements: [
                {
                  type: 'button',
                  action_id: ACTIONS.scorecardSaveDraft,
                  text: plain('Save draft'),
                  value: c.id,
                },
              ],
            },
            {
              type: 'context',
              elements: [
                {
                  type: 'mrkdwn',
                  text: savedAt
                    ? `Draft saved ${savedAt}. Only you can see it.`
                    : 'Private until you submit. Save a draft to finish later.',
                },
              ],
            },
          ]),
    ],
  };
}
