import type { PrismaClient } from '../../db/prisma.js';
import { AppError } from '../../errors.js';
import { findRoleByTitle } from './find-role.js';
import { isOpenTitleClash, titleTaken } from './open-role.js';

const NEXT = { pause: 'PAUSED', close: 'CLOSED', reopen: 'OPEN' } as const;

/** Pauses, closes or reopens the role whose title matches, audited. Refuses an unknown or ambiguous title. */
export async function setRoleStatus(
  prisma: PrismaClient,
  { title, verb, actorSlackId, now }: { title: string; verb: keyof typeof NEXT; actorSlackId: string; now: Date },
): Promise<{ title: string; status: string }> {
  const openTwice = (title: string) =>
    new AppError('INVALID_INPUT', `title ${title} is open`, {
      userMessage: `A role called “${title}” is already open; it cannot be open twice.`,
    });
  return prisma
    .$transaction(async (tx) => {
      const role = await findRoleByTitle(tx, title, { toReopen: verb === 'reopen' });
      // A closed role comes back only while no other open or paused role has its title (a unique index).
      if (verb === 'reopen' && (await titleTaken(tx, role.title, role.id))) throw openTwice(role.title);
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
    })
    .catch((err: unknown) => {
      // Opened elsewhere a moment ago: the index refused what the check let through.
      if (isOpenTitleClash(err)) throw openTwice(title);
      throw err;
    });
}
