-- Role titles are unique among the roles that are open or paused, whatever their case: a
-- command that takes a title then always names one role, and a replayed "open role" cannot make
-- a second. Closed roles keep their titles (a role can be reopened only while no open one has
-- its title). Prisma cannot express a partial index on an expression; it is written here.

-- Installs that already have such twins (a replayed submission made them) keep every role: the
-- later ones get " (2)", " (3)" … after their title, so the index can hold from now on.
WITH twins AS (
  SELECT id, row_number() OVER (PARTITION BY lower(title) ORDER BY "createdAt", id) AS n
  FROM "Role" WHERE status IN ('OPEN', 'PAUSED')
)
UPDATE "Role" r SET title = r.title || ' (' || twins.n || ')'
FROM twins WHERE r.id = twins.id AND twins.n > 1;

CREATE UNIQUE INDEX "Role_open_title_key" ON "Role" (lower("title")) WHERE "status" IN ('OPEN', 'PAUSED');
