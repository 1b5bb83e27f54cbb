import type { Tx } from '../../db/prisma.js';
import type { Boss } from '../../jobs/boss.js';
import { recordEffect } from '../../outbox/record-effect.js';

/**
 * Asks for the application's candidate card in its role's channel, in the caller's
 * transaction (intake calls this when it creates an application). Recording it twice is one card.
 */
export function showCandidateCard({ tx, boss }: { tx: Tx; boss: Boss }, applicationId: string): Promise<string | null> {
  return recordEffect(
    { tx, boss },
    { kind: 'slack.card', idempotencyKey: `card:${applicationId}:first`, applicationId, payload: { applicationId } },
  );
}
