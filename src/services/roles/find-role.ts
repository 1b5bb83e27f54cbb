import type { DbOrTx } from '../../db/prisma.js';
import { AppError } from '../../errors.js';

/**
 * The one role a title names, among the live roles (open or paused: their titles are unique,
 * so an exact title is always one role) or, to reopen one, among the closed ones (the most
 * recently closed of that title). Exactly (any case) first, else by part of the title.
 * Refuses an unknown or ambiguous title, saying which roles it could be.
 */
export async function findRoleByTitle(db: DbOrTx, title: string, { closed = false }: { closed?: boolean } = {}): Promise<{ id: string; title: string }> {
  const status = closed ? { equals: 'CLOSED' as const } : { in: ['OPEN' as const, 'PAUSED' as const] };
  const query = { where: { status }, orderBy: { closedAt: { sort: 'desc' as const, nulls: 'last' as const } }, select: { id: true, title: true } };
  const exact = await db.role.findMany({ ...query, where: { ...query.where, title: { equals: title, mode: 'insensitive' } } });
  if (exact[0]) return exact[0];
  const matches = await db.role.findMany({ ...query, where: { ...query.where, title: { contains: title, mode: 'insensitive' } }, take: 6 });
  const kind = closed ? 'closed role' : 'open role';
  if (!matches.length) throw new AppError('NOT_FOUND', `no ${kind} ${title}`, { userMessage: `No ${kind} is called “${title}”.` });
  const titles = [...new Set(matches.map((m) => m.title))];
  if (titles.length > 1) throw new AppError('INVALID_INPUT', `ambiguous role ${title}`, { userMessage: `Which one? ${titles.map((t) => `“${t}”`).join(', ')}. Type the whole title.` });
  return matches[0]!;
}
