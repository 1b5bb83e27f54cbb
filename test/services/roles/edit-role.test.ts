import { describe, expect, it } from 'vitest';
import { ZAfterInterviewPolicy } from '../../../src/domain/interviews/after-interview-policy.js';
import type { RoleInput, StageInput } from '../../../src/domain/roles/role-form.js';
import { editRole, loadRoleForEdit } from '../../../src/services/roles/edit-role.js';
import { openRole } from '../../../src/services/roles/open-role.js';
import { useTestBoss } from '../../setup/boss.js';
import { useTestDatabase } from '../../setup/database.js';

const db = useTestDatabase();
const q = useTestBoss(db);
const TEAM = 'T0TEAM';
let n = 0;

const step = (row: number, competencies: StageInput['competencies']): StageInput => ({
  row,
  name: `Step ${row + 1}`,
  durationMinutes: 45,
  kind: 'VIDEO',
  pool: ['U0BEA', 'U0CARL'],
  needed: 'all',
  competencies,
});

function input(stages: StageInput[], extra: Partial<RoleInput> = {}): RoleInput {
  return {
    title: `Backend Engineer ${++n}`,
    description: '',
    requirements: '',
    location: null,
    hiringManager: 'U0HUGO',
    recruiter: 'U0RITA',
    channel: 'C0HIRING',
    newChannel: null,
    stages,
    holdProposedSlots: false,
    afterInterview: ZAfterInterviewPolicy.parse({}),
    offer: { approvers: [], threshold: null },
    ...extra,
  };
}

async function opened(role: RoleInput): Promise<string> {
  const result = await openRole(
    { prisma: db.prisma, boss: q.boss },
    { input: role, actorSlackId: 'U0RITA', slackTeamId: TEAM },
  );
  if (!result.ok || !result.roleId) throw new Error('not opened');
  return result.roleId;
}

const save = async (roleId: string, role: RoleInput) => {
  const { version } = await loadRoleForEdit(db.prisma, roleId);
  return editRole(
    { prisma: db.prisma, boss: q.boss },
    { roleId, version, input: role, actorSlackId: 'U0RITA', slackTeamId: TEAM },
  );
};

describe('a role’s competencies and after-interview settings', () => {
  it('opens a role with them, and tells its channel what each step finds out, escaped', async () => {
    const role = input([step(0, [{ name: 'Design <at> scale', good: 'splits it' }]), step(1, [])], {
      afterInterview: { ...ZAfterInterviewPolicy.parse({}), reminderLeadMinutes: [60], debriefIn: 'private' },
    });
    const roleId = await opened(role);
    const stored = await db.prisma.role.findUniqueOrThrow({
      where: { id: roleId },
      include: { stages: { orderBy: { position: 'asc' } } },
    });
    expect(stored.policy).toEqual({ afterInterview: role.afterInterview, offer: role.offer });
    expect(stored.stages[0]!.competencies).toEqual([
      { id: expect.stringMatching(/^[0-9a-f-]{36}$/), name: 'Design <at> scale', good: 'splits it' },
    ]);
    expect(stored.stages[1]!.competencies).toEqual([]);
    const announced = await db.prisma.outboxEffect.findUniqueOrThrow({
      where: { idempotencyKey: `role-open:${roleId}` },
    });
    expect(JSON.stringify(announced.payload)).toContain('Finds out:_ Design &lt;at&gt; scale');
  });

  it('an edit keeps a competency’s id while its name stays (in any case), and gives a new name a new id', async () => {
    const roleId = await opened(
      input([
        step(0, [
          { name: 'Design', good: 'old words' },
          { name: 'Curiosity', good: '' },
        ]),
      ]),
    );
    const before = (await loadRoleForEdit(db.prisma, roleId)).stages[0]!.competencies;
    const saved = await save(
      roleId,
      input([
        step(0, [
          { name: 'Ownership', good: 'new' },
          { name: 'design', good: 'new words' },
        ]),
        step(1, [{ name: 'Coding', good: '' }]),
      ]),
    );
    expect(saved).toEqual({ ok: true });
    const after = await loadRoleForEdit(db.prisma, roleId);
    const design = before.find((c) => c.name === 'Design')!;
    expect(after.stages[0]!.competencies).toEqual([
      { id: expect.any(String), name: 'Ownership', good: 'new' },
      { id: design.id, name: 'design', good: 'new words' },
    ]);
    expect(before.map((c) => c.id)).not.toContain(after.stages[0]!.competencies[0]!.id);
    expect(after.stages[1]!.competencies).toEqual([{ id: expect.any(String), name: 'Coding', good: '' }]);
  });

  it('an edit replaces the after-interview settings and keeps the policy it does not own', async () => {
    const roleId = await opened(input([step(0, [])], { holdProposedSlots: true }));
    await db.prisma.role.update({
      where: { id: roleId },
      data: { policy: { scheduling: { holdProposedSlots: true, slotsToOffer: 3 }, agent: { maxEmailsPerDay: 2 } } },
    });
    const afterInterview = {
      reminderLeadMinutes: [],
      nudgeLimit: 0,
      debriefDeadlineHours: null,
      debriefIn: 'thread' as const,
      bookDebriefMeeting: true,
    };
    expect(await save(roleId, input([step(0, [])], { holdProposedSlots: true, afterInterview }))).toEqual({ ok: true });
    expect((await db.prisma.role.findUniqueOrThrow({ where: { id: roleId } })).policy).toEqual({
      scheduling: { holdProposedSlots: true, slotsToOffer: 3 },
      agent: { maxEmailsPerDay: 2 },
      afterInterview,
      offer: { approvers: [], threshold: null },
    });
    expect((await loadRoleForEdit(db.prisma, roleId)).afterInterview).toEqual(afterInterview);
  });
});
