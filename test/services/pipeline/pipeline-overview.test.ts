import { describe, expect, it } from 'vitest';
import { pipelineOverview } from '../../../src/services/pipeline/pipeline-overview.js';
import { checkSurface } from '../../../src/slack/blocks/limits.js';
import { pipelineMessage } from '../../../src/slack/blocks/pipeline.js';
import { parsePipelineText } from '../../../src/slack/listeners/commands/pipeline.js';
import { createCandidate, createRole } from '../../factories/index.js';
import { useTestDatabase } from '../../setup/database.js';

const db = useTestDatabase();
const now = new Date('2027-03-15T09:00:00Z');
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);

describe('pipelineOverview, a page at a time', () => {
  it('shows all 45 open roles across five pages, each once, in the order they opened', async () => {
    const opened: string[] = [];
    for (let i = 0; i < 45; i++) {
      const role = await createRole(db.prisma, { stages: 1, title: `Role ${String(i + 1).padStart(2, '0')}` });
      // Many opened in the same instant: the order must still be total.
      await db.prisma.role.update({ where: { id: role.id }, data: { createdAt: daysAgo(i < 20 ? 30 : 10) } });
      opened.push(role.id);
    }
    const closed = await createRole(db.prisma, { title: 'Closed role' });
    await db.prisma.role.update({ where: { id: closed.id }, data: { status: 'CLOSED' } });

    const seen: string[] = [];
    for (let page = 1; page <= 5; page++) {
      const overview = await pipelineOverview(db.prisma, { now, page });
      expect(overview).toMatchObject({ total: 45, pages: 5, page, pageSize: 10 });
      expect(overview.roles).toHaveLength(page < 5 ? 10 : 5);
      seen.push(...overview.roles.map((r) => r.roleId));
      const message = pipelineMessage({ page: overview, stuckDays: 5 });
      expect(checkSurface({ type: 'message', ...message })).toEqual([]);
      const said = JSON.stringify(message.blocks);
      expect(said).toContain(`Roles ${(page - 1) * 10 + 1}–${Math.min(page * 10, 45)} of 45 (page ${page} of 5)`);
      expect(said.includes('Next page')).toBe(page < 5);
      expect(said.includes('Previous page')).toBe(page > 1);
    }
    expect(new Set(seen).size).toBe(45);
    expect(new Set(seen)).toEqual(new Set(opened));
    // A page past the end is the last one; a page before the first is the first.
    expect((await pipelineOverview(db.prisma, { now, page: 9 })).page).toBe(5);
    expect((await pipelineOverview(db.prisma, { now, page: 0 })).page).toBe(1);
    // A filter pages too, and counts only what it matches.
    const filtered = await pipelineOverview(db.prisma, { now, roleQuery: 'role 1' });
    expect(filtered).toMatchObject({ total: 10, pages: 1 });
    expect(filtered.roles.map((r) => r.title).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `Role 1${i}`));
  });

  it('lists the first stuck candidates of each role and counts the rest, so one role hides no other', async () => {
    const busy = await createRole(db.prisma, { stages: 1, title: 'Busy role' });
    const quiet = await createRole(db.prisma, { stages: 1, title: 'Quiet role' });
    for (let i = 0; i < 60; i++) {
      const candidate = await createCandidate(db.prisma, { name: `Waiting ${i}` });
      await db.prisma.application.create({
        data: { candidateId: candidate.id, roleId: busy.id, stage: 'SCREENING', stageChangedAt: daysAgo(6 + i) },
      });
    }
    const one = await createCandidate(db.prisma, { name: 'Only One' });
    await db.prisma.application.create({
      data: { candidateId: one.id, roleId: quiet.id, stage: 'SCHEDULING', planPosition: 0, stageChangedAt: daysAgo(7) },
    });
    const { roles } = await pipelineOverview(db.prisma, { now, onlyRoles: [busy.id, quiet.id] });
    const [b, q] = roles;
    expect(b).toMatchObject({ title: 'Busy role', stuckTotal: 60, counts: { SCREENING: 60 } });
    expect(b!.stuck).toHaveLength(8);
    expect(b!.stuck[0]).toEqual({ candidateName: 'Waiting 59', stage: 'SCREENING', days: 65 });
    expect(q).toMatchObject({ stuckTotal: 1, stuck: [{ candidateName: 'Only One', stage: 'SCHEDULING', days: 7 }] });
    const text = JSON.stringify(
      pipelineMessage({ page: { roles, total: 2, page: 1, pages: 1, pageSize: 10 }, stuckDays: 5 }),
    );
    expect(text).toContain('and 52 more');
  });
});

describe('/pipeline’s words', () => {
  it.each([
    ['', { page: 1 }],
    ['backend', { roleQuery: 'backend', page: 1 }],
    ['page 3', { page: 3 }],
    ['Backend Engineer page 2', { roleQuery: 'Backend Engineer', page: 2 }],
    ['Front page', { roleQuery: 'Front page', page: 1 }],
  ])('reads “%s”', (text, expected) => {
    expect(parsePipelineText(text)).toEqual(expected);
  });
});
