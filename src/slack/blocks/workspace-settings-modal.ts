import type { WorkspaceSettings } from '../../services/settings/workspace-settings.js';
import { ACTIONS } from '../ids.js';

const plain = (text: string) => ({ type: 'plain_text' as const, text });

/** `/hire settings` (admins): what the whole workspace shares, filled in with what it holds now. */
export function workspaceSettingsModal(current: Partial<WorkspaceSettings>) {
  return {
    type: 'modal' as const,
    callback_id: ACTIONS.workspaceSettingsSubmit,
    title: plain('Justin settings'),
    submit: plain('Save'),
    close: plain('Cancel'),
    blocks: [
      {
        type: 'input',
        block_id: 'signature',
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
    ],
  };
}
