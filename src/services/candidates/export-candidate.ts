import type { DbOrTx } from '../../db/prisma.js';
import { AppError } from '../../errors.js';

/**
 * Everything Justin holds that the candidate gave or that describes their applications, as
 * one JSON document (a subject access request): their details and profile, each application
 * with its stage history, their documents' text, the emails exchanged, and their interviews.
 * The team's own assessments (scorecard notes, offer approvals) and the agent's internal
 * steps are left out; they are the company's records, to be handled case by case.
 */
export async function exportCandidate(db: DbOrTx, { candidateId }: { candidateId: string }) {
  const c = await db.candidate.findUnique({
    where: { id: candidateId },
    include: {
      documents: {
        orderBy: { createdAt: 'asc' },
        select: { filename: true, kind: true, mimeType: true, sizeBytes: true, createdAt: true, extractedText: true },
      },
      applications: {
        orderBy: { createdAt: 'asc' },
        include: {
          role: { select: { title: true } },
          events: { orderBy: { id: 'asc' }, select: { at: true, type: true, fromStage: true, toStage: true } },
          interviews: {
            orderBy: { createdAt: 'asc' },
            select: { status: true, startsAt: true, endsAt: true, stage: { select: { name: true } } },
          },
        },
      },
      threads: {
        include: {
          messages: {
            orderBy: { sentAt: 'asc' },
            select: {
              direction: true,
              sentAt: true,
              fromAddress: true,
              toAddresses: true,
              subject: true,
              textBody: true,
            },
          },
        },
      },
    },
  });
  if (!c) throw new AppError('NOT_FOUND', `candidate ${candidateId} not found`, { userMessage: 'No such candidate.' });
  return {
    exportedAt: new Date().toISOString(),
    candidate: {
      name: c.name,
      email: c.displayEmail,
      phone: c.phone,
      location: c.location,
      timeZone: c.timeZone,
      profile: c.profile,
      firstSeen: c.createdAt,
      erasedAt: c.erasedAt,
    },
    applications: c.applications.map((a) => ({
      role: a.role.title,
      stage: a.stage,
      source: a.source,
      appliedAt: a.createdAt,
      fitSummary: a.fitSummary,
      history: a.events,
      interviews: a.interviews.map((i) => ({
        step: i.stage.name,
        status: i.status,
        startsAt: i.startsAt,
        endsAt: i.endsAt,
      })),
    })),
    documents: c.documents,
    emails: c.threads.flatMap((t) => t.messages),
  };
}
