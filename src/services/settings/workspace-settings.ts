import { z } from 'zod';
import type { DbOrTx, PrismaClient } from '../../db/prisma.js';
import { DEFAULT_DIGEST_SCHEDULE, ZDigestSchedule, type DigestSchedule } from '../../domain/digest/digest-schedule.js';

// What the team sets once for the whole workspace, and Justin never invents: the signature
// under the emails the team sends with one click (rejections, acknowledgements), and when the
// weekly digest goes to each role's channel.

export const WORKSPACE_SETTINGS = 'workspace.settings';

export const ZWorkspaceSettings = z.object({
  signature: z
    .string()
    .trim()
    .min(1, 'Write the signature under the emails the team sends.')
    .max(300, 'Keep the signature under 300 characters.'),
  digest: ZDigestSchedule.optional(),
});
export type WorkspaceSettings = z.output<typeof ZWorkspaceSettings>;

/**
 * The settings as stored; a field never set (or no longer valid) is absent, and the feature that
 * needs it says so or uses its default. Each field is read on its own, so one bad field loses no other.
 */
export async function loadWorkspaceSettings(db: DbOrTx): Promise<Partial<WorkspaceSettings>> {
  const row = await db.setting.findUnique({ where: { key: WORKSPACE_SETTINGS } });
  const value = (row?.value ?? {}) as Record<string, unknown>;
  const signature = ZWorkspaceSettings.shape.signature.safeParse(value.signature);
  const digest = ZDigestSchedule.safeParse(value.digest);
  return {
    ...(signature.success ? { signature: signature.data } : {}),
    ...(digest.success ? { digest: digest.data } : {}),
  };
}

/** When the weekly digest goes out: as the team set it, else Monday 09:00 UTC. */
export async function loadDigestSchedule(db: DbOrTx): Promise<DigestSchedule> {
  return (await loadWorkspaceSettings(db)).digest ?? DEFAULT_DIGEST_SCHEDULE;
}

/** Saves the settings, audited. */
export async function saveWorkspaceSettings(
  prisma: PrismaClient,
  { settings, by }: { settings: WorkspaceSettings; by: string },
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.setting.upsert({
      where: { key: WORKSPACE_SETTINGS },
      create: { key: WORKSPACE_SETTINGS, value: settings, updatedBy: by },
      update: { value: settings, updatedBy: by },
    });
    await tx.auditEntry.create({
      data: {
        actorType: 'USER',
        actorId: by,
        action: 'settings.workspace',
        subjectType: 'Setting',
        subjectId: WORKSPACE_SETTINGS,
        data: { fields: Object.keys(settings), ...(settings.digest ? { digest: settings.digest } : {}) },
      },
    });
  });
}
