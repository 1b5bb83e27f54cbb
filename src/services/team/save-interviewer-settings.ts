import type { PrismaClient } from '../../db/prisma.js';
import { workingHoursToStore } from '../../domain/team/interviewer-settings.js';
import type { InterviewerSettings } from '../../domain/team/interviewer-settings-form.js';
import type { Boss } from '../../jobs/boss.js';
import { requestPersonSync } from './sync-person.js';

export type SaveSettingsOutcome = { ok: true; calendarChanged: boolean } | { ok: false; reason: 'unknown' };

/**
 * Stores someone's own settings in one transaction, audited. A new calendar id is checked
 * again (a sync of the person, which reads it the way scheduling will) after the commit.
 */
export async function saveInterviewerSettings(
  { prisma, boss }: { prisma: PrismaClient; boss: Boss },
  { slackUserId, settings }: { slackUserId: string; settings: InterviewerSettings },
): Promise<SaveSettingsOutcome> {
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { slackUserId, deactivatedAt: null } });
    if (!user) return { ok: false, reason: 'unknown' };
    const calendarId = settings.calendarId ?? user.email;
    const workingHours = workingHoursToStore(settings, user.workingHours);
    await tx.user.update({
      where: { id: user.id },
      data: {
        workingHours: workingHours as object,
        dailyInterviewCap: settings.dailyCap,
        weeklyInterviewCap: settings.weeklyCap,
        busyPolicy: settings.busyPolicy,
        calendarId,
      },
    });
    const calendarChanged = calendarId !== user.calendarId;
    if (calendarChanged && calendarId) {
      await requestPersonSync(tx, boss, { slackTeamId: user.slackTeamId, slackUserId });
    }
    await tx.auditEntry.create({
      data: {
        actorType: 'USER',
        actorId: slackUserId,
        action: 'person.settings',
        subjectType: 'user',
        subjectId: slackUserId,
        data: { ...settings, calendarId, previousCalendarId: user.calendarId },
      },
    });
    return { ok: true, calendarChanged };
  });
}
