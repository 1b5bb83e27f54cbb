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

/**
 * Fuzzy search over every candidate by name, email or skill: trigram word similarity
 * (`<%`, served by the GIN index on searchText), best first. An email-looking query also
 * matches the exact normalised email.
 */
export async function searchCandidates(db: DbOrTx, { query, limit = 8 }: { query: string; limit?: number }): Promise<CandidateHit[]> {
  const q = normaliseQuery(query);
  if (q.length < 2) return [];
  const rows = await db.$queryRaw<{ id: string; name: string; email: string; score: number }[]>`
    SELECT id, name, "displayEmail" AS email,
           CASE WHEN email = ${q} THEN 1.0 ELSE word_similarity(${q}, "searchText") END::float8 AS score
    FROM "Candidate"
    WHERE "erasedAt" IS NULL AND (${q} <% "searchText" OR email = ${q})
    ORDER BY score DESC, "updatedAt" DESC
    LIMIT ${limit}`;
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
