import { createCalendarApi } from '../../calendar/calendar-api.js';
import { fetchFreeBusy } from '../../calendar/free-busy.js';
import type { GoogleDeps } from '../../outbox/performers/index.js';
import type { PrismaClient } from '../../db/prisma.js';
import { createGmailApi } from '../../gmail/gmail-api.js';

/** Reads the mailbox's own free/busy for the next hour: proves auth, scopes and API access. */
export async function probeCalendar(google: GoogleDeps): Promise<string> {
  const now = new Date();
  const api = createCalendarApi(google.auth.as(google.mailbox), google.rootUrl);
  const answer = await fetchFreeBusy(api, {
    calendarIds: [google.mailbox],
    from: now,
    to: new Date(now.getTime() + 3_600_000),
  });
  const problems = answer.get(google.mailbox)?.problems ?? [];
  if (problems.length) throw new Error(`Calendar answered for ${google.mailbox} with: ${problems.join(', ')}`);
  return `Calendar readable as ${google.mailbox}`;
}

/** Reads the mailbox's Gmail profile, and says how intake stands (last sync, watch, last error). */
export async function probeGmail(google: GoogleDeps, prisma: PrismaClient): Promise<string> {
  const profile = (
    await createGmailApi(google.auth.as(google.mailbox), google.rootUrl).users.getProfile({ userId: 'me' })
  ).data;
  const state = await prisma.gmailSyncState.findUnique({ where: { mailbox: google.mailbox } });
  if (state?.lastError) throw new Error(`Gmail readable as ${profile.emailAddress}, but: ${state.lastError}`);
  const sync = state?.lastSyncAt ? `last sync ${state.lastSyncAt.toISOString()}` : 'not synced yet';
  const push = google.pubsubTopic
    ? state?.watchExpiresAt
      ? `push watch until ${state.watchExpiresAt.toISOString()}`
      : 'push watch not started yet'
    : 'polling (no push topic)';
  return `Gmail readable as ${profile.emailAddress}; ${sync}; ${push}`;
}
