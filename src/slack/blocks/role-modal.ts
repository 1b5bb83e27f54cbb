import { DURATIONS, KINDS, MAX_STAGES } from '../../domain/roles/role-form.js';
import { ACTIONS } from '../ids.js';

const plain = (text: string) => ({ type: 'plain_text' as const, text });
const opt = (text: string, value: string) => ({ text: plain(text), value });

function input(block_id: string, label: string, element: Record<string, unknown>, optional = false, hint?: string) {
  return { type: 'input', block_id, label: plain(label), optional, element: { action_id: 'value', ...element }, ...(hint ? { hint: plain(hint) } : {}) };
}

const kindLabel = (k: string) => k.charAt(0) + k.slice(1).toLowerCase().replace('_', ' ');

/** The modal for opening a role: details, people, channel, and up to five interview steps. */
export function roleModal({ channelId }: { channelId?: string } = {}) {
  const stageBlocks = Array.from({ length: MAX_STAGES }, (_, i) => [
    { type: 'header', text: plain(`Interview step ${i + 1}${i === 0 ? '' : ' (optional)'}`) },
    input(`stage_${i}_name`, 'Name', { type: 'plain_text_input', max_length: 80, placeholder: plain(i === 0 ? 'e.g. Intro call' : 'e.g. Technical interview') }, true),
    input(`stage_${i}_duration`, 'Duration', { type: 'static_select', options: DURATIONS.map((d) => opt(`${d} minutes`, String(d))) }, true),
    input(`stage_${i}_kind`, 'Kind', { type: 'static_select', options: KINDS.map((k) => opt(kindLabel(k), k)) }, true),
    input(`stage_${i}_pool`, 'Interviewer pool', { type: 'multi_users_select', max_selected_items: 30 }, true),
    input(
      `stage_${i}_needed`,
      'Interviewers per interview',
      { type: 'static_select', options: [...[1, 2, 3, 4, 5].map((n) => opt(`${n} from the pool`, String(n))), opt('The whole pool (panel)', 'all')] },
      true,
      'Fewest interviews in the period go first, then least recent.',
    ),
  ]).flat();
  return {
    type: 'modal' as const,
    callback_id: ACTIONS.roleSubmit,
    title: plain('Open a role'),
    submit: plain('Open role'),
    close: plain('Cancel'),
    blocks: [
      input('title', 'Title', { type: 'plain_text_input', max_length: 120, placeholder: plain('e.g. Senior Backend Engineer') }),
      input('description', 'Description', { type: 'plain_text_input', multiline: true, max_length: 3000 }, true),
      input('requirements', 'Requirements', { type: 'plain_text_input', multiline: true, max_length: 3000 }, true, 'Justin compares each CV with these.'),
      input('location', 'Location', { type: 'plain_text_input', max_length: 120, placeholder: plain('e.g. Berlin or remote (EU time zones)') }, true),
      input('hiring_manager', 'Hiring manager', { type: 'users_select' }),
      input('recruiter', 'Recruiter', { type: 'users_select' }, true),
      input(
        'channel',
        "Role's channel",
        { type: 'conversations_select', filter: { include: ['public', 'private'], exclude_bot_users: true }, ...(channelId ? { initial_conversation: channelId } : {}) },
        false,
        'Candidate cards for this role are posted here. Invite Justin to the channel.',
      ),
      ...stageBlocks,
    ],
  };
}
