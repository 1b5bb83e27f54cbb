// Slack's Block Kit limits (../shared/corpus/slack/block-kit-limits.md), enforced in two
// ways: builders cut text to fit with `fit()`, and `checkSurface()` finds anything that
// would still be refused, for tests. Slack does not say how it counts emoji and astral
// characters, so we count code points and keep a little headroom.

export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  optionText: 75,
  optionValue: 75,
  staticOptions: 100,
  viewTitle: 24,
  viewButton: 24,
  privateMetadata: 3000,
  inputLabel: 2000,
  placeholder: 150,
  messageText: 40_000,
  /** Not documented: Slack answered msg_blocks_too_long near 13.2K chars of block text in all (bolt-js#2509). */
  messageBlockTextTotal: 12_000,
} as const;

const HEADROOM = 0.98;

/** Cuts `text` to at most `max` characters (code points), ending with a pointer when cut. */
export function fit(text: string, max: number, pointer = '…'): string {
  const budget = Math.floor(max * HEADROOM);
  const chars = Array.from(text);
  if (chars.length <= budget) return text;
  const ptr = Array.from(pointer);
  return whole(chars.slice(0, Math.max(0, budget - ptr.length)).join('')) + pointer;
}

/**
 * A cut must not leave half of what escaping made: a code span opened and not closed (the
 * defused link after it would become a live one) or an entity cut short ("&am").
 */
function whole(cut: string): string {
  let s = cut.replace(/&[a-z]{0,3}$/, '');
  const spans = s.replace(/```/g, '').match(/`/g)?.length ?? 0;
  if (spans % 2 === 1 && !s.includes('```')) s = s.slice(0, s.lastIndexOf('`'));
  return s;
}

const length = (s: unknown) => (typeof s === 'string' ? Array.from(s).length : 0);

type Block = Record<string, any>;

/** Every limit a message, modal or Home tab breaks; empty when Slack will accept it. */
export function checkSurface(surface: {
  type: 'message' | 'modal' | 'home';
  blocks: Block[];
  text?: string;
  title?: string;
  submit?: string;
  close?: string;
  private_metadata?: string;
}): string[] {
  const problems: string[] = [];
  const over = (what: string, value: unknown, max: number) => {
    if (length(value) > max) problems.push(`${what}: ${length(value)} > ${max}`);
  };
  const maxBlocks = surface.type === 'message' ? LIMITS.messageBlocks : LIMITS.viewBlocks;
  if (surface.blocks.length > maxBlocks) problems.push(`blocks: ${surface.blocks.length} > ${maxBlocks}`);
  if (surface.type === 'message') {
    over('text', surface.text, LIMITS.messageText);
    const total =
      JSON.stringify(surface.blocks)
        .match(/"text":"(?:[^"\\]|\\.)*"/g)
        ?.reduce((n, t) => n + Array.from(t).length - 9, 0) ?? 0;
    if (total > LIMITS.messageBlockTextTotal)
      problems.push(`block text in all: ${total} > ${LIMITS.messageBlockTextTotal}`);
    if (!surface.text) problems.push('text: a message needs fallback text for notifications');
  } else if (surface.type === 'modal') {
    over('title', surface.title, LIMITS.viewTitle);
    over('submit', surface.submit, LIMITS.viewButton);
    over('close', surface.close, LIMITS.viewButton);
    over('private_metadata', surface.private_metadata, LIMITS.privateMetadata);
  }
  const blockIds = new Set<string>();
  surface.blocks.forEach((block, i) => {
    const at = `blocks[${i}] (${block.type})`;
    if (block.block_id) {
      over(`${at}.block_id`, block.block_id, LIMITS.blockId);
      if (blockIds.has(block.block_id)) problems.push(`${at}.block_id repeated: ${block.block_id}`);
      blockIds.add(block.block_id);
    }
    switch (block.type) {
      case 'section':
        if (block.text) {
          over(`${at}.text`, block.text.text, LIMITS.sectionText);
          if (!length(block.text.text)) problems.push(`${at}.text is empty`);
        }
        if (block.fields) {
          if (block.fields.length > LIMITS.sectionFields)
            problems.push(`${at}.fields: ${block.fields.length} > ${LIMITS.sectionFields}`);
          block.fields.forEach((f: Block, j: number) => over(`${at}.fields[${j}]`, f.text, LIMITS.fieldText));
        }
        if (block.accessory) checkElement(block.accessory, `${at}.accessory`);
        break;
      case 'header':
        over(`${at}.text`, block.text?.text, LIMITS.headerText);
        break;
      case 'context':
        if (block.elements.length > LIMITS.contextElements)
          problems.push(`${at}.elements: ${block.elements.length} > ${LIMITS.contextElements}`);
        block.elements.forEach((e: Block, j: number) => over(`${at}.elements[${j}]`, e.text, LIMITS.sectionText));
        break;
      case 'actions':
        if (block.elements.length > LIMITS.actionsElements)
          problems.push(`${at}.elements: ${block.elements.length} > ${LIMITS.actionsElements}`);
        block.elements.forEach((e: Block, j: number) => checkElement(e, `${at}.elements[${j}]`));
        break;
      case 'input':
        over(`${at}.label`, block.label?.text, LIMITS.inputLabel);
        if (block.element) checkElement(block.element, `${at}.element`);
        break;
    }
  });
  return problems;

  function checkElement(e: Block, at: string) {
    over(`${at}.action_id`, e.action_id, LIMITS.actionId);
    if (e.type === 'button') {
      over(`${at}.text`, e.text?.text, LIMITS.buttonText);
      over(`${at}.value`, e.value, LIMITS.buttonValue);
    }
    over(`${at}.placeholder`, e.placeholder?.text, LIMITS.placeholder);
    // A filled-in field must fit its own limits, or Slack refuses the whole view.
    if (typeof e.max_length === 'number') over(`${at}.initial_value`, e.initial_value, e.max_length);
    if (
      typeof e.max_selected_items === 'number' &&
      Array.isArray(e.initial_users) &&
      e.initial_users.length > e.max_selected_items
    ) {
      problems.push(`${at}.initial_users: ${e.initial_users.length} > ${e.max_selected_items}`);
    }
    if (Array.isArray(e.options)) {
      if (e.options.length > LIMITS.staticOptions)
        problems.push(`${at}.options: ${e.options.length} > ${LIMITS.staticOptions}`);
      e.options.forEach((o: Block, j: number) => {
        over(`${at}.options[${j}].text`, o.text?.text, LIMITS.optionText);
        over(`${at}.options[${j}].description`, o.description?.text, LIMITS.optionText);
        over(`${at}.options[${j}].value`, o.value, LIMITS.optionValue);
      });
    }
  }
}
