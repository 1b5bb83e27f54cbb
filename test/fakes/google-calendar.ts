import { randomBytes } from 'node:crypto';
import type { FakeReply } from './local-server.js';
import { clipAndMerge, overlaps, type Span } from './calendar-busy.js';

export type ResponseStatus = 'needsAction' | 'accepted' | 'declined' | 'tentative';
export type FakeAttendee = { email: string; responseStatus?: string; displayName?: string; self?: boolean };
export type FakeEvent = {
  id: string;
  start: { dateTime: string };
  end: { dateTime: string };
  attendees?: FakeAttendee[];
  status?: string;
  hangoutLink?: string;
  organizer?: { email: string; self?: boolean };
  transparency?: string;
  [k: string]: unknown;
};
/** One insert, patch or delete as the service asked for it (whether invitations went out). */
export type EventCall = {
  method: 'insert' | 'patch' | 'delete';
  calendarId: string;
  eventId: string;
  sendUpdates: string | undefined;
  conferenceDataVersion: number | undefined;
};

const same = (a: string | undefined, b: string) => a?.toLowerCase() === b.toLowerCase();
const NOT_FOUND: FakeReply = { status: 404, body: { error: { code: 404, message: 'Not Found' } } };

/**
 * Google Calendar for the fake: events that persist on their organizer's calendar and invite
 * attendees (who answer with respond()), and freeBusy computed from them plus explicit busy
 * blocks, the way Google computes it: an event takes an attendee's time unless they declined
 * it, it is cancelled or it is marked free (transparent).
 */
export class FakeCalendar {
  readonly busy = new Map<string, Span[]>();
  readonly events = new Map<string, FakeEvent>();
  readonly eventCalls: EventCall[] = [];
  private readonly unreadableIds = new Map<string, string>();

  constructor(
    /** Whose calendar 'primary' is: the mailbox the service acts as. */
    private readonly owner: string,
    private readonly nextId: (kind: string) => string,
  ) {}

  unreadable(calendarId: string, reason = 'notFound'): void {
    this.unreadableIds.set(calendarId.toLowerCase(), reason);
  }

  addBusy(calendarId: string, start: string | Date, end: string | Date): void {
    const span = { start: new Date(start).toISOString(), end: new Date(end).toISOString() };
    this.busy.set(calendarId, [...(this.busy.get(calendarId) ?? []), span]);
  }

  respond(eventId: string, email: string, answer: ResponseStatus): void {
    const attendee = this.events.get(eventId)?.attendees?.find((a) => same(a.email, email));
    if (!attendee) throw new Error(`fake calendar: ${email} is not invited to ${eventId}`);
    attendee.responseStatus = answer;
  }

  eventsWith(email: string): FakeEvent[] {
    return [...this.events.values()].filter(
      (e) => e.status !== 'cancelled' && e.attendees?.some((a) => same(a.email, email)),
    );
  }

  handle(method: string, path: string, query: URLSearchParams, body: Record<string, any>): FakeReply | undefined {
    if (method === 'POST' && path === '/calendar/v3/freeBusy') return { status: 200, body: this.freeBusy(body) };
    const match = /^\/calendar\/v3\/calendars\/([^/]+)\/events(?:\/([^/]+))?$/.exec(path);
    if (!match) return undefined;
    const calendarId = this.calendarOf(decodeURIComponent(match[1]!));
    const id = match[2] ? decodeURIComponent(match[2]) : undefined;
    if (!id) {
      if (method === 'POST') return this.insert(calendarId, query, body);
      if (method === 'GET') return { status: 200, body: this.list(calendarId, query) };
      return undefined;
    }
    if (method === 'PATCH') this.record('patch', calendarId, id, query);
    if (method === 'DELETE') this.record('delete', calendarId, id, query);
    const existing = this.events.get(id);
    if (!existing) return NOT_FOUND;
    if (method === 'GET') return { status: 200, body: existing };
    if (method === 'PATCH') return { status: 200, body: this.patch(existing, query, body) };
    if (method === 'DELETE') {
      existing.status = 'cancelled';
      return { status: 204 };
    }
    return undefined;
  }

  private freeBusy(body: { timeMin?: string; timeMax?: string; items?: Array<{ id: string }> }) {
    const answer = (id: string) => {
      const reason = this.unreadableIds.get(id.toLowerCase());
      if (reason) return { errors: [{ domain: 'global', reason }], busy: [] };
      const who = this.calendarOf(id);
      const blocks = [...this.busy.entries()]
        .filter(([key]) => key === id || same(key, who))
        .flatMap(([, spans]) => spans);
      const taken = [...this.events.values()]
        .filter((e) => this.takesTime(e, who))
        .map((e) => ({ start: e.start.dateTime, end: e.end.dateTime }));
      return { busy: clipAndMerge([...blocks, ...taken], body.timeMin, body.timeMax) };
    };
    const items = body.items ?? [];
    return {
      kind: 'calendar#freeBusy',
      timeMin: body.timeMin,
      timeMax: body.timeMax,
      calendars: Object.fromEntries(items.map(({ id }) => [id, answer(id)])),
    };
  }

