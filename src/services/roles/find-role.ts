import type { DbOrTx } from '../../db/prisma.js';
import { AppError } from '../../errors.js';

type Found = { id: string; title: string; status: string; closedAt: Date | null };

/**
 * The one role a title names: among the live roles (open or paused: their titles are unique,
 * so an exact title is always one role) or, to reopen one, among the paused and closed ones
 * (a paused one first, else the most recently closed of that title). Exactly (any case) first,
 * else by part of the title. Refuses an unknown or ambiguous title, saying which roles it could be.
 */
export async function findRoleByTitle(
  db: DbOrTx,
  title: string,
  { toReopen = false }: { toReopen?: boolean } = {},
): Promise<{ id: string; title: string }> {
  const status = { in: toReopen ? (['PAUSED', 'CLOSED'] as const) : (['OPEN', 'PAUSED'] as const) };
  const select = { id: true, title: true, status: true, closedAt: true };
  const exact = await db.role.findMany({
    where: { status: { in: [...status.in] }, title: { equals: title, mode: 'insensitive' } },
    select,
  });
  const matches: Found[] = exact.length
    ? exact
    : await db.role.findMany({
        where: { status: { in: [...status.in] }, title: { contains: title, mode: 'insensitive' } },
        select,
        take: 6,
      });
  const kind = toReopen ? 'paused or closed role' : 'open role';
  if (!matches.length)
    throw new AppError('NOT_FOUND', `no ${kind} ${title}`, { userMessage: `No ${kind} is called “${title}”.` });
  const titles = [...new Set(matches.map((m) => m.title.toLowerCase()))];
  if (titles.length > 1)
    throw new AppError('INVALID_INPUT', `ambiguous role ${title}`, {
      userMessage: `Which one? ${matches.map((m) => `“${m.title}”`).join(', ')}. Type the whole title.`,
    });
  const rank = (r: Found) => (r.status === 'PAUSED' ? Infinity : (r.closedAt?.getTime() ?? 0));
  return [...matches].sort((a, b) => rank(b) - rank(a))[0]!;
}
