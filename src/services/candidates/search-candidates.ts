import { Prisma } from '../../generated/prisma/client.js';
import type { PrismaClient } from '../../db/prisma.js';
import { readSql } from '../../db/direct-sql.js';
import { CUSTOM_PLAN } from '../../db/prepared-statements.js';

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
 * Planned for their values every time (db/prepared-statements.ts): a rare word and a common one
 * need different plans.
 */
const CUSTOM = Prisma.raw(CUSTOM_PLAN);

/** A candidate found, scored in SQL: its word list never leaves the database. */
type Row = { id: string; name: string; email: string; score: number; isBest: boolean; updatedAt: Date };
type Alternative = { query: string; word: string; similarity: number };

/** Words of the list tried for each word of the query (the closest first). */
const ALTERNATIVES_PER_WORD = 5;
/** Rows holding some alternative of every query word, ranked in code: enough to rank fairly. */
const POOL = 50;

/**
 * Fuzzy search over every candidate by name, email or skill, best first, in two steps that
 * stay fast at a million candidates. Each word of the query is matched by trigrams against
 * the list of distinct words (`SearchWord`, tens of thousands of short rows): "turnig" finds
 * "turing", "lov" finds "lovelace". Then candidates holding, for every query word, one of its
 * matches are fetched by exact word (GIN on `searchWords`), the first POOL found, and ranked
 * by how close their words are, then by how recently they changed. A query word nothing
 * resembles is left out rather than failing the search. An email address is looked up
 * exactly first (unique index): as words, every address looks alike.
 */
export async function searchCandidates(
  db: PrismaClient,
  { query, limit = 8 }: { query: string; limit?: number },
): Promise<CandidateHit[]> {
  const q = normaliseQuery(query);
  if (q.length < 2) return [];
  let hits: { id: string; name: string; email: string; score: number }[] = [];
  if (/^[^\s@]+@[^\s@]+$/.test(q)) {
    hits = await readSql<{ id: string; name: string; email: string; score: number }>(
      db,
      Prisma.sql`
      SELECT id, name, "displayEmail" AS email, 1.0::float8 AS score FROM "Candidate"
      WHERE email = ${q} AND "erasedAt" IS NULL`,
    );
  }
  if (!hits.length) hits = await byWords(db, q, limit);
  if (!hits.length) return [];
  const apps = await readSql<{ candidateId: string; roleTitle: string; stage: string; nextInterviewAt: Date | null }>(
    db,
    Prisma.sql`
    SELECT a."candidateId", r.title AS "roleTitle", a.stage::text AS stage,
           (SELECT min(i."startsAt") FROM "Interview" i
             WHERE i."applicationId" = a.id AND i.status = 'BOOKED' AND i."startsAt" > now()) AS "nextInterviewAt"
    FROM "Application" a JOIN "Role" r ON r.id = a."roleId"
    WHERE a."candidateId" = ANY(${hits.map((r) => r.id)}::uuid[])
    ORDER BY a."updatedAt" DESC`,
  );
  return hits.map((r) => ({
    ...r,
    applications: apps.filter((a) => a.candidateId === r.id).map(({ candidateId: _c, ...a }) => a),
  }));
}