  /** Whether the event is on `who`'s calendar (organizer or invited), declined or not. */
  private involves(event: FakeEvent, who: string): boolean {
    return same(event.organizer?.email ?? this.owner, who) || !!event.attendees?.some((a) => same(a.email, who));
  }

  private takesTime(event: FakeEvent, who: string): boolean {
    if (event.status === 'cancelled' || event.transparency === 'transparent' || !event.start?.dateTime) return false;
    const seat = event.attendees?.find((a) => same(a.email, who));
    return this.involves(event, who) && seat?.responseStatus !== 'declined';
  }

  private insert(calendarId: string, query: URLSearchParams, body: Record<string, any>): FakeReply {
    const id: string = body.id ?? this.nextId('e');
    this.record('insert', calendarId, id, query);
    if (this.events.has(id)) {
      return { status: 409, body: { error: { code: 409, message: 'The requested identifier already exists.' } } };
    }
    const { conferenceData, attendees, ...rest } = body;
    const now = new Date().toISOString();
    const event: FakeEvent = {
      ...rest,
      id,
      // Google keeps a tentative status given at insert; anything else starts confirmed.
      status: body.status === 'tentative' ? 'tentative' : 'confirmed',
      start: body.start,
      end: body.end,
      organizer: { email: calendarId, self: true },
      creator: { email: calendarId, self: true },
      htmlLink: `https://www.google.com/calendar/event?eid=${Buffer.from(id).toString('base64url')}`,
      iCalUID: `${id}@google.com`,
      sequence: 0,
      created: now,
      updated: now,
    };
    if (Array.isArray(attendees)) event.attendees = invited(attendees, new Map());
    this.conference(event, conferenceData, query);
    this.events.set(id, event);
    return { status: 200, body: event };
  }

  private patch(existing: FakeEvent, query: URLSearchParams, body: Record<string, any>): FakeEvent {
    const { conferenceData, attendees, ...rest } = body;
    Object.assign(existing, rest);
    if (Array.isArray(attendees)) {
      // People already invited keep their answers; new ones have not answered yet.
      const before = new Map((existing.attendees ?? []).map((a) => [a.email.toLowerCase(), a.responseStatus]));
      existing.attendees = invited(attendees, before);
    }
    this.conference(existing, conferenceData, query);
    existing.sequence = Number(existing.sequence ?? 0) + 1;
    existing.updated = new Date().toISOString();
    return existing;
  }

  /** Google reads conferenceData only with conferenceDataVersion=1; a createRequest makes a Meet. */
  private conference(event: FakeEvent, data: Record<string, any> | undefined, query: URLSearchParams): void {
    if (!data || Number(query.get('conferenceDataVersion') ?? 0) < 1) return;
    if (!data.createRequest || event.hangoutLink) {
      if (!data.createRequest) event.conferenceData = data;
      return;
    }
    const letters = [...randomBytes(10)].map((b) => String.fromCharCode(97 + (b % 26))).join('');
    const uri = `https://meet.google.com/${letters.slice(0, 3)}-${letters.slice(3, 7)}-${letters.slice(7)}`;
    event.hangoutLink = uri;
    event.conferenceData = {
      createRequest: { ...data.createRequest, status: { statusCode: 'success' } },
      entryPoints: [{ entryPointType: 'video', uri, label: uri.replace('https://', '') }],
      conferenceSolution: { key: { type: 'hangoutsMeet' }, name: 'Google Meet' },
      conferenceId: uri.split('/').at(-1),
    };
  }

  private list(calendarId: string, query: URLSearchParams) {
    const showDeleted = query.get('showDeleted') === 'true';
    const items = [...this.events.values()]
      .filter((e) => this.involves(e, calendarId) && (showDeleted || e.status !== 'cancelled'))
      .filter((e) =>
        overlaps({ start: e.start.dateTime, end: e.end.dateTime }, query.get('timeMin'), query.get('timeMax')),
      )
      .sort((a, b) => Date.parse(a.start.dateTime) - Date.parse(b.start.dateTime))
      // As Google marks them for the calendar's owner: which seat is theirs.
      .map((e) => ({
        ...e,
        organizer: {
          email: e.organizer?.email ?? this.owner,
          self: same(e.organizer?.email ?? this.owner, calendarId),
        },
        ...(e.attendees
          ? { attendees: e.attendees.map((a) => ({ ...a, ...(same(a.email, calendarId) ? { self: true } : {}) })) }
          : {}),
      }));
    return { kind: 'calendar#events', summary: calendarId, timeZone: 'UTC', items };
  }

  private calendarOf(id: string): string {
    return id === 'primary' ? this.owner : id;
  }

  private record(method: EventCall['method'], calendarId: string, eventId: string, query: URLSearchParams): void {
    const version = query.get('conferenceDataVersion');
    this.eventCalls.push({
      method,
      calendarId,
      eventId,
      sendUpdates: query.get('sendUpdates') ?? undefined,
      conferenceDataVersion: version === null ? undefined : Number(version),
    });
  }
}

/** Attendees as Google stores them: an answer each, the one they gave before or none yet. */
function invited(attendees: FakeAttendee[], before: Map<string, string | undefined>): FakeAttendee[] {
  return attendees.map((a) => ({
    ...a,
    responseStatus: a.responseStatus ?? before.get(a.email.toLowerCase()) ?? 'needsAction',
  }));
}
