// The role modal's fields, read from Slack's view state and validated here, purely.
// Errors are keyed by block_id so Slack shows each next to its field (response_action: errors).

export const MAX_STAGES = 5;
export const KINDS = ['PHONE_SCREEN', 'VIDEO', 'TECHNICAL', 'ONSITE', 'PANEL', 'OTHER'] as const;
export const DURATIONS = [15, 20, 30, 45, 60, 75, 90, 120, 180, 240] as const;

export type Kind = (typeof KINDS)[number];

export type StageInput = { name: string; durationMinutes: number; kind: Kind; pool: string[]; needed: number | 'all' };

export type RoleInput = {
  title: string;
  description: string;
  requirements: string;
  location: string | null;
  hiringManager: string;
  recruiter: string | null;
  channel: string;
  stages: StageInput[];
};

export type FormResult = { ok: true; role: RoleInput } | { ok: false; errors: Record<string, string> };

/** Slack's `view.state.values`, loosely typed: { [block_id]: { [action_id]: element state } }. */
export type ViewValues = Record<string, Record<string, { value?: string | null; selected_user?: string | null; selected_users?: string[]; selected_conversation?: string | null; selected_option?: { value: string } | null }>>;

const text = (v: ViewValues, block: string) => (v[block]?.value?.value ?? '').trim();
const option = (v: ViewValues, block: string) => v[block]?.value?.selected_option?.value ?? '';

/** Reads and checks the role modal. Every problem at once, each on its own field. */
export function readRoleForm(v: ViewValues): FormResult {
  const errors: Record<string, string> = {};
  const title = text(v, 'title');
  if (!title) errors.title = 'A role needs a title.';
  else if (title.length > 120) errors.title = 'Keep the title under 120 characters.';
  const hiringManager = v.hiring_manager?.value?.selected_user ?? '';
  if (!hiringManager) errors.hiring_manager = 'Pick the hiring manager.';
  const channel = v.channel?.value?.selected_conversation ?? '';
  if (!channel) errors.channel = "Pick the channel where this role's candidates are discussed.";

  const stages: StageInput[] = [];
  for (let i = 0; i < MAX_STAGES; i++) {
    const name = text(v, `stage_${i}_name`);
    const pool = v[`stage_${i}_pool`]?.value?.selected_users ?? [];
    const duration = option(v, `stage_${i}_duration`);
    const kind = option(v, `stage_${i}_kind`) || 'VIDEO';
    const neededRaw = option(v, `stage_${i}_needed`) || '1';
    if (!name && !pool.length) continue; // an unused row
    if (!name) errors[`stage_${i}_name`] = `Step ${i + 1} needs a name.`;
    if (!duration) errors[`stage_${i}_duration`] = `How long is step ${i + 1}?`;
    if (!pool.length) errors[`stage_${i}_pool`] = `Who can interview for step ${i + 1}?`;
    const needed = neededRaw === 'all' ? 'all' : Number(neededRaw);
    if (needed !== 'all' && pool.length && needed > pool.length) {
      errors[`stage_${i}_needed`] = `Step ${i + 1} needs ${needed} interviewers but its pool has ${pool.length}.`;
    }
    stages.push({ name, durationMinutes: Number(duration), kind: (KINDS as readonly string[]).includes(kind) ? (kind as Kind) : 'VIDEO', pool, needed });
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    role: {
      title,
      description: text(v, 'description'),
      requirements: text(v, 'requirements'),
      location: text(v, 'location') || null,
      hiringManager,
      recruiter: v.recruiter?.value?.selected_user || null,
      channel,
      stages,
    },
  };
}

/** `/hire role <verb> [title]`. */
export type RoleCommand = { verb: 'new' } | { verb: 'pause' | 'close' | 'reopen'; title: string } | { verb: 'invalid'; reason: string };

export function parseRoleCommand(args: string): RoleCommand {
  const m = /^(new|pause|close|reopen)\b\s*(.*)$/i.exec(args.trim());
  if (!m) return { verb: 'invalid', reason: 'use `/hire role new`, or `/hire role pause|close|reopen <title>`' };
  const verb = m[1]!.toLowerCase() as 'new' | 'pause' | 'close' | 'reopen';
  if (verb === 'new') return { verb };
  const title = m[2]!.trim();
  return title ? { verb, title } : { verb: 'invalid', reason: `say which role: \`/hire role ${verb} <title>\`` };
}
