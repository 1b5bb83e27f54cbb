import { describe, expect, it } from 'vitest';
import { searchCandidates } from '../../../src/services/candidates/search-candidates.js';
import { useTestDatabase } from '../../setup/database.js';
import { createRole } from '../../factories/index.js';

const db = useTestDatabase();

async function candidate(name: string, email: string, skills = '', updatedAt = new Date()) {
  return db.prisma.candidate.create({
    data: { name, email, displayEmail: email, searchText: `${name} ${email} ${skills}`.toLowerCase(), updatedAt },
  });
}
const names = async (query: string) => (await searchCandidates(db.prisma, { query })).map((h) => h.name);

describe('searchCandidates', () => {
  it('finds people by name, misspelt name, start of a name, skill and email, best first', async () => {
    await candidate('Ada Lovelace', 'ada@example.org', 'analytical engines typescript');
    await candidate('Alan Turing', 'alan.turing@example.org', 'cryptography postgres');
    await candidate('Grace Hopper', 'grace@example.net', 'cobol compilers');
    await candidate('Grace Kelly', 'gk@example.net', 'acting');
    await candidate('Jürgen Müller', 'jm@example.de', 'kubernetes');

    expect(await names('lovelace')).toEqual(['Ada Lovelace']);
    expect(await names('turnig')).toEqual(['Alan Turing']);
    expect(await names('lovel')).toEqual(['Ada Lovelace']);
    expect(await names('cobol')).toEqual(['Grace Hopper']);
    expect(await names('grace hopper')).toEqual(['Grace Hopper']);
    // Nobody is both: those who are either, the closer first.
    expect(await names('grace turing')).toEqual(expect.arrayContaining(['Alan Turing', 'Grace Hopper', 'Grace Kelly']));
    // Each holds one of the two words exactly: half the score of someone holding both.
    expect((await searchCandidates(db.prisma, { query: 'grace turing' })).map((h) => h.score)).toEqual([0.5, 0.5, 0.5]);
    expect(await searchCandidates(db.prisma, { query: 'grace hopper' })).toMatchObject([{ score: 1 }]);
    expect((await names('grace')).sort()).toEqual(['Grace Hopper', 'Grace Kelly']);
    expect(await names('Müller')).toEqual(['Jürgen Müller']);
    expect(await names('GK@example.net')).toEqual(['Grace Kelly']);
    expect(await searchCandidates(db.prisma, { query: 'alan.turing@example.org' })).toMatchObject([
      { name: 'Alan Turing', score: 1, applications: [] },
    ]);
    expect(await names('zzqqxx')).toEqual([]);
    expect(await names('a')).toEqual([]);
  });

  it('keeps the words in step with the search text, and never shows an erased candidate', async () => {
    const c = await candidate('Radia Perlman', 'radia@example.org', 'networking');
    expect(await names('perlman')).toContain('Radia Perlman');
    await db.prisma.candidate.update({
      where: { id: c.id },
      data: { searchText: 'radia perlman radia@example.org spanning-tree' },
    });
    expect(await names('spanning tree')).toEqual(['Radia Perlman']);
    expect(await names('networking')).not.toContain('Radia Perlman');
    await db.prisma.candidate.update({ where: { id: c.id }, data: { erasedAt: new Date() } });
    expect(await names('perlman')).not.toContain('Radia Perlman');
    // Numbers in addresses are not words: the word list stays as short as the vocabulary.
    const words = await db.prisma.searchWord.findMany({ where: { word: { in: ['spanning', 'tree', 'radia'] } } });
    expect(words).toHaveLength(3);
    await candidate('Sam Cand', 'cand52117@example.com');
    expect(await db.prisma.searchWord.count({ where: { word: { contains: '52117' } } })).toBe(0);
  });

  it("shows each hit's applications: role, stage and the exact instant of the next booked interview", async () => {
    const c = await candidate('Katherine Johnson', 'kj@example.org', 'orbital mechanics');
    const role = await createRole(db.prisma, { title: 'Flight Engineer' });
    const app = await db.prisma.application.create({
      data: { candidateId: c.id, roleId: role.id, stage: 'INTERVIEW_SCHEDULED' },
    });
    const soon = new Date(Date.now() + 86_400_000 + 123);
    const later = new Date(soon.getTime() + 7 * 86_400_000);
    for (const [i, startsAt] of [soon, later].entries()) {
      await db.prisma.interview.create({
        data: {
          applicationId: app.id,
          stageId: (await db.prisma.interviewStage.findFirstOrThrow({ where: { roleId: role.id, position: i } })).id,
          status: 'BOOKED',
          startsAt,
          endsAt: new Date(startsAt.getTime() + 1_800_000),
        },
      });
    }
    const [hit] = await searchCandidates(db.prisma, { query: 'katherine johnson' });
    expect(hit).toMatchObject({
      name: 'Katherine Johnson',
      email: 'kj@example.org',
      score: 1,
      applications: [{ roleTitle: 'Flight Engineer', stage: 'INTERVIEW_SCHEDULED' }],
    });
    expect(hit!.applications[0]!.nextInterviewAt!.getTime()).toBe(soon.getTime());
  });

  it('puts the exact word first even when a near miss is far more common', async () => {
    const old = new Date(Date.now() - 86_400_000);
    await db.prisma.candidate.createMany({
      data: Array.from({ length: 220 }, (_, i) => ({
        name: `Person ${i} Hamiltonian`,
        email: `p${i}@example.com`,
        displayEmail: `p${i}@example.com`,
        searchText: `person hamiltonian p${i}@example.com`,
      })),
    });
    await candidate('Margaret Hamilton', 'margaret@example.org', 'apollo', old);
    const hits = await searchCandidates(db.prisma, { query: 'hamilton' });
    expect(hits[0]).toMatchObject({ name: 'Margaret Hamilton', score: 1 });
    expect(hits).toHaveLength(8);
    expect(hits[1]!.score).toBeLessThan(1);
  });
});
