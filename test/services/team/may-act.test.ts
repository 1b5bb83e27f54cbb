import { describe, expect, it } from 'vitest';
import { mayDecideFor, mayViewFor } from '../../../src/services/team/may-act.js';
import { createInterviewSetup } from '../../factories/index.js';
import { useTestDatabase } from '../../setup/database.js';

const db = useTestDatabase();

describe('who may see a candidate', () => {
  it('whoever is on one of their interviews, even after the step’s pool was edited without them', async () => {
    const { interview, application, users, role } = await createInterviewSetup(db.prisma, {
      people: [{ name: 'Ola' }],
    });
    const ola = users[0]!;
    // Ola has no team role of her own, and is no longer in the step's pool; she is on the interview.
    await db.prisma.user.update({ where: { id: ola.id }, data: { teamRoles: [] } });
    await db.prisma.interviewPoolMember.deleteMany({ where: { stageId: role.stages[0]!.id } });
    const who = { slackUserId: ola.slackUserId, bootstrapAdmins: [] };
    expect(await mayViewFor(db.prisma, who, { applicationId: application.id })).toBe(false);

    await db.prisma.interviewInterviewer.create({ data: { interviewId: interview.id, userId: ola.id } });
    expect(await mayViewFor(db.prisma, who, { applicationId: application.id })).toBe(true);
    expect(await mayViewFor(db.prisma, who, { interviewId: interview.id })).toBe(true);
    // Seeing is not deciding.
    expect(await mayDecideFor(db.prisma, who, { applicationId: application.id })).toBe(false);
    // A deactivated person, and an id that is not a uuid, see nothing.
    expect(await mayViewFor(db.prisma, who, { applicationId: 'not-a-uuid' })).toBe(false);
    await db.prisma.user.update({ where: { id: ola.id }, data: { deactivatedAt: new Date() } });
    expect(await mayViewFor(db.prisma, who, { applicationId: application.id })).toBe(false);
  });
});
