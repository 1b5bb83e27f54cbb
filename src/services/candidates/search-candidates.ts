import type { DbOrTx } from '../../db/prisma.js';

export type CandidateHit = {
  id: string;
  name: string;
  email: string;
  score: number;
  applications: { roleTitle: string; stage: string; nextInterviewAt: Date | null }[];
};

/** Lower-cased, accents kept, whitespace folded: the form `Candidate.searchText` is stored in. */
export function normaliseQuery(query: string): string {
  return query.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

type Row = { id: string; name: string; email: string; score: number };

/**
 * Fuzzy search over every candidate by name, email or skill: trigram word similarity,
 * best first. The GiST index orders by distance (`<<->`) itself, so the top few of a
 * million rows come back without scoring every match. An email address is looked up
 * exactly first (unique index): as trigrams, every address looks alike.
 */
export async function searchCandidates(db: DbOrTx, { query, limit = 8 }: { query: string; limit?: number }): Promise<CandidateHit[]> {
  const q = normaliseQuery(query);
  if (q.length < 2) return [];
  let rows: Row[] = [];
  if (/^[^\s@]+@[^\s@]+$/.test(q)) {
    rows = await db.$queryRaw<Row[]>`
      SELECT id, name, "displayEmail" AS email, 1.0::float8 AS score FROM "Candidate" WHERE email = ${q} AND "erasedAt" IS NULL`;
  }
  if (!rows.length) {
    rows = await db.$queryRaw<Row[]>`
      SELECT id, name, "displayEmail" AS email, (1 - (${q} <<-> "searchText"))::float8 AS score
      FROM "Candidate"
      WHERE ${q} <% "searchText" AND "erasedAt" IS NULL
      ORDER BY ${q} <<-> "searchText"
      LIMIT ${limit}`;
  }
  if (!rows.length) return [];
  const apps = await db.$queryRaw<{ candidateId: string; roleTitle: string; stage: string; nextInterviewAt: Date | null }[]>`
    SELECT a."candidateId", r.title AS "roleTitle", a.stage::text AS stage,
           (SELECT min(i."startsAt") FROM "Interview" i
             WHERE i."applicationId" = a.id AND i.status = 'BOOKED' AND i."startsAt" > now()) AS "nextInterviewAt"
    FROM "Application" a JOIN "Role" r ON r.id = a."roleId"
    WHERE a."candidateId" = ANY(${rows.map((r) => r.id)}::uuid[])
    ORDER BY a."updatedAt" DESC`;
  return rows.map((r) => ({
    ...r,
    applications: apps.filter((a) => a.candidateId === r.id).map(({ candidateId: _c, ...a }) => a),
  }));
}
