import type { ScorecardView } from '../../services/scorecards/load-scorecard.js';
import { recommendationLabel } from '../../domain/scorecards/scale.js';
import { ACTIONS } from '../ids.js';
import { fit } from './limits.js';
import { button, context, section } from './elements.js';
import { inZone } from './local-time.js';
import { escapeMrkdwn } from './text.js';

type Message = { text: string; blocks: Record<string, unknown>[] };

/** What every message about a scorecard becomes once its candidate is erased. */
const erased = (): Message => {
  const text = 'This candidate’s data was erased: no scorecard is needed.';
  return { text, blocks: [section(text)] };
};

const CLOSED = ['HIRED', 'REJECTED', 'WITHDRAWN'];

/** Owed no longer: the application closed before it was written. */
const closed = (c: ScorecardView): Message => {
  const text = `${escapeMrkdwn(c.candidateName)}’s application has closed: your scorecard is no longer needed.`;
  return { text: fit(text, 3000), blocks: [section(text)] };
};

/** "Grace Hopper · Technical interview · Backend Engineer", escaped. */
const about = (c: ScorecardView) =>
  `${escapeMrkdwn(c.candidateName)} · ${escapeMrkdwn(c.step.name)} · ${escapeMrkdwn(c.role.title)}`;

const when = (c: ScorecardView) =>
  c.interview.startsAt ? inZone(c.interview.startsAt, c.interviewer.timeZone, { end: c.interview.endsAt }) : '';

/**
 * The direct message that asks an interviewer for their scorecard, kept current: "Write
 * scorecard" while it is owed, "Continue your draft" once one is saved, and once submitted what
 * they recommended, with Edit and the panel's scorecards (readable now that theirs is in).
 */
export function scorecardRequest(c: ScorecardView): Message {
  if (c.erased) return erased();
  if (c.status !== 'SUBMITTED' && CLOSED.includes(c.application.stage)) return closed(c);
  const head = `*Your scorecard: ${about(c)}*\nInterview: ${when(c)}`;
  const assesses = c.step.competencies.length
    ? `\nIt assesses: ${c.step.competencies.map((x) => escapeMrkdwn(x.name)).join(', ')}.`
    : '';
  if (c.status === 'SUBMITTED') {
    return {
      text: fit(`Scorecard submitted: ${escapeMrkdwn(c.candidateName)}, ${escapeMrkdwn(c.step.name)}`, 3000),
      blocks: [
        section(
          `${head}\n:white_check_mark: Submitted: *${recommendationLabel(c.recommendation)}*${
            c.version > 1 ? ` (version ${c.version})` : ''
          }.`,
        ),
        {
          type: 'actions',
          elements: [
            button(ACTIONS.writeScorecard, 'Edit scorecard', c.id),
            button(ACTIONS.readScorecards, 'Read the panel’s scorecards', c.application.id),
          ],
        },
      ],
    };
  }
  const draft = c.status === 'DRAFT';
  return {
    text: fit(`Your scorecard for ${escapeMrkdwn(c.candidateName)} (${escapeMrkdwn(c.step.name)}) is waiting`, 3000),
    blocks: [
      section(`${head}${assesses}${draft ? '\n_Draft saved; not submitted yet._' : ''}`),
      {
        type: 'actions',
        elements: [button(ACTIONS.writeScorecard, draft ? 'Continue your draft' : 'Write scorecard', c.id, 'primary')],
      },
      context('Private until you submit it. Once yours is in, you can read the rest of the panel’s.'),
    ],
  };
}

/** A chase for a late scorecard; once it is in, the same message says so and loses its button. */
export function scorecardNudge(c: ScorecardView, now: Date): Message {
  if (c.erased) return erased();
  if (c.status !== 'SUBMITTED' && CLOSED.includes(c.application.stage)) return closed(c);
  if (c.status === 'SUBMITTED')
    return {
      text: fit(`Your scorecard for ${escapeMrkdwn(c.candidateName)} is in. Thank you.`, 3000),
      blocks: [section(`Your scorecard for ${about(c)} is in. Thank you.`)],
    };
  const hours = Math.max(1, Math.round((now.getTime() - c.dueAt.getTime()) / 3_600_000));
  const ago = hours < 48 ? `${hours} hour${hours === 1 ? '' : 's'}` : `${Math.round(hours / 24)} days`;
  return {
    text: fit(
      `Reminder: your scorecard for ${escapeMrkdwn(c.candidateName)} (${escapeMrkdwn(c.step.name)}) is still open`,
      3000,
    ),
    blocks: [
      section(`Reminder: your scorecard for ${about(c)} is still open. The interview was ${ago} ago (${when(c)}).`),
      {
        type: 'actions',
        elements: [
          button(
            ACTIONS.writeScorecard,
            c.status === 'DRAFT' ? 'Continue your draft' : 'Write scorecard',
            c.id,
            'primary',
          ),
        ],
      },
    ],
  };
}

/** To the recruiter, when the chasing has run out; updated once the scorecard comes in. */
export function scorecardLate(c: ScorecardView): Message {
  if (c.erased) return erased();
  const who = `<@${c.interviewer.slackUserId}>`;
  if (c.status === 'SUBMITTED')
    return {
      text: fit(`The late scorecard for ${escapeMrkdwn(c.candidateName)} has come in.`, 3000),
      blocks: [section(`${who}’s scorecard for ${about(c)} has come in.`)],
    };
  return {
    text: fit(`A scorecard for ${escapeMrkdwn(c.candidateName)} is late`, 3000),
    blocks: [
      section(
        `${who} has not written their scorecard for ${about(c)} (interview: ${when(c)}), ` +
          `after ${c.nudgesSent} reminder${c.nudgesSent === 1 ? '' : 's'}. Justin has stopped reminding them. ` +
          'The debrief waits for all scorecards, unless you hold it without.',
      ),
      {
        type: 'actions',
        elements: [button(ACTIONS.debriefWithout, 'Hold the debrief without it', c.interview.id)],
      },
    ],
  };
}
