import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '../../src/db/prisma.js';

const unique = () => randomBytes(4).toString('hex');

/** A role with `stages` interview steps (30-minute video interviews by default). */
export async function createRole(prisma: PrismaClient, { stages = 2, title = `Engineer ${unique()}`, slackChannelId = 'C0ROLE' } = {}) {
  return prisma.role.create({
    data: {
      title,
      slackChannelId,
      stages: { create: Array.from({ length: stages }, (_, i) => ({ position: i, name: `Interview ${i + 1}`, durationMinutes: 30 })) },
    },
  });
}

export async function createCandidate(prisma: PrismaClient, { name = 'Ada Lovelace' } = {}) {
  const email = `ada.${unique()}@example.com`;
  return prisma.candidate.create({ data: { email, displayEmail: email, name, searchText: `${name} ${email}`.toLowerCase() } });
}

export async function createApplication(prisma: PrismaClient, { stages = 2, card = false }: { stages?: number; card?: boolean } = {}) {
  const role = await createRole(prisma, { stages });
  const candidate = await createCandidate(prisma);
  return prisma.application.create({
    data: {
      candidateId: candidate.id,
      roleId: role.id,
      ...(card ? { slackChannelId: 'C0ROLE', slackMessageTs: '1700000000.000100' } : {}),
    },
  });
}
