import { z } from 'zod';
import type { DbOrTx, PrismaClient } from '../../db/prisma.js';

// What the team sets once for the whole workspace, and Justin never invents: the signature
// under the emails the team sends with one click (rejections, acknowledgements).

export const WORKSPACE_SETTINGS = 'workspace.settings';

export const ZWorkspaceSettings = z.object({
  signature: z
    .string()
    .trim()
    .min(1, 'Write the signature under the emails the team sends.')
    .max(300, 'Keep the signature under 300 characters.'),
});
export type WorkspaceSettings = z.output<typeof ZWorkspaceSettings>;

/** The settings as stored; a field never set is absent (the feature that needs it says so). */
export async function loadWorkspaceSettings(db: DbOrTx): Promise<Partial<WorkspaceSettings>> {
  const row = await db.setting.findUnique({ where: { key: WORKSPACE_SETTINGS } });
  const parsed = ZWorkspaceSettings.partial().safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : {};
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
        data: { fields: Object.keys(settings) },
      },
    });
  });
}
