import { DateTime } from 'luxon';
import type { DbOrTx } from '../../db/prisma.js';
import { settingsFromStored } from '../../domain/team/interviewer-settings.js';
import type { InterviewerSettings } from '../../domain/team/interviewer-settings-form.js';

export type ShownSettings = { settings: InterviewerSettings; timeZone: string; email: string | null };

/** Someone's own interviewing settings as the modal shows them, with their zone; undefined for a stranger. */
export async function loadInterviewerSettings(
  db: DbOrTx,
  { slackUserId, now }: { slackUserId: string; now: Date },
): Promise<ShownSettings | undefined> {
  const user = await db.user.findFirst({ where: { slackUserId, deactivatedAt: null } });
  if (!user) return undefined;
  const today = DateTime.fromJSDate(now, { zone: user.timeZone }).toISODate() ?? undefined;
  return { settings: settingsFromStored(user, { today }), timeZone: user.timeZone, email: user.email };
}
