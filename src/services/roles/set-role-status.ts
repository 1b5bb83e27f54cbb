import type { PrismaClient } from '../../db/prisma.js';
import { AppError } from '../../errors.js';
import { findRoleByTitle } from './find-role.js';
import { titleTaken } from './open-role.js';

const NEXT = { pause: 'PAUSED', close: 'CLOSED', reopen: 'OPEN' } as const;

/** Pauses, closes or reopens the role whose title matches, audited. Refuses an unknown or ambiguous title. */
export async function setRoleStatus(
  prisma: PrismaClient,
  {
    title,
    verb,
    actorSlackId,
    now = new Date(),
  }: { title: string; verb: keyof typeof NEXT; actorSlackId: string; now?: Date },
): Promise<{ title: string; status: string }> {
  return prisma.$transaction(async (tx) => {
    const role = await findRoleByTitle(tx, title, { toReopen: verb === 'reopen' });
    // A closed role comes back only while no other open or paused role has its title (a unique index).
    if (verb === 'reopen' && (await titleTaken(tx, role.title, role.id))) {
      throw new AppError('INVALID_INPUT', `title ${role.title} is open`, {
        userMessage: `A role called “${role.title}” is already open; it cannot be open twice.`,
      });
    }
    const status = NEXT[verb];
    await tx.role.update({ where: { id: role.id }, data: { status, closedAt: status === 'CLOSED' ? now : null } });
    await tx.auditEntry.create({
      data: {
        actorType: 'USER',
        actorId: actorSlackId,
        action: `role.${verb}`,
        subjectType: 'role',
        subjectId: role.id,
        data: { status },
      },
    });
    return { title: role.title, status };
  });
}
