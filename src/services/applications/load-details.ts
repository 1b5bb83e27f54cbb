import type { DbOrTx } from '../../db/prisma.js';
import { describeState, type Stage } from '../../domain/pipeline/stages.js';

export type CandidateDetails = {
  name: string;
  email: string;
  phone: string | null;
  roleTitle: string;
  stage: string;
  fitSummary: string | null;
  skills: string[];
  headline: string | null;
  documents: Array<{ filename: string; status: string; reason: string | null }>;
  /** The text read from the latest readable CV (the answer shows the start of it). */
  cv: { filename: string; text: string } | null;
  interviews: Array<{ stage: string; status: string; startsAt: Date | null }>;
  recent: Array<{ at: Date; type: string; actor: string | null }>;
};

/**
 * What "View details" shows the person who asked (privately): the candidate's contact, profile,
 * documents and the CV's text, interviews and latest events.
 */
export async function loadCandidateDetails(db: DbOrTx, applicationId: string): Promise<CandidateDetails | null> {
  const app = await db.application.findUnique({
    where: { id: applicationId },
    select: {
      stage: true,
      planPosition: true,
      fitSummary: true,
      candidate: { select: { name: true, displayEmail: true, phone: true, profile: true, erasedAt: true } },
      role: { select: { title: true, _count: { select: { stages: true } } } },
      documents: {
        orderBy: { createdAt: 'desc' },
        take: 5,
        select: { filename: true, textStatus: true, error: true, kind: true, extractedText: true },
      },
      interviews: {
        orderBy: { createdAt: 'asc' },
        select: { status: true, startsAt: true, stage: { select: { name: true } } },
      },
      events: { orderBy: { id: 'desc' }, take: 5, select: { at: true, type: true, actorType: true, actorId: true } },
    },
  });
  if (!app || app.candidate.erasedAt) return null;
  const profile = (app.candidate.profile ?? {}) as { skills?: string[]; headline?: string };
  const cv = app.documents.find((d) => d.kind === 'CV' && d.textStatus === 'EXTRACTED' && d.extractedText?.trim());
  return {
    name: app.candidate.name,
    email: app.candidate.displayEmail,
    phone: app.candidate.phone,
    roleTitle: app.role.title,
    stage: describeState({ stage: app.stage as Stage, planPosition: app.planPosition }, app.role._count.stages),
    fitSummary: app.fitSummary,
    skills: profile.skills ?? [],
    headline: profile.headline ?? null,
    documents: app.documents.map((d) => ({ filename: d.filename, status: d.textStatus, reason: d.error })),
    cv: cv ? { filename: cv.filename, text: cv.extractedText! } : null,
    interviews: app.interviews.map((i) => ({ stage: i.stage.name, status: i.status, startsAt: i.startsAt })),
    recent: app.events.map((e) => ({
      at: e.at,
      type: e.type,
      actor: e.actorType === 'USER' ? e.actorId : e.actorType.toLowerCase(),
    })),
  };
}
