import { createCalendarApi, type CalendarApi } from '../../calendar/calendar-api.js';
import { holdEvent, holdEventId } from '../../calendar/hold-event.js';
import type { PrismaClient } from '../../db/prisma.js';
import { AppError } from '../../errors.js';
import type { GoogleAuth } from '../../google/google-auth.js';
import { callGoogle, googleStatus } from '../../google/map-google-error.js';
import { LIVE_PROPOSAL } from '../../services/scheduling/hold-slots.js';
import type { EffectPayloads } from '../effect-kinds.js';
import type { Performer } from './performer.js';

type Hold = EffectPayloads['calendar.hold'];

/**
 * Makes a proposal's hold on the calendar match the database: present (tentative, the
 * interviewers as guests, no invitation mail) while the proposal is still wanted, gone once it
 * is withdrawn or chosen. Rendered at delivery, so a place and a release may land in any order
 * and the calendar still ends right. The id is the proposal's, so a retried insert answers 409
 * and the existing event is adopted.
 */
export function createCalendarHoldPerformer({
  prisma,
  auth,
  rootUrl,
  mailbox,
}: {
  prisma: PrismaClient;
  auth: GoogleAuth;
  rootUrl: string;
  mailbox: string;
}): Performer<Hold> {
  return {
    async perform({ payload }) {
      const proposal = await prisma.slotProposal.findUnique({
        where: { id: payload.proposalId },
        select: {
          id: true,
          status: true,
          startsAt: true,
          endsAt: true,
          interviewerIds: true,
          interview: {
            select: {
              status: true,
              stage: { select: { name: true } },
              application: { select: { role: { select: { title: true } } } },
            },
          },
        },
      });
      const api = createCalendarApi(auth.as(mailbox), rootUrl);
      const eventId = holdEventId(payload.proposalId);
      const wanted =
        proposal &&
        (LIVE_PROPOSAL as readonly string[]).includes(proposal.status) &&
        !['CANCELLED', 'COMPLETED'].includes(proposal.interview.status);
      if (!wanted) {
        await removeHold(api, eventId);
        return { externalId: eventId, result: { held: false } };
      }
      const people = await prisma.user.findMany({
        where: { id: { in: proposal.interviewerIds } },
        select: { name: true, email: true, calendarId: true },
      });
      const body = holdEvent({
        proposalId: proposal.id,
        startsAt: proposal.startsAt,
        endsAt: proposal.endsAt,
        roleTitle: proposal.interview.application.role.title,
        stageName: proposal.interview.stage.name,
        interviewers: people.flatMap((p) =>
          (p.calendarId ?? p.email) ? [{ name: p.name, email: (p.calendarId ?? p.email)! }] : [],
        ),
      });
      try {
        await callGoogle('events.insert', () =>
          api.events.insert({ calendarId: 'primary', sendUpdates: 'none', requestBody: body }),
        );
      } catch (err) {
        if (googleStatus(err) !== 409) throw err;
        const existing = (await callGoogle('events.get', () => api.events.get({ calendarId: 'primary', eventId })))
          .data;
        if (existing.extendedProperties?.private?.justinHold !== proposal.id)
          throw new AppError(
            'EXTERNAL_PERMANENT',
            `calendar event ${eventId} exists but is not proposal ${proposal.id}'s hold`,
          );
        const { id: _id, ...changes } = body;
        await callGoogle('events.patch', () =>
          api.events.patch({ calendarId: 'primary', eventId, sendUpdates: 'none', requestBody: changes }),
        );
      }
      return { externalId: eventId, result: { held: true } };
    },
  };
}

async function removeHold(api: CalendarApi, eventId: string): Promise<void> {
  try {
    await callGoogle('events.delete', () => api.events.delete({ calendarId: 'primary', eventId, sendUpdates: 'none' }));
  } catch (err) {
    const status = googleStatus(err);
    if (status !== 404 && status !== 410) throw err; // never placed, or already gone
  }
}
