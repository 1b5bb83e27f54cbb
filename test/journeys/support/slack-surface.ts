/**
 * Reading Slack surfaces (messages, modals, App Home) as people see them: the words on them
 * and the buttons they can press. Journeys assert on these, never on our database.
 */

export type Block = Record<string, any>;
/** Anything Slack shows: a message (text and blocks), a modal or a home tab (blocks). */
export type Surface = { text?: string; blocks?: unknown[] | undefined };

const blocksOf = (s: Surface | undefined): Block[] => (s?.blocks ?? []) as Block[];

export type Control = {
  type: string;
  label: string;
  actionId: string;
  blockId: string;
  value?: string;
  options?: Array<{ label: string; value: string }>;
};

const textOfObject = (t: unknown): string =>
  t && typeof t === 'object' && 'text' in t ? String((t as { text: unknown }).text) : '';

/**
 * Slack's mrkdwn as a reader sees it: bold and italics as plain words, a link as its label,
 * `<!date^…|fallback>` as its fallback; `<@U1>` stays a mention.
 */
export function readable(mrkdwn: string): string {
  return mrkdwn
    .replace(/\*([^*\n]+)\*/g, '$1')
    .replace(/(^|[\s(])_([^_\n]+)_(?=[\s.,;:)]|$)/gm, '$1$2')
    .replace(/<!date\^\d+\^[^|>]*\|([^>]*)>/g, '$1')
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '$2')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function blockText(block: Block): string[] {
  const out: string[] = [];
  if (block.text) out.push(textOfObject(block.text));
  if (Array.isArray(block.fields)) out.push(...block.fields.map(textOfObject));
  if (Array.isArray(block.elements)) {
    for (const e of block.elements) {
      if (e.type === 'button') out.push(`[${textOfObject(e.text)}]`);
      else if (e.type === 'mrkdwn' || e.type === 'plain_text') out.push(String(e.text));
    }
  }
  if (block.accessory?.type === 'button') out.push(`[${textOfObject(block.accessory.text)}]`);
  if (block.type === 'input') {
    out.push(textOfObject(block.label));
    // What the field holds when the modal opens: a person sees it there.
    const e = block.element ?? {};
    if (e.initial_value) out.push(String(e.initial_value));
    if (e.initial_option) out.push(textOfObject(e.initial_option.text));
    if (Array.isArray(e.initial_options)) out.push(...e.initial_options.map((o: Block) => textOfObject(o.text)));
  }
  return out;
}

/** Every word a person sees on the surface, one block per line. */
export function textOf(surface: Surface | undefined): string {
  if (!surface) return '';
  const blocks = blocksOf(surface);
  if (blocks.length === 0) return readable(surface.text ?? '');
  return readable(blocks.flatMap(blockText).join('\n'));
}

/** The buttons, menus and inputs a person can use on the surface. */
export function controlsOf(surface: Surface | undefined): Control[] {
  const out: Control[] = [];
  for (const block of blocksOf(surface)) {
    const elements: Block[] = [
      ...(Array.isArray(block.elements) ? block.elements : []),
      ...(block.accessory ? [block.accessory] : []),
    ];
    for (const e of elements) {
      if (!e.action_id) continue;
      out.push({
        type: e.type,
        label: e.type === 'button' ? textOfObject(e.text) : textOfObject(e.placeholder),
        actionId: e.action_id,
        blockId: block.block_id ?? 'b',
        ...(e.value !== undefined ? { value: String(e.value) } : {}),
        ...(Array.isArray(e.options)
          ? { options: e.options.map((o: Block) => ({ label: textOfObject(o.text), value: String(o.value) })) }
          : {}),
      });
    }
  }
  return out;
}

/** The button labelled `label` (exactly, or matching a pattern); fails saying which buttons there are. */
export function button(surface: Surface | undefined, label: string | RegExp): Control {
  const buttons = controlsOf(surface).filter((c) => c.type === 'button');
  const found = buttons.find((b) => (typeof label === 'string' ? b.label === label : label.test(b.label)));
  if (!found)
    throw new Error(
      `no button "${String(label)}" here; there are: ${buttons.map((b) => `"${b.label}"`).join(', ') || 'none'}\n` +
        `${textOf(surface)}`,
    );
  return found;
}

export function hasButton(surface: Surface | undefined, label: string | RegExp): boolean {
  try {
    button(surface, label);
    return true;
  } catch {
    return false;
  }
}
