import type { calendar_v3 } from 'googleapis';

// The calendar event for an interview, built from the database row at delivery time.

/**
 * The interview's event id: Google accepts 5–1024 characters of base32hex (0-9, a-v), and a
 * uuid's hex digits are a subset. The same interview always gets the same id, so a retried
 * insert is refused with 409 instead of creating a second event.
 */
export function interviewEventId(interviewId: string): string {
  return `jv${interviewId.replaceAll('-', '')}`;
}

export type InterviewEventInput = {
  interviewId: string;
  startsAt: Date;
  endsAt: Date;
  roleTitle: string;
  stageName: string;
  stageKind: string;
  durationMinutes: number;
  candidate: { name: string; email: string };
  interviewers: Array<{ name: string; email: string }>;
};

export function interviewEvent(input: InterviewEventInput): calendar_v3.Schema$Event {
  // Every remote kind gets a Meet link; an onsite interview has a room instead.
  const video = input.stageKind !== 'ONSITE';
  return {
    id: interviewEventId(input.interviewId),
    summary: `${input.stageName}: ${input.candidate.name} — ${input.roleTitle}`,
    description: [
      `${input.stageName} for ${input.roleTitle}, ${input.durationMinutes} ` +
        `minutes${video ? ' on Google Meet (link in this invitation)' : ''}.`,
      `Interviewers: ${input.interviewers.map((i) => i.name).join(', ')}.`,
      'Scheduled by Justin. To change the time, reply to the email thread with the candidate.',
    ].join('\n'),
    start: { dateTime: input.startsAt.toISOString() },
    end: { dateTime: input.endsAt.toISOString() },
    attendees: [
      ...input.interviewers.map((i) => ({ email: i.email, displayName: i.name })),
      { email: input.candidate.email, displayName: input.candidate.name },
    ],
    extendedProperties: { private: { justinInterviewId: input.interviewId } },
    ...(video
      ? {
          conferenceData: {
            createRequest: {
              requestId: `justin-${input.interviewId}`,
              conferenceSolutionKey: { type: 'hangoutsMeet' },
            },
          },
        }
      : {}),
  };
}
