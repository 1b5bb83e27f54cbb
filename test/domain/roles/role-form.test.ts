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
          {
            row: 0,
            name: 'Intro call',
            durationMinutes: 30,
            kind: 'PHONE_SCREEN',
            pool: ['U0A', 'U0B'],
            needed: 1,
            competencies: [],
          },
        ],
        holdProposedSlots: false,
        afterInterview: {
          reminderLeadMinutes: [1440, 15],
          nudgeLimit: 3,
          debriefDeadlineHours: null,
          debriefIn: 'thread',
          bookDebriefMeeting: false,
        },
        offer: { approvers: [], threshold: null },
      },
    });
  });

  it('reads offer approvers in order and a threshold with its currency, or says what is missing', () => {
    const base = {
      title: { value: { value: 'Backend Engineer' } },
      hiring_manager: { value: { selected_user: 'U0HUGO' } },
      channel: { value: { selected_conversation: 'C0HIRING' } },
    };
    const offer = (extra: object) => {
      const r = readRoleForm({ ...base, ...extra } as never);
      return r.ok ? r.role.offer : r.errors;
    };
    expect(
      offer({
        offer_approvers: { value: { selected_users: ['U0HUGO', 'U0RITA'] } },
        offer_threshold: { value: { value: '120.000 eur' } },
        offer_threshold_approver: { value: { selected_user: 'U0ADA' } },
      }),
    ).toEqual({
      approvers: ['U0HUGO', 'U0RITA'],
      threshold: { amount: '120000', currency: 'EUR', approver: 'U0ADA' },
    });
    expect(offer({ offer_threshold: { value: { value: '120000' } } })).toEqual({
      offer_threshold: expect.stringMatching(/currency code/),
    });
    expect(offer({ offer_threshold: { value: { value: '120000 EUR' } } })).toEqual({
      offer_threshold_approver: 'Who approves offers above it?',
    });
    expect(offer({ offer_threshold_approver: { value: { selected_user: 'U0ADA' } } })).toEqual({
      offer_threshold: expect.stringMatching(/Above which base salary/),
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

  it('reads each step’s competencies, one per line, and shows a problem on that step’s field', () => {
    const r = readRoleForm({
      ...base,
      stage_0_competencies: t('System design: splits a service into parts\n\n- Communication'),
    });
    expect(r.ok && r.role.stages[0]!.competencies).toEqual([
      { name: 'System design', good: 'splits a service into parts' },
      { name: 'Communication', good: '' },
    ]);
    const nine = Array.from({ length: 9 }, (_, i) => `Skill ${i}: good`).join('\n');
    expect(readRoleForm({ ...base, stage_0_competencies: t(nine) })).toEqual({
      ok: false,
      errors: { stage_0_competencies: 'Step 1: At most 8 competencies per step (9 given).' },
    });
    expect(readRoleForm({ ...base, stage_0_competencies: t('Go: yes\ngo: twice') })).toEqual({
      ok: false,
      errors: { stage_0_competencies: 'Step 1: go is listed twice.' },
    });
  });

  it('leaves competencies on an unused row out: clearing a step’s name and pool removes it', () => {
    const r = readRoleForm({ ...base, stage_1_competencies: t('Leftover: from a removed step') });
    expect(r.ok && r.role.stages).toHaveLength(1);
  });
});

describe('readRoleForm: after the interview', () => {
  const opts = (...values: string[]) => ({ value: { selected_options: values.map((value) => ({ value })) } });
  const after = (fields: ViewValues) => {
    const r = readRoleForm({ ...base, ...fields });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.role.afterInterview;
  };

  it.each([
    ['the defaults when the modal has no such fields (one opened before they existed)', {}, {}],
    ['no reminder ticked: none', { reminders: opts() }, { reminderLeadMinutes: [] }],
    ['leads longest first', { reminders: opts('15', '60', '1440') }, { reminderLeadMinutes: [1440, 60, 15] }],
    ['a lead the modal does not offer is ignored', { reminders: opts('15', '7') }, { reminderLeadMinutes: [15] }],
    ['never chase: tell the recruiter', { nudge_limit: sel('0') }, { nudgeLimit: 0 }],
    ['chase five times', { nudge_limit: sel('5') }, { nudgeLimit: 5 }],
    ['or after 24 hours', { debrief_deadline: sel('24') }, { debriefDeadlineHours: 24 }],
    ['or after 72 hours', { debrief_deadline: sel('72') }, { debriefDeadlineHours: 72 }],
    ['notes kept out of the channel', { debrief_options: opts('private') }, { debriefIn: 'private' }],
    ['a debrief meeting', { debrief_options: opts('meeting') }, { bookDebriefMeeting: true, debriefIn: 'thread' }],
  ] as const)('%s', (_name, fields, expected) => {
    expect(after(fields as ViewValues)).toEqual({
      reminderLeadMinutes: [1440, 15],
      nudgeLimit: 3,
      debriefDeadlineHours: null,
      debriefIn: 'thread',
      bookDebriefMeeting: false,
      ...expected,
    });
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
    competencies: [],
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
