import { competenciesOf } from '../../domain/roles/competencies.js';
import { interviewReminderMessage } from '../../slack/blocks/interview-reminder.js';
import type { NoticeRenderer } from './notice-renderers.js';

/** The notice kind of an interviewer's reminder before an interview. */
export const REMINDER_KIND = 'interview.reminder';

/** One reminder per interview, interviewer and lead: the same key is the same direct message. */
export const reminderKey = (interviewId: string, userId: string, leadMinutes: number) =>
  `reminder:${interviewId}:${userId}:${leadMinutes}`;

/**
 * An interviewer's reminder as the interview stands now: its time in the reader's zone, the
 * candidate, role and step, what the step should find out, the rest of the panel and the Meet
 * link. Moved: the new time; cancelled: says so; swapped out: says they are no longer on it.
 * Something that stopped being true before the reminder was ever posted is not posted at all.
 */
export const renderInterviewReminder: NoticeRenderer = async (db, notice) => {
  if (!notice.interviewId || !notice.userId) return null;
  const [interview, reader] = await Promise.all([
    db.interview.findUnique({
      where: { id: notice.interviewId },
      select: {
        status: true,
        startsAt: true,
        endsAt: true,
        meetUrl: true,
        applicationId: true,
        stage: { select: { name: true, competencies: true } },
        application: { select: { candidate: { select: { name: true } }, role: { select: { title: true } } } },
        interviewers: { select: { userId: true, user: { select: { slackUserId: true } } } },
      },
    }),
    db.user.findUnique({ where: { id: notice.userId }, select: { timeZone: true } }),
  ]);
  if (!interview?.startsAt || !interview.endsAt || !reader) return null;
  const seated = interview.interviewers.some((i) => i.userId === notice.userId);
  const state = interview.status === 'CANCELLED' ? 'cancelled' : seated ? 'booked' : 'not-on-it';
  if (state !== 'booked' && !notice.ts) return null;
  return interviewReminderMessage({
    state,
    applicationId: interview.applicationId,
    candidateName: interview.application.candidate.name,
    roleTitle: interview.application.role.title,
    stepName: interview.stage.name,
    startsAt: interview.startsAt,
    endsAt: interview.endsAt,
    zone: reader.timeZone,
    meetUrl: interview.meetUrl,
    competencies: competenciesOf(interview.stage.competencies),
    others: interview.interviewers.filter((i) => i.userId !== notice.userId).map((i) => i.user.slackUserId),
  });
};
