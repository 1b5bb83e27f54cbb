-- Role titles are unique among the roles that are open or paused, whatever their case: a
-- command that takes a title then always names one role, and a replayed "open role" cannot make
-- a second. Closed roles keep their titles (a role can be reopened only while no open one has
-- its title). Prisma cannot express a partial index on an expression; it is written here.
CREATE UNIQUE INDEX "Role_open_title_key" ON "Role" (lower("title")) WHERE "status" IN ('OPEN', 'PAUSED');
