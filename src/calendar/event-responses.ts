import type { calendar_v3 } from 'googleapis';

export type InviteResponse = 'NEEDS_ACTION' | 'ACCEPTED' | 'TENTATIVE' | 'DECLINED';

const RESPONSES: Record<string, InviteResponse> = {
  needsAction: 'NEEDS_ACTION',
  accepted: 'ACCEPTED',
  tentative: 'TENTATIVE',
  declined: 'DECLINED',
};

/** Each attendee's answer to an invitation, by lower-cased email. */
export function attendeeResponses(event: calendar_v3.Schema$Event): Map<string, InviteResponse> {
  return new Map(
    (event.attendees ?? []).flatMap((a) =>
      a.email ? [[a.email.toLowerCase(), RESPONSES[a.responseStatus ?? ''] ?? 'NEEDS_ACTION'] as const] : [],
    ),
  );
}
