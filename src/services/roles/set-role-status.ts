import type { PrismaClient } from '../../db/prisma.js';
import { AppError } from '../../errors.js';

const NEXT = { pause: 'PAUSED', close: 'CLOSED', reopen: 'OPEN' } as const;

/** Pauses, closes or reopens the role whose title matches, audited. Refuses an unknown or ambiguous title. */
export async function setRoleStatus(
  prisma: PrismaClient,
  { title, verb, actorSlackId }: { title: string; verb: keyof typeof NEXT; actorSlackId: string },
): Promise<{ title: string; status: string }> {
  return prisma.$transaction(async (tx) => {
    const exact = await tx.role.findMany({ where: { title: { equals: title, mode: 'insensitive' } }, select: { id: true, title: true } });
    const matches = exact.length ? exact : await tx.role.findMany({ where: { title: { contains: title, mode: 'insensitive' } }, select: { id: true, title: true }, take: 6 });
    if (!matches.length) throw new AppError('NOT_FOUND', `no role ${title}`, { userMessage: `No role is called “${title}”.` });
    if (matches.length > 1) {
      throw new AppError('INVALID_INPUT', `ambiguous role ${title}`, { userMessage: `Which one? ${matches.map((m) => `“${m.title}”`).join(', ')}.` });
    }
    const role = matches[0]!;
    const status = NEXT[verb];
    await tx.role.update({ where: { id: role.id }, data: { status, closedAt: status === 'CLOSED' ? new Date() : null } });
    await tx.auditEntry.create({ data: { actorType: 'USER', actorId: actorSlackId, action: `role.${verb}`, subjectType: 'role', subjectId: role.id, data: { status } } });
    return { title: role.title, status };
  });
}
