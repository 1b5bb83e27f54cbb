import type { DbOrTx } from '../../db/prisma.js';
import type { Stage } from '../../domain/pipeline/stages.js';

export type RoleOverview = {
  roleId: string;
  title: string;
  counts: Partial<Record<Stage, number>>;
  stuck: { candidateName: string; stage: Stage; days: number }[];
  costPerScheduledInterviewUsd: number | null;
};

/**
 * Open roles (or those whose title matches `roleQuery`, or only `onlyRoles`) with counts per
 * stage and the applications that have not moved for `stuckDays`, oldest first.
 */
export async function pipelineOverview(
  db: DbOrTx,
  {
    roleQuery,
    stuckDays = 5,
    now = new Date(),
    onlyRoles,
  }: { roleQuery?: string; stuckDays?: number; now?: Date; onlyRoles?: string[] },
): Promise<RoleOverview[]> {
  const q = roleQuery?.trim();
  const roles = await db.role.findMany({
    where: {
      status: { in: ['OPEN', 'PAUSED'] },
      ...(q ? { title: { contains: q, mode: 'insensitive' } } : {}),
      ...(onlyRoles ? { id: { in: onlyRoles } } : {}),
    },
    orderBy: { createdAt: 'asc' },
    take: 10,
    select: { id: true, title: true },
  });
  if (!roles.length) return [];
  const ids = roles.map((r) => r.id);
  const counts = await db.application.groupBy({
    by: ['roleId', 'stage'],
    where: { roleId: { in: ids } },
    _count: { _all: true },
  });
  const cutoff = new Date(now.getTime() - stuckDays * 86_400_000);
  const stuck = await db.application.findMany({
    where: {
      roleId: { in: ids },
      stage: { notIn: ['HIRED', 'REJECTED', 'WITHDRAWN'] },
      stageChangedAt: { lt: cutoff },
    },
    orderBy: { stageChangedAt: 'asc' },
    take: 50,
    select: { roleId: true, stage: true, stageChangedAt: true, candidate: { select: { name: true } } },
  });
  const costs = await db.$queryRaw<{ roleId: string; cost: number | null }[]>`
    SELECT a."roleId",
           (sum(r."costUsd") / NULLIF(
             count(DISTINCT r."interviewId") FILTER (WHERE i.status IN ('BOOKED', 'COMPLETED')), 0
           ))::float8 AS cost
    FROM "AgentRun" r JOIN "Application" a ON a.id = r."applicationId" LEFT JOIN "Interview" i ON i.id = r."interviewId"
    WHERE a."roleId" = ANY(${ids}::uuid[]) GROUP BY a."roleId"`;
  return roles.map((role) => ({
    roleId: role.id,
    title: role.title,
    counts: Object.fromEntries(counts.filter((c) => c.roleId === role.id).map((c) => [c.stage, c._count._all])),
    stuck: stuck
      .filter((s) => s.roleId === role.id)
      .map((s) => ({
        candidateName: s.candidate.name,
        stage: s.stage,
        days: Math.floor((now.getTime() - s.stageChangedAt.getTime()) / 86_400_000),
      })),
    costPerScheduledInterviewUsd: costs.find((c) => c.roleId === role.id)?.cost ?? null,
  }));
}
