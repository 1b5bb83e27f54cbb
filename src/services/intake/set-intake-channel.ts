import type { PrismaClient } from '../../db/prisma.js';
import { INTAKE_CHANNEL_SETTING } from './ask-team-for-role.js';

/** Sets where intake asks the team about applications (audited). */
export async function setIntakeChannel(
  prisma: PrismaClient,
  { channel, by }: { channel: string; by: string },
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.setting.upsert({
      where: { key: INTAKE_CHANNEL_SETTING },
      update: { value: channel, updatedBy: by },
      create: { key: INTAKE_CHANNEL_SETTING, value: channel, updatedBy: by },
    });
    await tx.auditEntry.create({
      data: {
        actorType: 'USER',
        actorId: by,
        action: 'settings.intake_channel',
        subjectType: 'Setting',
        subjectId: INTAKE_CHANNEL_SETTING,
        data: { channel },
      },
    });
  });
}
