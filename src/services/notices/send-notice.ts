import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/prisma.js';
import type { Boss } from '../../jobs/boss.js';
import { recordEffect } from '../../outbox/record-effect.js';

export type NoticeSubject = {
  /** Stable for what the notice is about and for whom: the same key is the same message. */
  key: string;
  kind: string;
  userId?: string | null;
  interviewId?: string | null;
  scorecardId?: string | null;
  offerId?: string | null;
};

/**
 * Makes sure the notice exists and asks the outbox to bring it up to date: the first time it is
 * posted, after that it is edited in place. Rendering happens at delivery, so two refreshes in
 * any order leave it current. Returns the notice's id.
 */
export async function sendNotice(
  tx: Tx,
  boss: Boss,
  subject: NoticeSubject,
  { now, notBefore }: { now: Date; notBefore?: Date },
): Promise<string> {
  const row = await tx.slackNotice.upsert({
    where: { key: subject.key },
    create: {
      key: subject.key,
      kind: subject.kind,
      userId: subject.userId ?? null,
      interviewId: subject.interviewId ?? null,
      scorecardId: subject.scorecardId ?? null,
      offerId: subject.offerId ?? null,
    },
    update: {},
    select: { id: true },
  });
  await refresh(tx, boss, row.id, now, notBefore);
  return row.id;
}

/** Brings every notice about this interview or scorecard up to date (a reschedule, a cancellation). */
export async function refreshNotices(
  tx: Tx,
  boss: Boss,
  about: { interviewId: string } | { scorecardId: string } | { offerId: string },
  now: Date,
): Promise<number> {
  const rows = await tx.slackNotice.findMany({ where: about, select: { id: true } });
  for (const { id } of rows) await refresh(tx, boss, id, now);
  return rows.length;
}

// Each refresh is its own effect (a random key): it renders what is true at delivery, so a
// repeat costs one idempotent chat.update, and a transaction that rolls back records none.
async function refresh(tx: Tx, boss: Boss, noticeId: string, now: Date, notBefore?: Date): Promise<void> {
  await recordEffect(
    { tx, boss },
    {
      kind: 'slack.notice',
      idempotencyKey: `notice:${noticeId}:${randomUUID()}`,
      payload: { noticeId },
      now,
      ...(notBefore ? { notBefore } : {}),
    },
  );
}
