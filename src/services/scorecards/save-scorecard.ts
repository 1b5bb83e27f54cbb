import type { PrismaClient, Tx } from '../../db/prisma.js';
import { readScorecardForm } from '../../domain/scorecards/scorecard-form.js';
import { enqueue, type Boss } from '../../jobs/boss.js';
import { recordEffect } from '../../outbox/record-effect.js';
import { refreshNotices } from '../notices/send-notice.js';
import { lockApplicationOfInterview } from '../pipeline/move-application.js';
import { firstSubmission, seenSubmission } from '../slack/first-submission.js';
import { loadScorecard } from './load-scorecard.js';
import { escapeMrkdwn } from '../../slack/blocks/text.js';

export type SaveOutcome =
  | { ok: true; submitted: boolean; version: number }
  | { ok: false; errors: Record<string, string> }
  | { ok: false; refused: string };

type FormValues = Parameters<typeof readScorecardForm>[0];

/**
 * Saves a scorecard from its modal, as a draft or as a submission, in one transaction. Only its
 * interviewer may. A submission is kept as a new version (an edit after submitting adds one and
 * is audited), ends the chasing, tells the card's thread that one more is in (never what it
 * says), refreshes the card and the messages about it, and holds the debrief once the step's
 * scorecards are all in. The same modal submitted twice (a double click, Slack's retry) counts once.
 */
export async function saveScorecard(
  { prisma, boss }: { prisma: PrismaClient; boss: Boss },
  {
    scorecardId,
    slackUserId,
    values,
    draft,
    viewId,
    now,
  }: { scorecardId: string; slackUserId: string; values: FormValues; draft: boolean; viewId?: string; now: Date },
): Promise<SaveOutcome> {
  const found = await loadScorecard(prisma, scorecardId);
  if (!found) return { ok: false, refused: 'That scorecard no longer exists.' };
  return prisma.$transaction(async (tx): Promise<SaveOutcome> => {
    // The application first, as completing and closing take it, then the scorecard.
    await lockApplicationOfInterview(tx, found.interview.id);
    await tx.$queryRaw`SELECT id FROM "Scorecard" WHERE id = ${scorecardId}::uuid FOR UPDATE`;
    const card = await loadScorecard(tx, scorecardId);
    if (!card) return { ok: false, refused: 'That scorecard no longer exists.' };
    if (card.erased) return { ok: false, refused: 'This candidate’s data was erased: no scorecard is needed.' };
    if (card.interviewer.slackUserId !== slackUserId)
      return { ok: false, refused: 'This scorecard is someone else’s: only its interviewer can write it.' };
    if (viewId && (await seenSubmission(tx, viewId)))
      return { ok: true, submitted: card.status === 'SUBMITTED', version: card.version };
    if (draft && card.status === 'SUBMITTED')
      return { ok: false, refused: 'This scorecard is submitted: edit it and submit again to change it.' };
    const read = readScorecardForm(values, card.step.competencies, { draft });
    if (!read.ok) return read;
    if (viewId && !(await firstSubmission(tx, viewId)))
      return { ok: true, submitted: card.status === 'SUBMITTED', version: card.version };
    const { ratings, recommendation, notes } = read.input;

    if (draft) {
      await tx.scorecard.update({
        where: { id: scorecardId },
        data: { ratings, recommendation, notes, status: 'DRAFT', draftSavedAt: now },
      });
      await refreshNotices(tx, boss, { scorecardId }, now);
      return { ok: true, submitted: false, version: card.version };
    }

    const version = card.version + 1;
    await tx.scorecard.update({
      where: { id: scorecardId },
      data: {
        ratings,
        recommendation,
        notes,
        status: 'SUBMITTED',
        version,
        submittedAt: now,
        nextNudgeAt: null,
      },
    });
    await tx.scorecardVersion.create({
      data: { scorecardId, version, recommendation: recommendation!, ratings, notes, submittedAt: now },
    });
    // The event log says that it was written and by whom, never what it says.
    await tx.applicationEvent.create({
      data: {
        applicationId: card.application.id,
        actorType: 'USER',
        actorId: slackUserId,
        type: version === 1 ? 'scorecard.submitted' : 'scorecard.edited',
        data: { interviewId: card.interview.id, step: card.step.name, version },
      },
    });
    if (version > 1)
      await tx.auditEntry.create({
        data: {
          actorType: 'USER',
          actorId: slackUserId,
          action: 'scorecard.edit',
          subjectType: 'Scorecard',
          subjectId: scorecardId,
          data: { version },
        },
      });
    await refreshNotices(tx, boss, { scorecardId }, now);
    await afterSubmission(tx, boss, { card, version, now });
    return { ok: true, submitted: true, version };
  });
}

async function afterSubmission(
  tx: Tx,
  boss: Boss,
  { card, version, now }: { card: NonNullable<Awaited<ReturnType<typeof loadScorecard>>>; version: number; now: Date },
): Promise<void> {
  const applicationId = card.application.id;
  const all = await tx.scorecard.findMany({ where: { interviewId: card.interview.id }, select: { status: true } });
  const done = all.filter((c) => c.status === 'SUBMITTED').length;
  await recordEffect(
    { tx, boss },
    {
      kind: 'slack.card',
      idempotencyKey: `card:${applicationId}:scorecard:${card.id}:${version}`,
      applicationId,
      payload: { applicationId },
    },
  );
  const app = await tx.application.findUniqueOrThrow({
    where: { id: applicationId },
    select: { slackChannelId: true, slackMessageTs: true },
  });
  if (app.slackChannelId && app.slackMessageTs) {
    const who = `<@${card.interviewer.slackUserId}>`;
    const text =
      version === 1
        ? `${who} submitted a scorecard for ${escapeMrkdwn(card.step.name)} (${done} of ${all.length} in).`
        : `${who} edited their scorecard for ${escapeMrkdwn(card.step.name)} (version ${version}).`;
    await recordEffect(
      { tx, boss },
      {
        kind: 'slack.post',
        idempotencyKey: `scorecard:${card.id}:v${version}:thread`,
        applicationId,
        payload: { channel: app.slackChannelId, thread_ts: app.slackMessageTs, text },
      },
    );
  }
  const debrief = await tx.debrief.findUnique({
    where: { interviewId: card.interview.id },
    select: { postedAt: true },
  });
  if (debrief?.postedAt) {
    // A late or edited scorecard after the debrief went out: the debrief shows it too, and a late
    // one's notes join the synthesis (made again by the debrief job).
    await refreshNotices(tx, boss, { interviewId: card.interview.id }, now);
    if (version === 1)
      await enqueue(boss, tx, 'debrief.hold', { interviewId: card.interview.id }, { singletonKey: card.interview.id });
  } else if (done === all.length) {
    await enqueue(boss, tx, 'debrief.hold', { interviewId: card.interview.id }, { singletonKey: card.interview.id });
  }
}
