// BENCH_ROUND_TRIPS=1: counts the statements this process sends to Postgres (every pg.Client,
// so Prisma's pool and pg-boss's alike), by text. A round trip costs both sides CPU on a
// shared machine; this shows which ones a message pays for.
import pg from 'pg';

const counts = new Map<string, number>();
let installed = false;

export function countRoundTrips(): void {
  if (installed) return;
  installed = true;
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string } | undefined;
    const text = (typeof first === 'string' ? first : (first?.text ?? '?'))
      .replace(/\/\*.*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 110);
    counts.set(text, (counts.get(text) ?? 0) + 1);
    return query.apply(this, args);
  } as typeof pg.Client.prototype.query;
}

/** Resets the counts (after set-up, before the part being measured). */
export function resetRoundTrips(): void {
  counts.clear();
}

export function roundTripReport(per: number, top = 40): string[] {
  const all = [...counts].sort((a, b) => b[1] - a[1]);
  const total = all.reduce((sum, [, n]) => sum + n, 0);
  return [
    `${(total / per).toFixed(1)} statements per message (${total} in all), the most frequent:`,
    ...all.slice(0, top).map(([text, n]) => `${(n / per).toFixed(2).padStart(6)}  ${text}`),
  ];
}
