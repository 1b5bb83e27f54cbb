import { formatMoney } from '../../domain/offers/offer-terms.js';
import { REMINDER_LEADS, ZAfterInterviewPolicy } from '../../domain/interviews/after-interview-policy.js';
import { competencyLines, MAX_COMPETENCIES } from '../../domain/roles/competencies.js';
import { DEBRIEF_DEADLINE_VALUES, DURATIONS, KINDS, MAX_STAGES, NUDGE_LIMITS } from '../../domain/roles/role-form.js';
import type { RoleForEdit } from '../../services/roles/edit-role.js';
import { ACTIONS } from '../ids.js';
import { fit } from './limits.js';
import { escapePlainText } from './text.js';

const plain = (text: string) => ({ type: 'plain_text' as const, text: escapePlainText(text) });
const opt = (text: string, value: string) => ({ text: plain(text), value });

function input(block_id: string, label: string, element: Record<string, unknown>, optional = false, hint?: string) {
  return {
    type: 'input',
    block_id,
    label: plain(label),
    optional,
    element: { action_id: 'value', ...element },
    ...(hint ? { hint: plain(hint) } : {}),
  };
}

const kindLabel = (k: string) => k.charAt(0) + k.slice(1).toLowerCase().replace('_', ' ');

/** What the edit modal carries back on submit (view.private_metadata). */
export type RoleEditMetadata = { roleId: string; version: string };

/** A text field, filled in with a stored value cut to the field's length (Slack refuses longer). */
const textField = (maxLength: number, value: string | null | undefined, extra: Record<string, unknown> = {}) => ({
  type: 'plain_text_input',
  max_length: maxLength,
  ...extra,
  ...(value ? { initial_value: fit(value, maxLength) } : {}),
});
/** The modal's pool limit; the modal is the only way to set a pool, so an existing one fits. */
const MAX_POOL = 30;
const initialOption = (options: { text: { text: string }; value: string }[], value: string | undefined) => {
  const found = options.find((o) => o.value === value);
  return found ? { initial_option: found } : {};
};

/**
 * The modal for opening a role (details, people, channel, up to five interview steps), or,
 * given an existing role, for editing it: every field filled in with what it holds now.
 */
export function roleModal({ channelId, existing }: { channelId?: string; existing?: RoleForEdit } = {}) {
  const durationOptions = DURATIONS.map((d) => opt(`${d} minutes`, String(d)));
  const kindOptions = KINDS.map((k) => opt(kindLabel(k), k));
  const neededOptions = [
    ...[1, 2, 3, 4, 5].map((n) => opt(`${n} from the pool`, String(n))),
    opt('The whole pool (panel)', 'all'),
  ];
  const stageBlocks = Array.from({ length: MAX_STAGES }, (_, i) => {
    const was = existing?.stages[i];
    return [
      { type: 'header', text: plain(`Interview step ${i + 1}${i === 0 ? '' : ' (optional)'}`) },
      input(
        `stage_${i}_name`,
        'Name',
        textField(80, was?.name, { placeholder: plain(i === 0 ? 'e.g. Intro call' : 'e.g. Technical interview') }),
        true,
      ),
      input(
        `stage_${i}_duration`,
        'Duration',
        {
          type: 'static_select',
          options: durationOptions,
          ...initialOption(durationOptions, was && String(was.durationMinutes)),
        },
        true,
      ),
      input(
        `stage_${i}_kind`,
        'Kind',
        { type: 'static_select', options: kindOptions, ...initialOption(kindOptions, was?.kind) },
        true,
      ),
      input(
        `stage_${i}_pool`,
        'Interviewer pool',
        {
          type: 'multi_users_select',
          max_selected_items: MAX_POOL,
          ...(was?.pool.length ? { initial_users: was.pool.slice(0, MAX_POOL) } : {}),
        },
        true,
      ),
      input(
        `stage_${i}_needed`,
        'Interviewers per interview',
        { type: 'static_select', options: neededOptions, ...initialOption(neededOptions, was && String(was.needed)) },
        true,
        'Fewest interviews in the period go first, then least recent.',
      ),
      input(
        `stage_${i}_competencies`,
        'Competencies',
        textField(COMPETENCIES_LENGTH, was ? competencyLines(was.competencies) : undefined, {
          multiline: true,
          placeholder: plain('e.g. System design: splits a service into parts and says why'),
        }),
        true,
        `What this step finds out: one per line, “Name: what good looks like”, at most ${MAX_COMPETENCIES}. ` +
          'Interviewers see them in their reminders.',
      ),
    ];
  }).flat();
  const channel = existing?.channel ?? channelId;
  return {
    type: 'modal' as const,
    callback_id: ACTIONS.roleSubmit,
    title: plain(existing ? 'Edit role' : 'Open a role'),
    submit: plain(existing ? 'Save' : 'Open role'),
    close: plain('Cancel'),
    ...(existing
      ? {
          private_metadata: JSON.stringify({
            roleId: existing.id,
            version: existing.version,
          } satisfies RoleEditMetadata),
        }
      : {}),
    blocks: [
      input('title', 'Title', textField(120, existing?.title, { placeholder: plain('e.g. Senior Backend Engineer') })),
      input('description', 'Description', textField(3000, existing?.description, { multiline: true }), true),
      input(
        'requirements',
        'Requirements',
        textField(3000, existing?.requirements, { multiline: true }),
        true,
        'Justin compares each CV with these.',
      ),
      input(
        'location',
        'Location',
        textField(120, existing?.location, { placeholder: plain('e.g. Berlin or remote (EU time zones)') }),
        true,
      ),
      input('hiring_manager', 'Hiring manager', {
        type: 'users_select',
        ...(existing?.hiringManager ? { initial_user: existing.hiringManager } : {}),
      }),
      input(
        'recruiter',
        'Recruiter',
        { type: 'users_select', ...(existing?.recruiter ? { initial_user: existing.recruiter } : {}) },
        true,
      ),
      input(
        'channel',
        "Role's channel",
        {
          type: 'conversations_select',
          filter: { include: ['public', 'private'], exclude_bot_users: true },
          ...(channel ? { initial_conversation: channel } : {}),
        },
        true,
        existing
          ? 'Cards already posted stay where they are; new ones go here.'
          : 'Candidate cards for this role are posted here. Invite Justin to the channel.',
      ),
      input(
        'new_channel',
        'Or create a new channel',
        textField(80, undefined, { placeholder: plain('e.g. hiring-backend') }),
        true,
        'Justin creates it (public), joins it and invites the hiring manager, the recruiter and you.',
      ),
      ...stageBlocks,
      { type: 'header', text: plain('Scheduling') },
      input(
        'options',
        'Options',
        {
          type: 'checkboxes',
          options: [holdOption],
          ...(existing?.holdProposedSlots ? { initial_options: [holdOption] } : {}),
        },
        true,
      ),
      ...afterInterviewBlocks(existing),
      ...offerBlocks(existing),
    ],
  };
}

