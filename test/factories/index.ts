import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '../../src/db/prisma.js';

const unique = () => randomBytes(4).toString('hex');

/** A role with `stages` interview steps (30-minute video interviews by default). */
export async function createRole(
  prisma: PrismaClient,
  { stages = 2, title = `Engineer ${unique()}`, slackChannelId = 'C0ROLE' } = {},
) {
  return prisma.role.create({
    data: {
      title,
      slackChannelId,
      stages: {
        create: Array.from({ length: stages }, (_, i) => ({
          position: i,
          name: `Interview ${i + 1}`,
          durationMinutes: 30,
        })),
      },
    },
  });
}

export async function createCandidate(prisma: PrismaClient, { name = 'Ada Lovelace' } = {}) {
  const email = `ada.${unique()}@example.com`;
  return prisma.candidate.create({
    data: { email, displayEmail: email, name, searchText: `${name} ${email}`.toLowerCase() },
  });
}

export async function createApplication(
  prisma: PrismaClient,
  { stages = 2, card = false }: { stages?: number; card?: boolean } = {},
) {
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

type PersonSpec = { name?: string; zone?: string; workingHours?: unknown; dailyCap?: number };

/**
 * An application with one interview stage whose pool (or panel) is `people`, and an interview
 * for it waiting to be scheduled. People get calendar ids `<name>@example.com`.
 */
export async function createInterviewSetup(
  prisma: PrismaClient,
  {
    people = [{}],
    mode = 'POOL',
    needed = 1,
    durationMinutes = 60,
    policy = {},
  }: { people?: PersonSpec[]; mode?: 'POOL' | 'ALL'; needed?: number; durationMinutes?: number; policy?: object } = {},
) {
  const tag = unique();
  const users = [];
  for (const [i, p] of people.entries()) {
    const name = p.name ?? `Interviewer ${i}`;
    const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${tag}@example.com`;
    users.push(
      await prisma.user.create({
        data: {
          slackTeamId: 'T0TEAM',
          slackUserId: `U${tag.toUpperCase()}${i}`,
          name,
          email,
          timeZone: p.zone ?? 'Europe/Berlin',
          teamRoles: ['INTERVIEWER'],
          ...(p.workingHours ? { workingHours: p.workingHours as object } : {}),
          ...(p.dailyCap ? { dailyInterviewCap: p.dailyCap } : {}),
        },
      }),
    );
  }
  const role = await prisma.role.create({
    data: {
      title: `Engineer ${tag}`,
      slackChannelId: 'C0ROLE',
      policy: { scheduling: { minNoticeHours: 0, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, ...policy } },
      stages: {
        create: [
          {
            position: 0,
            name: 'Technical interview',
            durationMinutes,
            panelMode: mode,
            interviewersNeeded: needed,
            pool: { create: users.map((u) => ({ userId: u.id })) },
          },
        ],
      },
    },
    include: { stages: true },
  });
  const candidate = await createCandidate(prisma);
  const application = await prisma.application.create({
    data: { candidateId: candidate.id, roleId: role.id, stage: 'SCHEDULING', planPosition: 0 },
  });
  const interview = await prisma.interview.create({
    data: { applicationId: application.id, stageId: role.stages[0]!.id, candidateZone: 'Europe/London' },
  });
  return { role, users, candidate, application, interview };
}

/** Another application and interview for the same role and stage (a second candidate). */
export async function createSecondInterview(
  prisma: PrismaClient,
  setup: Awaited<ReturnType<typeof createInterviewSetup>>,
) {
  const candidate = await createCandidate(prisma, { name: 'Grace Hopper' });
  const application = await prisma.application.create({
    data: { candidateId: candidate.id, roleId: setup.role.id, stage: 'SCHEDULING', planPosition: 0 },
  });
  return prisma.interview.create({
    data: { applicationId: application.id, stageId: setup.role.stages[0]!.id, candidateZone: 'Europe/London' },
  });
}
