import type { PrismaClient } from '../../db/prisma.js';
import { findRoleByTitle } from './find-role.js';

const NEXT = { pause: 'PAUSED', close: 'CLOSED', reopen: 'OPEN' } as const;

/** Pauses, closes or reopens the role whose title matches, audited. Refuses an unknown or ambiguous title. */
export async function setRoleStatus(
  prisma: PrismaClient,
  { title, verb, actorSlackId }: { title: string; verb: keyof typeof NEXT; actorSlackId: string },
): Promise<{ title: string; status: string }> {
  return prisma.$transaction(async (tx) => {
    const role = await findRoleByTitle(tx, title);
    const status = NEXT[verb];
    await tx.role.update({ where: { id: role.id }, data: { status, closedAt: status === 'CLOSED' ? new Date() : null } });
    await tx.auditEntry.create({ data: { actorType: 'USER', actorId: actorSlackId, action: `role.${verb}`, subjectType: 'role', subjectId: role.id, data: { status } } });
    return { title: role.title, status };
  });
}