/** Who approves an offer: the role's Role.policy.offer. */
function offerBlocks(existing: RoleForEdit | undefined) {
  const policy = existing?.offer;
  const t = policy?.threshold;
  return [
    { type: 'header', text: plain('Offers') },
    input(
      'offer_approvers',
      'Offer approvers, in order',
      {
        type: 'multi_users_select',
        max_selected_items: 10,
        ...(policy?.approvers.length ? { initial_users: policy.approvers } : {}),
      },
      true,
      'Each approves in turn before the offer can be sent. Nobody picked: the hiring manager.',
    ),
    input(
      'offer_threshold',
      'Above this base salary',
      textField(40, t ? `${formatMoney(t.amount, t.currency)}` : undefined, { placeholder: plain('e.g. 120,000 EUR') }),
      true,
      'An offer above it (or in another currency) needs one more approval, from the person below.',
    ),
    input(
      'offer_threshold_approver',
      '…also approved by',
      { type: 'users_select', ...(t ? { initial_user: t.approver } : {}) },
      true,
    ),
  ];
}

/** 8 competencies of a 60-character name and 300 characters of "what good looks like". */
const COMPETENCIES_LENGTH = 3000;

const LEAD_LABELS: Record<(typeof REMINDER_LEADS)[number], string> = {
  1440: '24 hours before',
  60: '1 hour before',
  15: '15 minutes before',
};
const leadOptions = REMINDER_LEADS.map((lead) => opt(LEAD_LABELS[lead], String(lead)));
const nudgeOptions = NUDGE_LIMITS.map((n) =>
  opt(
    n === 0 ? 'Never: tell the recruiter after an hour' : `${n} time${n === 1 ? '' : 's'}, then tell the recruiter`,
    String(n),
  ),
);
const deadlineOptions = DEBRIEF_DEADLINE_VALUES.map((v) =>
  opt(v === 'none' ? 'When all scorecards are in' : `…or ${v} hours after the interview`, v),
);
const privateOption = {
  text: plain('Keep interview notes out of the channel'),
  description: plain('The debrief goes to the hiring manager and recruiter by DM.'),
  value: 'private',
};
const meetingOption = {
  text: plain('Book a debrief meeting for the panel'),
  description: plain('On the calendar, once the debrief is out.'),
  value: 'meeting',
};

/** Reminders, chasing late scorecards and the debrief: the role's Role.policy.afterInterview. */
function afterInterviewBlocks(existing: RoleForEdit | undefined) {
  const policy = existing?.afterInterview ?? ZAfterInterviewPolicy.parse({});
  const ticked = leadOptions.filter((o) => policy.reminderLeadMinutes.includes(Number(o.value)));
  const debriefTicked = [
    ...(policy.debriefIn === 'private' ? [privateOption] : []),
    ...(policy.bookDebriefMeeting ? [meetingOption] : []),
  ];
  return [
    { type: 'header', text: plain('After the interview') },
    input(
      'reminders',
      'Remind each interviewer by direct message',
      { type: 'checkboxes', options: leadOptions, ...(ticked.length ? { initial_options: ticked } : {}) },
      true,
      'With the time in their own zone, what the step should find out, the panel and the Meet link.',
    ),
    input(
      'nudge_limit',
      'Chase late scorecards',
      { type: 'static_select', options: nudgeOptions, ...initialOption(nudgeOptions, String(policy.nudgeLimit)) },
      false,
      'An hour after the interview, then each business morning in the interviewer’s zone.',
    ),
    input(
      'debrief_deadline',
      'Debrief',
      {
        type: 'static_select',
        options: deadlineOptions,
        ...initialOption(deadlineOptions, String(policy.debriefDeadlineHours ?? 'none')),
      },
      false,
      'A summary of the scorecards, for the hiring manager to decide on.',
    ),
    input(
      'debrief_options',
      'Debrief options',
      {
        type: 'checkboxes',
        options: [privateOption, meetingOption],
        ...(debriefTicked.length ? { initial_options: debriefTicked } : {}),
      },
      true,
    ),
  ];
}

const holdOption = {
  text: plain('Hold proposed times on the interviewers’ calendars'),
  // Slack refuses a description over 75 characters (and with it the whole modal).
  description: plain('Tentative events keep the times free until the candidate chooses.'),
  value: 'hold',
};
