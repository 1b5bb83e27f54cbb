import type { calendar_v3 } from 'googleapis';
import { createCalendarApi } from '../../calendar/calendar-api.js';
import { interviewEvent, interviewEventId } from '../../calendar/interview-event.js';
import type { PrismaClient } from '../../db/prisma.js';
import { AppError } from '../../errors.js';
import type { GoogleAuth } from '../../google/google-auth.js';
import { callGoogle, googleStatus } from '../../google/map-google-error.js';
import type { EffectPayloads } from '../effect-kinds.js';
import type { Performer } from './performer.js';
import type { Boss } from '../../jobs/boss.js';
import { refreshNotices } from '../../services/notices/send-notice.js';

type Sync = EffectPayloads['calendar.sync'];

/**
 * Makes an interview's event on the recruiting mailbox's calendar match the database.
 *
 * Booking inserts with the interview's deterministic event id. Google keeps that id even
 * after a delete, so a retried insert, or a booking after a cancellation, answers 409: the
 * existing event is then read, checked to be ours (a private property carries the interview
 * id), and patched to the current time, people and status. Invitations go out with
 * sendUpdates=all; the Meet link comes from conferenceData with a stable requestId, so a
 * retry never creates a second meeting.
 */
export function createCalendarSyncPerformer({
  prisma,
  auth,
  rootUrl,
  mailbox,
  boss,
  now = () => new Date(),
}: {
  prisma: PrismaClient;
  auth: GoogleAuth;
  rootUrl: string;
  mailbox: string;
  /** To refresh the interview's reminders when its Meet link arrives. */
  boss?: Boss | undefined;
  now?: () => Date;
}): Performer<Sync> {
  return {
    async perform({ payload }) {
      const row = await prisma.interview.findUnique({
        where: { id: payload.interviewId },
        include: {
          stage: true,
          application: { include: { candidate: true, role: { select: { title: true } } } },
          interviewers: { include: { user: { select: { name: true, email: true, calendarId: true } } } },
        },
      });
      if (!row) return { result: { skipped: 'interview gone' } };
      const api = createCalendarApi(auth.as(mailbox), rootUrl);
      const eventId = row.calendarEventId ?? interviewEventId(row.id);

      if (row.status === 'CANCELLED' || !row.startsAt || !row.endsAt) {
        if (!row.calendarEventId) return { result: { skipped: 'never booked' } };
        await cancelEvent(api, eventId);
        return { externalId: eventId, result: { cancelled: true } };
      }
      const body = interviewEvent({
        interviewId: row.id,
        startsAt: row.startsAt,
        endsAt: row.endsAt,
        roleTitle: row.application.role.title,
        stageName: row.stage.name,
        stageKind: row.stage.kind,
        durationMinutes: row.stage.durationMinutes,
        candidate: { name: row.application.candidate.name, email: row.application.candidate.displayEmail },
        interviewers: row.interviewers
          .map(({ user }) => ({ name: user.name, email: user.calendarId ?? user.email ?? '' }))
          .filter((i) => i.email),
      });
      const event = await insertOrAdopt(api, body, { property: 'justinInterviewId', owner: row.id });
      return { externalId: eventId, result: { meetUrl: event.hangoutLink ?? null, htmlLink: event.htmlLink ?? null } };
    },
    async onDone(tx, payload, outcome) {
      const meetUrl = outcome.result?.meetUrl;
      if (typeof meetUrl !== 'string') return;
      const before = await tx.interview.findUnique({ where: { id: payload.interviewId }, select: { meetUrl: true } });
      if (!before || before.meetUrl === meetUrl) return;
      await tx.interview.update({ where: { id: payload.interviewId }, data: { meetUrl } });
      // A reminder sent before Google gave the link pointed at the invitation: it gets the link.
      if (boss) await refreshNotices(tx, boss, { interviewId: payload.interviewId }, now());
    },
  };
}

/**
 * Inserts an event with its deterministic id, or, when Google already has that id (a retry, or a
 * booking after a cancellation), adopts and patches it once a private property shows it is ours.
 */
export async function insertOrAdopt(
  api: ReturnType<typeof createCalendarApi>,
  body: calendar_v3.Schema$Event,
  { property, owner }: { property: string; owner: string },
): Promise<calendar_v3.Schema$Event> {
  try {
    const inserted = await callGoogle('events.insert', () =>
      api.events.insert({ calendarId: 'primary', conferenceDataVersion: 1, sendUpdates: 'all', requestBody: body }),
    );
    return inserted.data;
  } catch (err) {
    if (googleStatus(err) !== 409) throw err;
  }
  const existing = (await callGoogle('events.get', () => api.events.get({ calendarId: 'primary', eventId: body.id! })))
    .data;
  if (existing.extendedProperties?.private?.[property] !== owner) {
    throw new AppError('EXTERNAL_PERMANENT', `calendar event ${body.id} exists but is not ${owner}'s`);
  }
  const { id: _id, conferenceData, ...changes } = body;
  const patched = await callGoogle('events.patch', () =>
    api.events.patch({
      calendarId: 'primary',
      eventId: body.id!,
      sendUpdates: 'all',
      conferenceDataVersion: 1,
      // Keep an existing Meet link; ask for one only if the event has none.
      requestBody: {
        ...changes,
        status: 'confirmed',
        ...(existing.conferenceData ? {} : conferenceData ? { conferenceData } : {}),
      },
    }),
  );
  return patched.data;
}

export async function cancelEvent(api: ReturnType<typeof createCalendarApi>, eventId: string): Promise<void> {
  try {
    await callGoogle('events.delete', () => api.events.delete({ calendarId: 'primary', eventId, sendUpdates: 'all' }));
  } catch (err) {
    const status = googleStatus(err);
    if (status !== 404 && status !== 410) throw err; // already gone is done
  }
}