async function byWords(
  db: PrismaClient,
  q: string,
  limit: number,
): Promise<{ id: string; name: string; email: string; score: number }[]> {
  // The session's pg_trgm.word_similarity_threshold (0.4, see db/prisma.ts) decides what `<%` lets in.
  const alternatives = await readSql<Alternative>(
    db,
    Prisma.sql`${CUSTOM}
    SELECT q.word AS query, a.word, a.similarity::float8 AS similarity
    FROM unnest(justin_search_words(${q})) AS q(word)
    CROSS JOIN LATERAL (
      SELECT w.word, word_similarity(q.word, w.word) AS similarity
      FROM "SearchWord" w
      WHERE q.word <% w.word
      ORDER BY similarity DESC, length(w.word), w.word
      LIMIT ${ALTERNATIVES_PER_WORD}
    ) a`,
  );
  const byQueryWord = new Map<string, Alternative[]>();
  for (const a of alternatives) byQueryWord.set(a.query, [...(byQueryWord.get(a.query) ?? []), a]);
  if (byQueryWord.size === 0) return [];
  const groups = [...byQueryWord.values()];
  // Each query word's closest alternatives (several when they tie).
  const best = groups.map((g) => g.filter((a) => a.similarity === Math.max(...g.map((x) => x.similarity))));
  const scoring = scoringOf(groups, best);
  // Every query word that matched something must be there, through one of its alternatives.
  let rows = await holding(db, groups, scoring, POOL);
  // A full pool with near misses in it may hide closer matches of a common word: those come first.
  if (rows.length === POOL && !rows.every((r) => r.isBest)) rows = union(await holding(db, best, scoring, limit), rows);
  // Nobody holds every word ("grace hopper" with no Grace Hopper on file): those holding some.
  if (rows.length === 0 && groups.length > 1) rows = await holding(db, [groups.flat()], scoring, POOL);
  // Equally close: the most recently updated first.
  rows.sort((a, b) => b.score - a.score || b.updatedAt.getTime() - a.updatedAt.getTime());
  return rows.slice(0, limit).map(({ id, name, email, score }) => ({ id, name, email, score }));
}

/**
 * Every alternative as parallel arrays (word, its query word's index, its similarity, whether
 * it is that query word's closest), for scoring in SQL.
 */
type Scoring = { words: string[]; groups: number[]; similarities: number[]; best: boolean[]; count: number };

function scoringOf(groups: Alternative[][], best: Alternative[][]): Scoring {
  const scoring: Scoring = { words: [], groups: [], similarities: [], best: [], count: groups.length };
  groups.forEach((g, i) => {
    for (const a of g) {
      scoring.words.push(a.word);
      scoring.groups.push(i);
      scoring.similarities.push(a.similarity);
      scoring.best.push(best[i]!.includes(a));
    }
  });
  return scoring;
}

function union(first: Row[], then: Row[]): Row[] {
  const seen = new Set(first.map((r) => r.id));
  return [...first, ...then.filter((r) => !seen.has(r.id))];
}

/**
 * Candidates holding one word of every group, straight from the GIN index: the first `limit`
 * found, in no particular order (ordering by recency made the planner walk a whole index for
 * a rare word: 570 ms at a million rows, and reading every match of a common word to sort it
 * cost 50 ms). A word held by thousands needs another word to narrow it anyway.
 *
 * Each is scored here, against every query word: the closest alternative it holds, averaged
 * over the query words (one it holds none of counts 0). Scoring in code meant shipping every
 * row's word list to parse as arrays, the largest allocation in a profile of the service under
 * `/candidate` load; scored here, a search cost our process 1.8–2.4 ms of CPU against 2.5–3.1 ms
 * (four interleaved runs at a million candidates; same answers up to the order of ties).
 */
function holding(db: PrismaClient, groups: Alternative[][], s: Scoring, limit: number): Promise<Row[]> {
  const holds = Prisma.join(
    groups.map((g) => Prisma.sql`c."searchWords" && ${g.map((a) => a.word)}::text[]`),
    ' AND ',
  );
  return readSql<Row>(
    db,
    Prisma.sql`${CUSTOM}
    SELECT c.id, c.name, c."displayEmail" AS email, c."updatedAt", m.score, m."isBest"
    FROM "Candidate" c
    CROSS JOIN LATERAL (
      SELECT coalesce(sum(g.closest), 0)::float8 / ${s.count} AS score,
             count(*) FILTER (WHERE g.holds_best) = ${s.count} AS "isBest"
      FROM (
        SELECT max(a.similarity) AS closest, bool_or(a.best) AS holds_best
        FROM unnest(${s.words}::text[], ${s.groups}::int[], ${s.similarities}::float8[], ${s.best}::bool[])
             AS a(word, grp, similarity, best)
        WHERE a.word = ANY(c."searchWords")
        GROUP BY a.grp
      ) g
    ) m
    WHERE ${holds} AND c."erasedAt" IS NULL
    LIMIT ${limit}`,
  );
}
