/**
 * Statements run as named prepared statements: each connection parses a statement once, and
 * Postgres may keep a generic plan for it after five runs, when that plan is estimated no worse
 * than the ones made for the values. Prisma's default (unnamed statements) parses and plans
 * every run. Measured on the intake bench (3,000 messages, two cores shared with the load): 35
 * and 39 messages/s against 30 and 34 without; forcing a fresh plan every run gave nothing
 * (29/s), so the planning is what this saves.
 *
 * A statement whose best plan depends on its values opts out by carrying CUSTOM_PLAN in its
 * text (the candidate search: a rare word and a common one need different plans). The names
 * are capped, because every connection keeps every statement it prepared for its lifetime:
 * past the cap, new statements run unnamed, as before.
 */
export const CUSTOM_PLAN = '/* custom plan */';

const MAX_NAMED = 500;
const names = new Map<string, string>();

/** The name for this statement text (the same on every connection), or none. */
export function preparedStatementName({ sql }: { sql: string }): string {
  let name = names.get(sql);
  if (name === undefined && names.size < MAX_NAMED && !sql.includes(CUSTOM_PLAN)) {
    name = `justin_${names.size}`;
    names.set(sql, name);
  }
  // Typed as string by Prisma; undefined is what node-postgres takes for "unnamed".
  return name as string;
}
