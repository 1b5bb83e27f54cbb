import type { calendar_v3 } from 'googleapis';

// A proposed time held on the interviewers' calendars while the team and the candidate decide
// (role policy holdProposedSlots): a tentative event on the recruiting calendar with the
// interviewers as guests, so their free/busy shows the time taken and nobody else books it.

/** The hold's event id: base32hex from the proposal's uuid, as interviewEventId is (see there). */
export function holdEventId(proposalId: string): string {
  return `jh${proposalId.replaceAll('-', '')}`;
}

export type HoldEventInput = {
  proposalId: string;
  startsAt: Date;
  endsAt: Date;
  roleTitle: string;
  stageName: string;
  interviewers: Array<{ name: string; email: string }>;
};

export function holdEvent(input: HoldEventInput): calendar_v3.Schema$Event {
  return {
    id: holdEventId(input.proposalId),
    // No candidate name: a hold is seen by everyone who can see the interviewers' calendars.
    summary: `Held: ${input.stageName} (${input.roleTitle})`,
    description:
      'Justin holds this time while a candidate chooses between the times offered. It is released, or becomes the ' +
      'interview, when they do.',
    start: { dateTime: input.startsAt.toISOString() },
    end: { dateTime: input.endsAt.toISOString() },
    status: 'tentative',
    transparency: 'opaque',
    attendees: input.interviewers.map((i) => ({ email: i.email, displayName: i.name })),
    guestsCanSeeOtherGuests: false,
    extendedProperties: { private: { justinHold: input.proposalId } },
  };
}
