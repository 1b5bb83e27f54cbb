import { createCalendarApi } from '../../calendar/calendar-api.js';
import type { PrismaClient } from '../../db/prisma.js';
import type { GoogleAuth } from '../../google/google-auth.js';
import { DEBRIEF_MINUTES } from '../../services/debriefs/book-debrief-meeting.js';
import type { EffectPayloads } from '../effect-kinds.js';
import type { Performer } from './performer.js';
import { cancelEvent, insertOrAdopt } from './calendar-sync.js';

/**
 * The panel's debrief meeting on the recruiting mailbox's calendar, invitations to the panel and
 * the hiring manager, a Meet link. Deterministic id, adopted on a retry (see insertOrAdopt). The
 * event says who and what, never what anyone wrote, and never the candidate's address.
 */
export function createCalendarDebriefPerformer({
  prisma,
  auth,
  rootUrl,
  mailbox,
}: {
  prisma: PrismaClient;
  auth: GoogleAuth;
  rootUrl: string;
  mailbox: string;
}): Performer<EffectPayloads['calendar.debrief']> {
  return {
    async perform({ payload }) {
      const row = await prisma.debrief.findUnique({
        where: { interviewId: payload.interviewId },
        select: {
          id: true,
          meetingEventId: true,
          meetingStartsAt: true,
          interview: {
            select: {
              stage: { select: { name: true } },
              interviewers: { select: { user: { select: { name: true, email: true, calendarId: true } } } },
              application: {
                select: {
                  candidate: { select: { name: true } },
                  role: { select: { title: true, hiringManager: { select: { name: true, email: true } } } },
                },
              },
            },
          },
        },
      });
      if (!row?.meetingEventId) return { result: { skipped: 'no meeting' } };
      // Called off (the candidate was erased): the event is cancelled, and Google tells everyone invited.
      if (!row.meetingStartsAt) {
        await cancelEvent(createCalendarApi(auth.as(mailbox), rootUrl), row.meetingEventId);
        return { externalId: row.meetingEventId, result: { cancelled: true } };
      }
      const { interview } = row;
      const people = [
        ...interview.interviewers.map((i) => ({ name: i.user.name, email: i.user.calendarId ?? i.user.email })),
        ...(interview.application.role.hiringManager ? [interview.application.role.hiringManager] : []),
      ]
        .filter((p): p is { name: string; email: string } => !!p.email)
        .filter((p, i, all) => all.findIndex((x) => x.email === p.email) === i);
      const { candidate, role } = interview.application;
      const what = `${candidate.name} — ${interview.stage.name}, ${role.title}`;
      const event = await insertOrAdopt(
        createCalendarApi(auth.as(mailbox), rootUrl),
        {
          id: row.meetingEventId,
          summary: `Debrief: ${what}`,
          description:
            'The panel’s debrief, booked by Justin. The scorecards and the summary are in Slack, in the ' +
            'candidate’s thread.',
          start: { dateTime: row.meetingStartsAt.toISOString() },
          end: { dateTime: new Date(row.meetingStartsAt.getTime() + DEBRIEF_MINUTES * 60_000).toISOString() },
          attendees: people.map((p) => ({ email: p.email, displayName: p.name })),
          extendedProperties: { private: { justinDebriefId: row.id } },
          conferenceData: {
            createRequest: { requestId: `justin-debrief-${row.id}`, conferenceSolutionKey: { type: 'hangoutsMeet' } },
          },
        },
        { property: 'justinDebriefId', owner: row.id },
      );
      return { externalId: row.meetingEventId, result: { htmlLink: event.htmlLink ?? null } };
    },
  };
}
