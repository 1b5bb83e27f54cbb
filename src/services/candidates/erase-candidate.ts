import type { PrismaClient, Tx } from '../../db/prisma.js';
import { Prisma } from '../../generated/prisma/client.js';
import { AppError } from '../../errors.js';
import type { Boss } from '../../jobs/boss.js';
import { recordEffect } from '../../outbox/record-effect.js';
import { stopInterviewInTx } from '../interviews/stop-interview.js';
import { refreshNotices } from '../notices/send-notice.js';
import { refreshDigests } from '../digest/refresh-digests.js';
import type { Stage } from '../../domain/pipeline/stages.js';

export type ErasureReport = {
  status: 'erased' | 'already-erased';
  applications: number;
  documents: number;
  emailMessages: number;
  rawEmails: number;
  agentSteps: number;
  interviewsCancelled: number;
  effectsCancelled: number;
};

const CLOSED = ['HIRED', 'REJECTED', 'WITHDRAWN'] as const;

/**
 * Erases a candidate, in one transaction: what they sent and what was written about them goes,
 * and what the team needs to keep its figures (that an application existed, its stage history,
 * its dates) stays with no one's details in it.
 * - gone: CV and other documents, email threads and messages, the raw mail they came in,
 *   the agent's conversation steps, AI answers mentioning them, interviewers' scorecard notes,
 *   and any word of theirs no other candidate has in the search word list;
 * - scrubbed: the candidate row (name "Erased candidate", an address that cannot receive mail,
 *   no profile, phone, place or zone), every event's and outbox effect's data;
 * - stopped: agent runs, pending emails and posts, future interviews (their calendar events
 *   are cancelled, which removes the candidate from them), and open applications (withdrawn).
 * Cards and interviewers' reminders in Slack are re-rendered without the name. What Justin
 * cannot reach is listed in the README (the Gmail mailbox itself, Slack messages people wrote).
 */
