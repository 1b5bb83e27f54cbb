import { formatDaysOff } from '../../domain/team/days-off.js';
import {
  CAP_MAX,
  SETTINGS_FIELDS as F,
  type BusyChoice,
  type InterviewerSettings,
} from '../../domain/team/interviewer-settings-form.js';
import { WEEKDAYS, type Weekday } from '../../domain/scheduling/slot-query.js';
import { ACTIONS } from '../ids.js';
import { fit } from './limits.js';
import { escapeMrkdwn, escapePlainText } from './text.js';

const plain = (text: string) => ({ type: 'plain_text' as const, text: escapePlainText(text) });
const DAY_NAMES: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

function input(blockId: string, label: string, element: Record<string, unknown>, hint?: string) {
  return {
    type: 'input',
    block_id: blockId,
    label: plain(label),
    optional: true,
    element: { action_id: 'value', ...element },
    ...(hint ? { hint: plain(hint) } : {}),
  };
}

const timepicker = (time: string | undefined) => ({ type: 'timepicker', ...(time ? { initial_time: time } : {}) });

const capInput = (value: number | null) => ({
  type: 'number_input',
  is_decimal_allowed: false,
  min_value: '1',
  max_value: String(CAP_MAX),
  ...(value ? { initial_value: String(value) } : {}),
});

const BUSY_OPTIONS = [
  { text: plain('Busy: no interviews then'), value: 'busy' },
  { text: plain('Free: interviews may go there'), value: 'free' },
];
const radio = (chosen: BusyChoice) => ({
  type: 'radio_buttons',
  options: BUSY_OPTIONS,
  initial_option: BUSY_OPTIONS.find((o) => o.value === chosen),
});

/**
 * "My interviewing settings", filled in with what is stored (or the defaults the scheduler
 * uses): hours per weekday, days off, interview limits, how calendar events count, calendar id.
 */
export function interviewerSettingsModal({ settings, timeZone }: { settings: InterviewerSettings; timeZone: string }) {
  const hours = WEEKDAYS.flatMap((day) => {
    const [range] = settings.weekly[day] ?? [];
    return [
      input(F.start(day), `${DAY_NAMES[day]}: from`, timepicker(range?.[0])),
      input(F.end(day), `${DAY_NAMES[day]}: until`, timepicker(range?.[1])),
    ];
  });
  const intro =
    'Candidates are only offered times inside these hours ' +
    `(in your Slack time zone, *${escapeMrkdwn(timeZone)}*) when ` +
    "your calendar is free. Leave both times empty on days you don't interview.";
  return {
    type: 'modal' as const,
    callback_id: ACTIONS.interviewerSettingsSubmit,
    title: plain('Interviewing settings'),
    submit: plain('Save'),
    close: plain('Cancel'),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: intro } },
      { type: 'header', text: plain('Working hours') },
      ...hours,
      { type: 'header', text: plain('Time off and limits') },
      input(
        F.daysOff,
        'Days off',
        {
          type: 'plain_text_input',
          max_length: 3000,
          placeholder: plain('2027-03-10, 2027-04-01..2027-04-05'),
          ...initialText(formatDaysOff(settings.daysOff), 3000),
        },
        'Dates, or ranges with two dots, separated by commas. No interviews on these days.',
      ),
      input(F.dailyCap, 'Most interviews in a day', capInput(settings.dailyCap), 'Empty: no limit.'),
      input(F.weeklyCap, 'Most interviews in a week', capInput(settings.weeklyCap), 'Empty: no limit.'),
      { type: 'header', text: plain('Your calendar') },
      input(F.tentative, "Events you haven't accepted yet", radio(settings.busyPolicy.tentative)),
      input(F.outOfOffice, 'Out-of-office events', radio(settings.busyPolicy.outOfOffice)),
      input(F.allDay, 'All-day events', radio(settings.busyPolicy.allDay)),
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text:
              'Free/busy alone cannot tell these kinds apart: the choices apply where Justin reads calendar events ' +
              '(with a Google service account).',
          },
        ],
      },
      input(
        F.calendarId,
        'Calendar id',
        {
          type: 'plain_text_input',
          max_length: 254,
          placeholder: plain('you@example.com'),
          ...initialText(settings.calendarId ?? '', 254),
        },
        'Usually your work email. Empty: your Slack email.',
      ),
    ],
  };
}

const initialText = (value: string, max: number) => (value ? { initial_value: fit(value, max) } : {});

/** For someone Justin does not know yet (opened from the App Home, where there is no private reply). */
export function notOnTeamModal() {
  return {
    type: 'modal' as const,
    title: plain('Interviewing settings'),
    close: plain('OK'),
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: NOT_ON_TEAM } }],
  };
}

export const NOT_ON_TEAM =
  "You're not on a hiring team yet, so there are no interviewing settings to change. " +
  'A recruiter adds you by naming you ' +
  'in a role (`/hire role edit <title>`), or an admin with `/hire team add @you interviewer`.';
