import type { PrismaClient } from '../../db/prisma.js';
import { latestDigestMoment } from '../../domain/digest/digest-schedule.js';
import type { Boss } from '../../jobs/boss.js';
import { recordEffect } from '../../outbox/record-effect.js';
import { loadDigestSchedule } from '../settings/workspace-settings.js';

/**
 * Queues this week's digest for every open (or paused) role with a channel, once the team's
 * weekday and time have come in its zone: one `slack.digest` effect per role per ISO week, keyed
 * so, which makes every later run of the schedule (each 15 minutes) a no-op for that week. A role
 * opened after the week's moment waits for the next one. Returns how many were queued now.
 */
export async function queueDueDigests({
  prisma,
  boss,
  now,
}: {
  prisma: PrismaClient;
  boss: Boss;
  now: () => Date;
}): Promise<number> {
  const at = now();
  const schedule = await loadDigestSchedule(prisma);
  const moment = latestDigestMoment(schedule, at);
  const roles = await prisma.role.findMany({
    where: { status: { in: ['OPEN', 'PAUSED'] }, slackChannelId: { not: null }, createdAt: { lt: moment.at } },
    select: { id: true },
    orderBy: { createdAt: 'asc' },
  });
  if (!roles.length) return 0;
  return prisma.$transaction(async (tx) => {
    let queued = 0;
    for (const role of roles) {
      const id = await recordEffect(
        { tx, boss },
        {
          kind: 'slack.digest',
          idempotencyKey: `digest:${role.id}:${moment.week}`,
          payload: { roleId: role.id, at: moment.at.toISOString(), week: moment.week, zone: schedule.zone },
          now: at,
        },
      );
      if (id) queued++;
    }
    return queued;
  });
}
