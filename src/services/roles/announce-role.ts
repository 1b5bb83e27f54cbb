import type { Tx } from '../../db/prisma.js';
import type { Boss } from '../../jobs/boss.js';
import { recordEffect } from '../../outbox/record-effect.js';
import { roleOpenedMessage } from '../../slack/blocks/role-opened.js';
import { competenciesOf } from '../../domain/roles/competencies.js';

/** Tells a role's channel that the role is open, with its people and interview plan (once per role). */
export async function announceRole(
  tx: Tx,
  boss: Boss,
  { roleId, channel, now }: { roleId: string; channel: string; now?: Date },
): Promise<void> {
  const role = await tx.role.findUniqueOrThrow({
    where: { id: roleId },
    select: {
      title: true,
      hiringManager: { select: { slackUserId: true } },
      recruiter: { select: { slackUserId: true } },
      stages: {
        orderBy: { position: 'asc' },
        select: {
          name: true,
          durationMinutes: true,
          kind: true,
          panelMode: true,
          interviewersNeeded: true,
          competencies: true,
          pool: { select: { user: { select: { slackUserId: true } } } },
        },
      },
    },
  });
  const message = roleOpenedMessage({
    title: role.title,
    hiringManager: role.hiringManager?.slackUserId ?? null,
    recruiter: role.recruiter?.slackUserId ?? null,
    steps: role.stages.map((s) => ({
      name: s.name,
      minutes: s.durationMinutes,
      kind: s.kind,
      panel: s.panelMode === 'ALL',
      needed: s.interviewersNeeded,
      pool: s.pool.map((p) => p.user.slackUserId),
      competencies: competenciesOf(s.competencies).map((c) => c.name),
    })),
  });
  await recordEffect(
    { tx, boss },
    { kind: 'slack.post', idempotencyKey: `role-open:${roleId}`, payload: { channel, ...message }, now },
  );
}
