import type { DbOrTx } from '../../db/prisma.js';
import type { Stage } from '../../domain/pipeline/stages.js';

export type RoleOverview = {
  roleId: string;
  title: string;
  counts: Partial<Record<Stage, number>>;
  /** The longest-waiting applications that have not moved for `stuckDays`, at most `stuckShown`. */
  stuck: { candidateName: string; stage: Stage; days: number }[];
  /** How many have not moved, shown or not. */
  stuckTotal: number;
  costPerScheduledInterviewUsd: number | null;
};

/** One page of roles: never silently fewer than there are (`total` says how many match). */
export type PipelinePage = { roles: RoleOverview[]; total: number; page: number; pages: number; pageSize: number };

export const PIPELINE_PAGE_SIZE = 10;

export type PipelineOverviewOptions = {
  /** Roles whose title contains this (any case); all open roles without it. */
  roleQuery?: string | undefined;
  stuckDays?: number;
  /** Stuck applications listed per role (the rest are counted). */
  stuckShown?: number;
  /** The service's clock: what "has not moved for N days" is measured from. */
  now: Date;
  /** Only these roles (someone who sees only the roles they are named on). */
  onlyRoles?: string[] | undefined;
  /** From 1; a page past the last is the last. */
  page?: number;
  pageSize?: number;
};

/**
 * Open roles (or those whose title matches `roleQuery`, or only `onlyRoles`), a page at a time in
 * the order they were opened, with counts per stage, the applications that have not moved for
 * `stuckDays` (oldest first), and the agent's cost per scheduled interview.
 */
export async function pipelineOverview(
  db: DbOrTx,
  {
    roleQuery,
    stuckDays = 5,
    stuckShown = 8,
    now,
    onlyRoles,
    page = 1,
    pageSize = PIPELINE_PAGE_SIZE,
  }: PipelineOverviewOptions,
): Promise<PipelinePage> {
  const q = roleQuery?.trim();
  const where = {
    status: { in: ['OPEN' as const, 'PAUSED' as const] },
    ...(q ? { title: { contains: q, mode: 'insensitive' as const } } : {}),
    ...(onlyRoles ? { id: { in: onlyRoles } } : {}),
  };
  const total = await db.role.count({ where });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, Math.floor(page)), pages);
  const roles = await db.role.findMany({
    where,
    // Title, then id, break ties: a role never shows on two pages or on none.
    orderBy: [{ createdAt: 'asc' }, { title: 'asc' }, { id: 'asc' }],
    skip: (current - 1) * pageSize,
    take: pageSize,
    select: { id: true, title: true },
  });
  const paged = { total, page: current, pages, pageSize };
  if (!roles.length) return { roles: [], ...paged };
  const ids = roles.map((r) => r.id);
  const counts = await db.application.groupBy({
    by: ['roleId', 'stage'],
    where: { roleId: { in: ids } },
    _count: { _all: true },
  });
  const cutoff = new Date(now.getTime() - stuckDays * 86_400_000);
  // The first few per role, and how many in all: one role full of stuck candidates hides no other's.
  const stuck = await db.$queryRaw<
    { roleId: string; stage: Stage; stageChangedAt: Date; candidateName: string; total: number }[]
  >`
    SELECT "roleId", stage, "stageChangedAt", "candidateName", total FROM (
      SELECT a."roleId", a.stage::text AS stage, a."stageChangedAt", c.name AS "candidateName",
             row_number() OVER (PARTITION BY a."roleId" ORDER BY a."stageChangedAt", a.id) AS n,
             count(*) OVER (PARTITION BY a."roleId")::int AS total
      FROM "Application" a JOIN "Candidate" c ON c.id = a."candidateId"
      WHERE a."roleId" = ANY(${ids}::uuid[]) AND a.stage NOT IN ('HIRED', 'REJECTED', 'WITHDRAWN')
        AND a."stageChangedAt" < ${cutoff}
    ) s WHERE n <= ${stuckShown} ORDER BY "stageChangedAt"`;
  const costs = await agentCostPerScheduledInterview(db, ids);
  return {
    roles: roles.map((role) => {
      const theirs = stuck.filter((s) => s.roleId === role.id);
      return {
        roleId: role.id,
        title: role.title,
        counts: Object.fromEntries(counts.filter((c) => c.roleId === role.id).map((c) => [c.stage, c._count._all])),
        stuck: theirs.map((s) => ({
          candidateName: s.candidateName,
          stage: s.stage,
          days: Math.floor((now.getTime() - s.stageChangedAt.getTime()) / 86_400_000),
        })),
        stuckTotal: theirs[0]?.total ?? 0,
        costPerScheduledInterviewUsd: costs.get(role.id) ?? null,
      };
    }),
    ...paged,
  };
}

/**
 * What the agent cost per interview it got booked, per role, since the role opened: every run's
 * cost over the interviews those runs were for that are booked or held. Null without any.
 */
export async function agentCostPerScheduledInterview(db: DbOrTx, roleIds: string[]): Promise<Map<string, number>> {
  const rows = await db.$queryRaw<{ roleId: string; cost: number | null }[]>`
    SELECT a."roleId",
           (sum(r."costUsd") / NULLIF(
             count(DISTINCT r."interviewId") FILTER (WHERE i.status IN ('BOOKED', 'COMPLETED')), 0
           ))::float8 AS cost
    FROM "AgentRun" r JOIN "Application" a ON a.id = r."applicationId"
    LEFT JOIN "Interview" i ON i.id = r."interviewId"
    WHERE a."roleId" = ANY(${roleIds}::uuid[]) GROUP BY a."roleId"`;
  return new Map(rows.filter((r) => r.cost !== null).map((r) => [r.roleId, r.cost!]));
}
