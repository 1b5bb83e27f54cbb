import { WEEKDAY_NAMES, type DigestSchedule } from '../../domain/digest/digest-schedule.js';
import type { WorkspaceSettings } from '../../services/settings/workspace-settings.js';
import { ACTIONS } from '../ids.js';
import { escapePlainText } from './text.js';

const plain = (text: string) => ({ type: 'plain_text' as const, text: escapePlainText(text) });

/** The modal's fields, by block id: the submission's field errors name these. */
export const SETTINGS_FIELDS = {
  signature: 'signature',
  'digest.weekday': 'digest_day',
  'digest.time': 'digest_time',
  'digest.zone': 'digest_zone',
} as const;

const dayOptions = WEEKDAY_NAMES.map((name, i) => ({ text: plain(name), value: String(i + 1) }));

/**
 * `/hire settings` (admins): what the whole workspace shares, filled in with what it holds now.
 * The digest's zone, before anyone set one, is the zone of whoever opens the form.
 */
export function workspaceSettingsModal(current: Partial<WorkspaceSettings>, { digest }: { digest: DigestSchedule }) {
  return {
    type: 'modal' as const,
    callback_id: ACTIONS.workspaceSettingsSubmit,
    title: plain('Justin settings'),
    submit: plain('Save'),
    close: plain('Cancel'),
    blocks: [
      {
        type: 'input',
        block_id: SETTINGS_FIELDS.signature,
        label: plain('Email signature'),
        hint: plain(
          'Signs the emails the team sends with one click, such as a rejection. The scheduling agent signs as Justin.',
        ),
        element: {
          type: 'plain_text_input',
          action_id: 'value',
          multiline: true,
          max_length: 300,
          placeholder: plain('e.g. The Acme hiring team'),
          ...(current.signature ? { initial_value: current.signature } : {}),
        },
      },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text:
            '*Weekly digest*\nEach open role’s channel gets the week’s figures and a chart: candidates per stage ' +
            'and the change since last week, time in each stage, who is stuck, the week’s interviews, late ' +
            'scorecards, offers out and the agent’s work.',
        },
      },
      {
        type: 'input',
        block_id: SETTINGS_FIELDS['digest.weekday'],
        label: plain('Day'),
        element: {
          type: 'static_select',
          action_id: 'value',
          options: dayOptions,
          initial_option: dayOptions[digest.weekday - 1],
        },
      },
      {
        type: 'input',
        block_id: SETTINGS_FIELDS['digest.time'],
        label: plain('Time'),
        hint: plain('Sent within 15 minutes after this time.'),
        element: { type: 'timepicker', action_id: 'value', initial_time: digest.time },
      },
      {
        type: 'input',
        block_id: SETTINGS_FIELDS['digest.zone'],
        label: plain('Time zone'),
        hint: plain('As Area/City, such as Europe/Berlin or America/New_York.'),
        element: { type: 'plain_text_input', action_id: 'value', max_length: 64, initial_value: digest.zone },
      },
    ],
  };
}

type StateValues = Record<
  string,
  Record<
    string,
    { value?: string | null; selected_time?: string | null } & {
      selected_option?: { value?: string } | null;
    }
  >
>;

/** What the form holds, shaped for ZWorkspaceSettings (which checks it). */
export function readWorkspaceSettingsForm(values: StateValues) {
  const field = (id: string) => values[id]?.value;
  return {
    signature: field(SETTINGS_FIELDS.signature)?.value ?? '',
    digest: {
      weekday: Number(field(SETTINGS_FIELDS['digest.weekday'])?.selected_option?.value ?? 0),
      time: field(SETTINGS_FIELDS['digest.time'])?.selected_time ?? '',
      zone: field(SETTINGS_FIELDS['digest.zone'])?.value ?? '',
    },
  };
}
