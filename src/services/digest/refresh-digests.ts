import type { Tx } from '../../db/prisma.js';
import type { Boss } from '../../jobs/boss.js';
import { recordEffect } from '../../outbox/record-effect.js';

/**
 * Renders the roles' posted weekly digests again, in place, in the caller's transaction: after a
 * candidate is erased, no digest Justin posted still names them (the lists of who is stuck, whose
 * interview is coming, whose scorecard is late). One refresh per digest and erased candidate.
 */
export async function refreshDigests(
  tx: Tx,
  boss: Boss,
  { roleIds, candidateId }: { roleIds: string[]; candidateId: string },
): Promise<number> {
  let queued = 0;
  for (const roleId of roleIds) {
    const posted = await tx.outboxEffect.findMany({
      where: { kind: 'slack.digest', status: 'DONE', idempotencyKey: { startsWith: `digest:${roleId}:` } },
      select: { idempotencyKey: true, payload: true },
    });
    for (const digest of posted) {
      const payload = digest.payload as { roleId: string; at: string; week: string; zone: string; refresh?: boolean };
      if (payload.refresh) continue;
      const id = await recordEffect(
        { tx, boss },
        {
          kind: 'slack.digest',
          idempotencyKey: `${digest.idempotencyKey}:erased:${candidateId}`,
          payload: { roleId: payload.roleId, at: payload.at, week: payload.week, zone: payload.zone, refresh: true },
        },
      );
      if (id) queued++;
    }
  }
  return queued;
}