export async function eraseCandidate(
  { prisma, boss, now }: { prisma: PrismaClient; boss: Boss; now?: (() => Date) | undefined },
  { candidateId, actorId }: { candidateId: string; actorId: string },
): Promise<ErasureReport> {
  // The service's clock: when their open applications were withdrawn (the digest's history).
  const at = now?.() ?? new Date();
  return prisma.$transaction(
    async (tx) => {
      // The event log is append-only; erasure is its one exception (see the init migration).
      await tx.$executeRaw`SET LOCAL justin.erasure = 'on'`;
      const locked = await tx.$queryRaw<{ email: string; erasedAt: Date | null; searchWords: string[] }[]>`
        SELECT email, "erasedAt", "searchWords" FROM "Candidate" WHERE id = ${candidateId}::uuid FOR UPDATE`;
      const candidate = locked[0];
      if (!candidate)
        throw new AppError('NOT_FOUND', `candidate ${candidateId} not found`, { userMessage: 'No such candidate.' });
      const empty = {
        applications: 0,
        documents: 0,
        emailMessages: 0,
        rawEmails: 0,
        agentSteps: 0,
        interviewsCancelled: 0,
        effectsCancelled: 0,
      };
      if (candidate.erasedAt) return { status: 'already-erased', ...empty };

      // Locked: a click on a card meanwhile waits, then finds the application withdrawn.
      const apps = await tx.$queryRaw<{ id: string; roleId: string; stage: Stage; slackMessageTs: string | null }[]>`
        SELECT id, "roleId", stage::text AS stage, "slackMessageTs" FROM "Application"
        WHERE "candidateId" = ${candidateId}::uuid FOR UPDATE`;
      const appIds = apps.map((a) => a.id);
      const report: ErasureReport = { status: 'erased', ...empty, applications: apps.length };

      const threads = await tx.emailThread.findMany({
        where: { OR: [{ candidateId }, { applicationId: { in: appIds } }] },
        select: { id: true, messages: { select: { gmailMessageId: true } } },
      });
      const gmailIds = threads
        .flatMap((t) => t.messages.map((m) => m.gmailMessageId))
        .filter((id): id is string => !!id);
      report.rawEmails = (await tx.inboundEmail.deleteMany({ where: { gmailMessageId: { in: gmailIds } } })).count;
      report.emailMessages = (
        await tx.emailMessage.deleteMany({ where: { threadId: { in: threads.map((t) => t.id) } } })
      ).count;
      await tx.emailThread.deleteMany({ where: { id: { in: threads.map((t) => t.id) } } });
      report.documents = (await tx.document.deleteMany({ where: { candidateId } })).count;

      await tx.agentRun.updateMany({
        where: { applicationId: { in: appIds }, status: { in: ['RUNNING', 'WAITING'] } },
        data: { status: 'STOPPED', finishedAt: new Date(), error: 'candidate erased' },
      });
      report.agentSteps = (await tx.agentStep.deleteMany({ where: { run: { applicationId: { in: appIds } } } })).count;
      // What interviewers wrote about them: notes, ratings, every version, the debrief's synthesis.
      const ofThem = { interview: { applicationId: { in: appIds } } };
      await tx.scorecard.updateMany({ where: ofThem, data: { notes: '', ratings: {}, nextNudgeAt: null } });
      await tx.scorecardVersion.updateMany({ where: { scorecard: ofThem }, data: { notes: '', ratings: {} } });
      await tx.debrief.updateMany({ where: ofThem, data: { synthesis: null } });
      // Offers: one in progress ends; the terms, the reason they declined and approvers' comments go.
      const offers = await tx.offer.findMany({
        where: { applicationId: { in: appIds } },
        select: { id: true, status: true },
      });
      for (const offer of offers) {
        const active = ['DRAFT', 'PENDING_APPROVAL', 'CHANGES_REQUESTED', 'APPROVED', 'SENT'].includes(offer.status);
        await tx.offer.update({
          where: { id: offer.id },
          data: { terms: {}, declineReason: null, nextChaseAt: null, ...(active ? { status: 'WITHDRAWN' } : {}) },
        });
        await tx.offerApproval.updateMany({ where: { offerId: offer.id }, data: { comment: null } });
        await refreshNotices(tx, boss, { offerId: offer.id }, new Date());
      }
      // A debrief meeting on the calendar names them: it is cancelled (everyone invited is told).
      const meetings = await tx.debrief.findMany({
        where: { ...ofThem, meetingEventId: { not: null } },
        select: { id: true, interviewId: true },
      });
      for (const m of meetings) {
        await tx.debrief.update({ where: { id: m.id }, data: { meetingStartsAt: null } });
        await recordEffect(
          { tx, boss },
          {
            kind: 'calendar.debrief',
            idempotencyKey: `debrief-meeting:${m.id}:erased`,
            payload: { interviewId: m.interviewId },
          },
        );
      }
      await tx.applicationEvent.updateMany({ where: { applicationId: { in: appIds } }, data: { data: {} } });
      report.effectsCancelled = (
        await tx.outboxEffect.updateMany({
          where: {
            applicationId: { in: appIds },
            status: 'PENDING',
            kind: { notIn: ['calendar.sync', 'calendar.hold'] },
          },
          data: { status: 'CANCELLED' },
        })
      ).count;
      // After that, so what stopping them records (cancelled events, released holds, closed proposal
      // messages, which no longer name the candidate) goes out.
      report.interviewsCancelled = await cancelInterviews(tx, boss, appIds, at);
      // Effects already carried out (or cancelled) keep their status and lose their content.
      await tx.outboxEffect.updateMany({
        where: { applicationId: { in: appIds }, status: { not: 'PENDING' } },
        data: { payload: { erased: true }, result: Prisma.DbNull },
      });
      await tx.$executeRaw`DELETE FROM "AiCacheEntry" WHERE strpos(lower(response::text), ${candidate.email}) > 0`;

      for (const app of apps) {
        const closed = (CLOSED as readonly string[]).includes(app.stage);
        await tx.application.update({
          where: { id: app.id },
          data: closed
            ? { fitSummary: null }
            : { stage: 'WITHDRAWN', version: { increment: 1 }, stageChangedAt: at, fitSummary: null },
        });
        await tx.applicationEvent.create({
          data: {
            applicationId: app.id,
            at,
            actorType: 'USER',
            actorId,
            type: 'candidate.erased',
            fromStage: app.stage,
            toStage: closed ? app.stage : 'WITHDRAWN',
          },
        });
        if (app.slackMessageTs)
          await recordEffect(
            { tx, boss },
            {
              kind: 'slack.card',
              idempotencyKey: `card:${app.id}:erased`,
              applicationId: app.id,
              payload: { applicationId: app.id },
            },
          );
      }
      const address = `erased+${candidateId}@invalid.invalid`;
      await tx.candidate.update({
        where: { id: candidateId },
        data: {
          name: 'Erased candidate',
          email: address,
          displayEmail: address,
          phone: null,
          location: null,
          timeZone: null,
          profile: Prisma.DbNull,
          searchText: '',
          erasedAt: at,
        },
      });
      // Reminders (of interviews held, too), scorecard requests and debriefs in Slack are rendered
      // again, without them.
      const notices = await tx.slackNotice.findMany({
        where: { OR: [{ interview: { applicationId: { in: appIds } } }, { scorecard: ofThem }] },
        select: { interviewId: true, scorecardId: true },
      });
      for (const interviewId of new Set(notices.flatMap((n) => n.interviewId ?? [])))
        await refreshNotices(tx, boss, { interviewId }, at);
      for (const scorecardId of new Set(notices.flatMap((n) => n.scorecardId ?? [])))
        await refreshNotices(tx, boss, { scorecardId }, at);
      // Weekly digests in their roles' channels may name them: each is rendered again, in place.
      await refreshDigests(tx, boss, { roleIds: [...new Set(apps.map((a) => a.roleId))], candidateId });
      // Words only this candidate had (a rare surname) leave the search word list too.
      await tx.$executeRaw`
        DELETE FROM "SearchWord" w WHERE w.word = ANY(${candidate.searchWords}::text[])
          AND NOT EXISTS (SELECT 1 FROM "Candidate" c WHERE c."searchWords" @> ARRAY[w.word])`;
      await tx.auditEntry.create({
        data: {
          actorType: 'USER',
          actorId,
          action: 'candidate.erase',
          subjectType: 'Candidate',
          subjectId: candidateId,
          data: { ...report },
        },
      });
      return report;
    },
    { timeout: 60_000 },
  );
}

/** Interviews not yet held are cancelled as any other is (see stop-interview.ts). */
async function cancelInterviews(tx: Tx, boss: Boss, appIds: string[], now: Date): Promise<number> {
  const interviews = await tx.$queryRaw<Array<{ id: string; applicationId: string; calendarEventId: string | null }>>`
    SELECT id, "applicationId", "calendarEventId" FROM "Interview"
    WHERE "applicationId" = ANY(${appIds}::uuid[]) AND status NOT IN ('CANCELLED', 'COMPLETED')
    ORDER BY id FOR UPDATE`;
  for (const interview of interviews) {
    await stopInterviewInTx(tx, boss, {
      interview,
      to: 'CANCELLED',
      reason: "the candidate's data was erased",
      now,
    });
  }
  return interviews.length;
}
