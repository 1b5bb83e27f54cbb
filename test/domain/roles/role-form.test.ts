import { describe, expect, it } from 'vitest';
import {
  parseRoleCommand,
  planStageEdit,
  readRoleForm,
  type StageInput,
  type ViewValues,
} from '../../../src/domain/roles/role-form.js';

const t = (value: string) => ({ value: { value } });
const sel = (value: string) => ({ value: { selected_option: { value } } });
const base: ViewValues = {
  title: t('Backend Engineer'),
  description: t(''),
  requirements: t('Postgres, TypeScript'),
  location: t(''),
  hiring_manager: { value: { selected_user: 'U0HM' } },
  recruiter: { value: { selected_user: null } },
  channel: { value: { selected_conversation: 'C0BE' } },
  stage_0_name: t('Intro call'),
  stage_0_duration: sel('30'),
  stage_0_kind: sel('PHONE_SCREEN'),
  stage_0_pool: { value: { selected_users: ['U0A', 'U0B'] } },
  stage_0_needed: sel('1'),
};

describe('readRoleForm', () => {
  it('reads a valid role and skips unused interview steps', () => {
    const r = readRoleForm({ ...base, stage_1_name: t(''), stage_1_pool: { value: { selected_users: [] } } });
    expect(r).toEqual({
      ok: true,
      role: {
        title: 'Backend Engineer',
        description: '',
        requirements: 'Postgres, TypeScript',
        location: null,
        hiringManager: 'U0HM',
        recruiter: null,
        channel: 'C0BE',
        newChannel: null,
        stages: [
          { row: 0, name: 'Intro call', durationMinutes: 30, kind: 'PHONE_SCREEN', pool: ['U0A', 'U0B'], needed: 1 },
        ],
        holdProposedSlots: false,
      },
    });
  });

  it('puts every problem on its own field', () => {
    const r = readRoleForm({
      ...base,
      title: t(' '),
      hiring_manager: { value: { selected_user: null } },
      channel: { value: {} },
      stage_1_name: t('Panel'),
      stage_1_needed: sel('3'),
      stage_1_pool: { value: { selected_users: ['U0A'] } },
      stage_2_pool: { value: { selected_users: ['U0C'] } },
    });
    expect(r).toEqual({
      ok: false,
      errors: {
        title: 'A role needs a title.',
        hiring_manager: 'Pick the hiring manager.',
        channel: "Pick the channel where this role's candidates are discussed, or name a new one below.",
        stage_1_duration: 'How long is step 2?',
        stage_1_needed: 'Step 2 needs 3 interviewers but its pool has 1.',
        stage_2_name: 'Step 3 needs a name.',
        stage_2_duration: 'How long is step 3?',
      },
    });
  });

  it('creates a channel when one is named instead of picked, if Slack would take the name', () => {
    const named = (name: string, picked: string | null = null) =>
      readRoleForm({ ...base, channel: { value: { selected_conversation: picked } }, new_channel: t(name) });
    expect(named('#hiring-backend')).toMatchObject({ ok: true, role: { channel: null, newChannel: 'hiring-backend' } });
    expect(named('Hiring Backend')).toEqual({
      ok: false,
      errors: { new_channel: expect.stringMatching(/lower-case letters, numbers, hyphens/) },
    });
    expect(named('x'.repeat(81))).toEqual({
      ok: false,
      errors: { new_channel: 'Channel names are at most 80 characters.' },
    });
    expect(named('hiring-backend', 'C0BE')).toMatchObject({
      ok: true,
      role: { channel: null, newChannel: 'hiring-backend' },
    });
  });

  it('takes the whole pool for a panel', () => {
    const r = readRoleForm({ ...base, stage_0_needed: sel('all') });
    expect(r.ok && r.role.stages[0]!.needed).toBe('all');
  });
});

describe('parseRoleCommand', () => {
  it.each([
    ['new', { verb: 'new' }],
    ['pause Backend Engineer', { verb: 'pause', title: 'Backend Engineer' }],
    ['CLOSE  data  ', { verb: 'close', title: 'data' }],
    ['edit Backend', { verb: 'edit', title: 'Backend' }],
    ['close', { verb: 'invalid', reason: 'say which role: `/hire role close <title>`' }],
    ['delete x', { verb: 'invalid', reason: 'use `/hire role new`, or `/hire role edit|pause|close|reopen <title>`' }],
  ])('%s', (input, expected) => {
    expect(parseRoleCommand(input)).toEqual(expected);
  });
});

describe('planStageEdit', () => {
  const step = (row: number, name = `Step ${row + 1}`): StageInput => ({
    row,
    name,
    durationMinutes: 45,
    kind: 'VIDEO',
    pool: ['U0A'],
    needed: 1,
  });
  const existing = [
    { id: 's0', inUse: 4 },
    { id: 's1', inUse: 1 },
    { id: 's2', inUse: 0 },
  ];

  it('changes steps where they are, appends new ones and removes unused trailing ones', () => {
    expect(planStageEdit(existing, [step(0, 'Intro'), step(1)])).toEqual({
      ok: true,
      plan: {
        update: [
          { id: 's0', position: 0, stage: step(0, 'Intro') },
          { id: 's1', position: 1, stage: step(1) },
        ],
        create: [],
        remove: ['s2'],
      },
    });
    expect(planStageEdit(existing, [step(0), step(1), step(2), step(3, 'Offer chat')])).toMatchObject({
      ok: true,
      plan: { create: [{ position: 3, stage: { name: 'Offer chat' } }], remove: [] },
    });
  });

  it('refuses to remove a step in use, or to leave a gap', () => {
    expect(planStageEdit(existing, [step(0)])).toEqual({
      ok: false,
      errors: {
        stage_1_name:
          'Step 2 is in use (interviews or applications have reached it): change it, but it cannot be removed.',
      },
    });
    expect(planStageEdit(existing, [step(0), step(2), step(3)])).toMatchObject({
      ok: false,
      errors: { stage_1_name: expect.stringMatching(/Step 2 is empty/) },
    });
  });
});
