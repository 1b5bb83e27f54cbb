import type { OfferPolicy } from '../offers/approval-chain.js';
import { CURRENCIES, readAmount } from '../offers/offer-terms.js';
// The role modal's fields, read from Slack's view state and validated here, purely.
// Errors are keyed by block_id so Slack shows each next to its field (response_action: errors).

import {
  type AfterInterviewPolicy,
  REMINDER_LEADS,
  ZAfterInterviewPolicy,
} from '../interviews/after-interview-policy.js';
import { type CompetencyLine, readCompetencyLines } from './competencies.js';

export const MAX_STAGES = 5;
export const KINDS = ['PHONE_SCREEN', 'VIDEO', 'TECHNICAL', 'ONSITE', 'PANEL', 'OTHER'] as const;
export const DURATIONS = [15, 20, 30, 45, 60, 75, 90, 120, 180, 240] as const;

export type Kind = (typeof KINDS)[number];

/** `row`: which of the modal's step rows it came from (an edit keeps each existing step on its row). */
export type StageInput = {
  row: number;
  name: string;
  durationMinutes: number;
  kind: Kind;
  pool: string[];
  needed: number | 'all';
  /** What the step assesses, as typed (ids are given when stored; see mergeCompetencies). */
  competencies: CompetencyLine[];
};

export type RoleInput = {
  title: string;
  description: string;
  requirements: string;
  location: string | null;
  hiringManager: string;
  recruiter: string | null;
  /** An existing channel picked in the modal, or null when `newChannel` asks for one to be created. */
  channel: string | null;
  newChannel: string | null;
  stages: StageInput[];
  /** Hold proposed times on the interviewers' calendars until the candidate chooses. */
  holdProposedSlots: boolean;
  /** Reminders, chasing late scorecards and the debrief (Role.policy.afterInterview). */
  afterInterview: AfterInterviewPolicy;
  /** Who approves an offer (Role.policy.offer): Slack ids in order, and a threshold's extra approver. */
  offer: OfferPolicy;
};

/** The choices the modal offers for the after-interview settings, as its option values. */
export const NUDGE_LIMITS = [0, 1, 2, 3, 4, 5] as const;
export const DEBRIEF_DEADLINE_VALUES = ['none', '24', '48', '72'] as const;

export type FormResult = { ok: true; role: RoleInput } | { ok: false; errors: Record<string, string> };

/** Slack's `view.state.values`, loosely typed: { [block_id]: { [action_id]: element state } }. */
export type ViewValues = Record<
  string,
  Record<
    string,
    {
      value?: string | null;
      selected_user?: string | null;
      selected_users?: string[];
      selected_conversation?: string | null;
      selected_option?: { value: string } | null;
      selected_options?: Array<{ value: string }>;
    }
  >
>;

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
  const newChannel = text(v, 'new_channel').replace(/^#/, '');
  if (!channel && !newChannel)
    errors.channel = "Pick the channel where this role's candidates are discussed, or name a new one below.";
  // A name typed in wins over the picked channel (which the modal fills in with the one it was
  // opened from): typing a name is the more deliberate act.
  if (newChannel) {
    const problem = channelNameProblem(newChannel);
    if (problem) errors.new_channel = problem;
  }

  const stages: StageInput[] = [];
  for (let i = 0; i < MAX_STAGES; i++) {
    const name = text(v, `stage_${i}_name`);
    const pool = v[`stage_${i}_pool`]?.value?.selected_users ?? [];
    const duration = option(v, `stage_${i}_duration`);
    const kind = option(v, `stage_${i}_kind`) || 'VIDEO';
    const neededRaw = option(v, `stage_${i}_needed`) || '1';
    // An unused row; competencies left on it go with it (clearing a step's name and pool removes it).
    if (!name && !pool.length) continue;
    const competencies = readCompetencyLines(text(v, `stage_${i}_competencies`));
    if (!competencies.ok) errors[`stage_${i}_competencies`] = `Step ${i + 1}: ${competencies.error}`;
    if (!name) errors[`stage_${i}_name`] = `Step ${i + 1} needs a name.`;
    if (!duration) errors[`stage_${i}_duration`] = `How long is step ${i + 1}?`;
    if (!pool.length) errors[`stage_${i}_pool`] = `Who can interview for step ${i + 1}?`;
    const needed = neededRaw === 'all' ? 'all' : Number(neededRaw);
    if (needed !== 'all' && pool.length && needed > pool.length) {
      errors[`stage_${i}_needed`] = `Step ${i + 1} needs ${needed} interviewers but its pool has ${pool.length}.`;
    }
    stages.push({
      row: i,
      name,
      durationMinutes: Number(duration),
      kind: (KINDS as readonly string[]).includes(kind) ? (kind as Kind) : 'VIDEO',
      pool,
      needed,
      competencies: competencies.ok ? competencies.items : [],
    });
  }
  const offer = readOfferPolicy(v, errors);
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
      channel: newChannel ? null : channel,
      newChannel: newChannel || null,
      stages,
      holdProposedSlots: checked(v, 'options').includes('hold'),
      afterInterview: readAfterInterview(v),
      offer: offer!,
    },
  };
}

/**
 * The "Offers" fields: approvers in the order picked (none: the hiring manager), and above an
 * amount typed with its currency ("120,000 EUR") one more approver. Problems go on their fields.
 */
