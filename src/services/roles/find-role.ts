import type { DbOrTx } from '../../db/prisma.js';
import { AppError } from '../../errors.js';

/** The one role a title names: exactly (any case), else by part of it. Refuses an unknown or ambiguous title. */
export async function findRoleByTitle(db: DbOrTx, title: string): Promise<{ id: string; title: string }> {
  const exact = await db.role.findMany({ where: { title: { equals: title, mode: 'insensitive' } }, select: { id: true, title: true } });
  const matches = exact.length ? exact : await db.role.findMany({ where: { title: { contains: title, mode: 'insensitive' } }, select: { id: true, title: true }, take: 6 });
  if (!matches.length) throw new AppError('NOT_FOUND', `no role ${title}`, { userMessage: `No role is called “${title}”.` });
  if (matches.length > 1) {
    throw new AppError('INVALID_INPUT', `ambiguous role ${title}`, { userMessage: `Which one? ${matches.map((m) => `“${m.title}”`).join(', ')}.` });
  }
  return matches[0]!;
}
