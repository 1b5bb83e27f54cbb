import { describe, expect, it } from 'vitest';
import { readRoleForm, type ViewValues } from '../../../src/domain/roles/role-form.js';
import type { RoleForEdit } from '../../../src/services/roles/edit-role.js';
import { LIMITS } from '../../../src/slack/blocks/limits.js';
import { roleModal } from '../../../src/slack/blocks/role-modal.js';
import { modalState } from '../../journeys/support/modal-state.js';
import type { Block } from '../../journeys/support/slack-surface.js';

const field = (view: { blocks: unknown[] }, blockId: string) =>
  (view.blocks as Block[]).find((b) => b.block_id === blockId)?.element as Block;

const editing: RoleForEdit = {
  id: '00000000-0000-4000-8000-000000000001',
  version: '2027-03-01T08:00:00.000Z',
  title: 'Backend Engineer',
  description: '',
  requirements: 'Postgres',
  location: null,
  hiringManager: 'U0HUGO',
  recruiter: 'U0RITA',
  channel: 'C0HIRING',
  holdProposedSlots: false,
  offer: { approvers: ['U0HUGO', 'U0ADA'], threshold: { amount: '120000', currency: 'EUR', approver: 'U0ADA' } },
  afterInterview: {
    reminderLeadMinutes: [60],
    nudgeLimit: 0,
    debriefDeadlineHours: 72,
    debriefIn: 'private',
    bookDebriefMeeting: true,
  },
  stages: [
    {
      id: 's0',
      name: 'Intro call',
      durationMinutes: 30,
      kind: 'VIDEO',
      pool: ['U0BEA', 'U0CARL'],
      needed: 'all',
      competencies: [
        { id: 'c1', name: 'Motivation', good: 'knows why this role, and says it plainly' },
        { id: 'c2', name: 'Curiosity', good: '' },
      ],
    },
  ],
};

describe('the role modal: competencies and after the interview', () => {
  it('stays well under Slack’s 100 blocks with every step shown', () => {
    const blocks = roleModal({ existing: editing }).blocks;
    expect(blocks.length).toBeLessThanOrEqual(LIMITS.viewBlocks);
    expect(blocks.length).toBe(54);
  });

  it('a new role starts with reminders 24 hours and 15 minutes before, three chases, a debrief when all are in', () => {
    const view = roleModal({ channelId: 'C0HIRING' });
    expect(field(view, 'reminders').initial_options.map((o: Block) => o.value)).toEqual(['1440', '15']);
    expect(field(view, 'nudge_limit').initial_option.value).toBe('3');
    expect(field(view, 'debrief_deadline').initial_option.text.text).toBe('When all scorecards are in');
    expect(field(view, 'debrief_options').initial_options).toBeUndefined();
    expect(field(view, 'stage_0_competencies')).toMatchObject({ type: 'plain_text_input', multiline: true });
    expect(field(view, 'stage_4_competencies').initial_value).toBeUndefined();
  });

  it('an edit shows what the role holds, and submitting it untouched reads the same back', () => {
    const view = roleModal({ existing: editing });
    expect(field(view, 'stage_0_competencies').initial_value).toBe(
      'Motivation: knows why this role, and says it plainly\nCuriosity',
    );
    const form = readRoleForm(modalState(view, {}) as unknown as ViewValues);
    expect(form.ok && form.role.afterInterview).toEqual(editing.afterInterview);
    expect(form.ok && form.role.stages[0]!.competencies).toEqual([
      { name: 'Motivation', good: 'knows why this role, and says it plainly' },
      { name: 'Curiosity', good: '' },
    ]);
  });

  it('“When all scorecards are in” is a debrief with no deadline', () => {
    const view = roleModal({
      existing: { ...editing, afterInterview: { ...editing.afterInterview, debriefDeadlineHours: null } },
    });
    expect(field(view, 'debrief_deadline').initial_option.value).toBe('none');
    const form = readRoleForm(modalState(view, {}) as unknown as ViewValues);
    expect(form.ok && form.role.afterInterview.debriefDeadlineHours).toBeNull();
  });
});