function readOfferPolicy(v: ViewValues, errors: Record<string, string>): OfferPolicy | null {
  const approvers = v.offer_approvers?.value?.selected_users ?? [];
  if (approvers.length > 10) {
    errors.offer_approvers = 'At most 10 approvers.';
    return null;
  }
  const typed = text(v, 'offer_threshold');
  const extra = v.offer_threshold_approver?.value?.selected_user ?? '';
  if (!typed && !extra) return { approvers, threshold: null };
  if (!typed) {
    errors.offer_threshold = 'Above which base salary does this person approve too? e.g. 120,000 EUR';
    return null;
  }
  const m = /^(.+?)\s*([A-Za-z]{3})$/.exec(typed);
  const currency = m?.[2]?.toUpperCase() ?? '';
  if (!m || !(CURRENCIES as readonly string[]).includes(currency)) {
    errors.offer_threshold = 'Write the amount and its currency code, e.g. 120,000 EUR.';
    return null;
  }
  const amount = readAmount(m[1]!, currency);
  if (!amount.ok) {
    errors.offer_threshold = amount.error;
    return null;
  }
  if (!extra) {
    errors.offer_threshold_approver = 'Who approves offers above it?';
    return null;
  }
  return { approvers, threshold: { amount: amount.amount, currency, approver: extra } };
}

const checked = (v: ViewValues, block: string) => (v[block]?.value?.selected_options ?? []).map((o) => o.value);

/**
 * The "After the interview" fields. A menu left without a choice (Slack requires one, so only an
 * older modal) reads as the default; ticking no reminder at all means none.
 */
function readAfterInterview(v: ViewValues): AfterInterviewPolicy {
  const defaults = ZAfterInterviewPolicy.parse({});
  const leads = checked(v, 'reminders')
    .map(Number)
    .filter((n) => (REMINDER_LEADS as readonly number[]).includes(n))
    .sort((a, b) => b - a);
  const nudges = option(v, 'nudge_limit');
  const deadline = option(v, 'debrief_deadline');
  const options = checked(v, 'debrief_options');
  return {
    reminderLeadMinutes: v.reminders ? [...new Set(leads)] : defaults.reminderLeadMinutes,
    nudgeLimit: (NUDGE_LIMITS as readonly number[]).some((n) => String(n) === nudges)
      ? Number(nudges)
      : defaults.nudgeLimit,
    debriefDeadlineHours: !(DEBRIEF_DEADLINE_VALUES as readonly string[]).includes(deadline)
      ? defaults.debriefDeadlineHours
      : deadline === 'none'
        ? null
        : Number(deadline),
    debriefIn: options.includes('private') ? 'private' : 'thread',
    bookDebriefMeeting: options.includes('meeting'),
  };
}

/**
 * What is wrong with a name for a new Slack channel, by Slack's rules (lower case letters,
 * numbers, hyphens and underscores; at most 80), so the modal says it before Slack would.
 */
export function channelNameProblem(name: string): string | undefined {
  if (name.length > 80) return 'Channel names are at most 80 characters.';
  if (!/^[a-z0-9\p{Ll}\p{Lo}_-]+$/u.test(name))
    return (
      'Channel names use lower-case letters, numbers, hyphens and underscores (no spaces or capitals), e.g. ' +
      'hiring-backend.'
    );
  return undefined;
}

/** `/hire role <verb> [title]`. */
export type RoleCommand =
  | { verb: 'new' }
  | { verb: 'edit' | 'pause' | 'close' | 'reopen'; title: string }
  | { verb: 'invalid'; reason: string };

export function parseRoleCommand(args: string): RoleCommand {
  const m = /^(new|edit|pause|close|reopen)\b\s*(.*)$/i.exec(args.trim());
  if (!m) return { verb: 'invalid', reason: 'use `/hire role new`, or `/hire role edit|pause|close|reopen <title>`' };
  const verb = m[1]!.toLowerCase() as 'new' | 'edit' | 'pause' | 'close' | 'reopen';
  if (verb === 'new') return { verb };
  const title = m[2]!.trim();
  return title ? { verb, title } : { verb: 'invalid', reason: `say which role: \`/hire role ${verb} <title>\`` };
}

/**
 * A step as it stands, for an edit: its id, and how many interviews, agent runs and
 * applications (at or past it) use it.
 */
export type ExistingStage = { id: string; inUse: number };

export type StagePlan = {
  update: { id: string; position: number; stage: StageInput }[];
  create: { position: number; stage: StageInput }[];
  remove: string[];
};

/**
 * What an edit does to the interview plan. Steps stay on their rows, so an application's place
 * in the plan (its position) keeps meaning the same step: a step is changed where it is, new
 * steps go after the last one, and only trailing steps nobody has used can be removed. Problems
 * are keyed by the row's name field, as the modal shows them.
 */
export function planStageEdit(
  existing: ExistingStage[],
  submitted: StageInput[],
): { ok: true; plan: StagePlan } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const byRow = new Map(submitted.map((s) => [s.row, s]));
  const last = Math.max(-1, ...submitted.map((s) => s.row));
  for (let row = 0; row < last; row++) {
    if (!byRow.has(row))
      errors[`stage_${row}_name`] = `Step ${row + 1} is empty: fill it, or clear the steps after it too.`;
  }
  const plan: StagePlan = { update: [], create: [], remove: [] };
  for (const [row, stage] of existing.entries()) {
    const now = byRow.get(row);
    if (now) plan.update.push({ id: stage.id, position: row, stage: now });
    else if (stage.inUse > 0)
      errors[`stage_${row}_name`] ??=
        `Step ${row + 1} is in use (interviews or applications have reached it): change it, but it cannot be removed.`;
    else plan.remove.push(stage.id);
  }
  for (const stage of submitted) if (stage.row >= existing.length) plan.create.push({ position: stage.row, stage });
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, plan };
}
