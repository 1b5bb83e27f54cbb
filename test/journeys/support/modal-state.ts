import type { Block } from './slack-surface.js';

/**
 * What a person types, picks or ticks in a modal field, in their terms: text for a text field,
 * a person for a user picker, an option's label (or value) for a menu, a date-time for a
 * date-time picker. `null` clears a field.
 */
export type FieldValue = string | number | Date | null | { slackId: string } | Array<string | { slackId: string }>;

const idOf = (v: string | { slackId: string }) => (typeof v === 'string' ? v : v.slackId);

function option(element: Block, wanted: string): Block {
  const options: Block[] = element.options ?? element.option_groups?.flatMap((g: Block) => g.options) ?? [];
  const found = options.find((o) => o.value === wanted || o.text?.text === wanted);
  if (!found)
    throw new Error(`no option "${wanted}"; there are: ${options.map((o) => `"${o.text?.text}"`).join(', ')}`);
  return { text: found.text, value: found.value };
}

/** One input element's state as Slack sends it in view.state.values, from what was entered (or its initial value). */
function elementState(element: Block, entered: FieldValue | undefined): Block {
  const given = entered !== undefined;
  switch (element.type) {
    case 'plain_text_input':
    case 'email_text_input':
    case 'url_text_input':
    case 'number_input':
      return {
        type: element.type,
        value: given ? (entered === null ? null : String(entered)) : (element.initial_value ?? null),
      };
    case 'users_select':
      return {
        type: element.type,
        selected_user: given ? (entered === null ? null : idOf(entered as string)) : (element.initial_user ?? null),
      };
    case 'multi_users_select':
      return {
        type: element.type,
        selected_users: given
          ? ((entered ?? []) as Array<string | { slackId: string }>).map(idOf)
          : (element.initial_users ?? []),
      };
    case 'conversations_select':
      return {
        type: element.type,
        selected_conversation: given ? (entered as string | null) : (element.initial_conversation ?? null),
      };
    case 'channels_select':
      return {
        type: element.type,
        selected_channel: given ? (entered as string | null) : (element.initial_channel ?? null),
      };
    case 'static_select':
    case 'radio_buttons':
      return {
        type: element.type,
        selected_option: given
          ? entered === null
            ? null
            : option(element, String(entered))
          : (element.initial_option ?? null),
      };
    case 'checkboxes':
    case 'multi_static_select':
      return {
        type: element.type,
        selected_options: given
          ? ((entered ?? []) as string[]).map((v) => option(element, v))
          : (element.initial_options ?? []),
      };
    case 'timepicker':
      return { type: element.type, selected_time: given ? (entered as string | null) : (element.initial_time ?? null) };
    case 'datepicker':
      return { type: element.type, selected_date: given ? (entered as string | null) : (element.initial_date ?? null) };
    case 'datetimepicker': {
      const at = given ? entered : element.initial_date_time;
      return {
        type: element.type,
        selected_date_time:
          at === null || at === undefined ? null : at instanceof Date ? Math.floor(at.getTime() / 1000) : Number(at),
      };
    }
    default:
      throw new Error(`the journey driver cannot fill a ${element.type} yet`);
  }
}

/**
 * view.state.values for a modal: every input block, with what the person entered (by block id)
 * or else what the field already held. Entering into a block the modal does not have fails.
 */
export function modalState(
  view: { blocks?: Block[] },
  entered: Record<string, FieldValue>,
): Record<string, Record<string, Block>> {
  const inputs = (view.blocks ?? []).filter((b) => b.type === 'input');
  const known = new Set(inputs.map((b) => b.block_id));
  const unknown = Object.keys(entered).filter((k) => !known.has(k));
  if (unknown.length) throw new Error(`the modal has no field ${unknown.join(', ')}; it has ${[...known].join(', ')}`);
  return Object.fromEntries(
    inputs.map((b) => [b.block_id, { [b.element.action_id]: elementState(b.element, entered[b.block_id]) }]),
  );
}
