import type { Tx } from '../../db/prisma.js';
import type { Boss } from '../../jobs/boss.js';
import { recordEffect } from '../../outbox/record-effect.js';
import { chooseRoleMessage } from '../../slack/blocks/choose-role.js';
import { unreadableForwardMessage } from '../../slack/blocks/unreadable-forward.js';

/** Where intake asks the team which role an application is for (a Setting, set with /hire intake #channel). */
export const INTAKE_CHANNEL_SETTING = 'intake.slackChannel';

/**
 * Asks the intake channel which open role an application is for, with a menu of the open
 * roles. The message waits (status NEEDS_ROLE) until someone chooses; nothing is lost if no
 * channel is set: the status page counts the waiting messages.
 */
export async function askTeamForRole(
  tx: Tx,
  boss: Boss,
  { inboundId, senderName, subject }: { inboundId: string; senderName: string; subject: string },
): Promise<boolean> {
  const channel = await intakeChannel(tx);
  if (!channel) return false;
  const roles = await tx.role.findMany({
    where: { status: 'OPEN' },
    orderBy: { title: 'asc' },
    select: { id: true, title: true },
    take: 100,
  });
  const { text, blocks } = chooseRoleMessage({ inboundId, senderName, subject, roles });
  await recordEffect(
    { tx, boss },
    { kind: 'slack.post', idempotencyKey: `choose-role:${inboundId}`, payload: { channel, text, blocks } },
  );
  return true;
}

/**
 * Tells the intake channel that a forwarded application names no applicant address Justin can
 * read (the message is kept as FAILED; without a channel the status page counts it).
 */
export async function tellTeamForwardUnreadable(
  tx: Tx,
  boss: Boss,
  { inboundId, forwardedBy, subject }: { inboundId: string; forwardedBy: string; subject: string },
): Promise<boolean> {
  const channel = await intakeChannel(tx);
  if (!channel) return false;
  const { text, blocks } = unreadableForwardMessage({ forwardedBy, subject });
  await recordEffect(
    { tx, boss },
    { kind: 'slack.post', idempotencyKey: `forward-unreadable:${inboundId}`, payload: { channel, text, blocks } },
  );
  return true;
}

async function intakeChannel(tx: Tx): Promise<string | undefined> {
  const setting = await tx.setting.findUnique({ where: { key: INTAKE_CHANNEL_SETTING } });
  return typeof setting?.value === 'string' ? setting.value : undefined;
}
