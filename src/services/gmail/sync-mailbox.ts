import type { PrismaClient } from '../../db/prisma.js';
import type { GmailApi } from '../../gmail/gmail-api.js';
import { callGoogle, googleStatus } from '../../google/map-google-error.js';
import type { Boss } from '../../jobs/boss.js';
import { receiveEmails } from '../intake/receive-email.js';

export type SyncDeps = { prisma: PrismaClient; boss: Boss; gmail: GmailApi; mailbox: string; now: () => Date };
export type SyncResult = { listed: number; stored: number; fullResync: boolean; historyId: string };

/** How far back a full resync looks when we have never synced (or lost our place). */
const FIRST_SYNC_DAYS = 3;
const MAX_FULL_SYNC_MESSAGES = 500;
const FETCH_PARALLELISM = 8;

/**
 * Brings the inbox into Justin from the stored historyId: history.list for what was added,
 * then each new message's raw bytes (format=raw). When Google says the historyId is too old
 * (404), or there is none yet, a full resync lists recent inbox messages instead; its new
 * historyId is read *before* listing, so nothing arriving meanwhile is skipped. Messages
 * already stored are not fetched again, and storing is idempotent on the Gmail id.
 */
export async function syncMailbox(deps: SyncDeps): Promise<SyncResult> {
  const state = await deps.prisma.gmailSyncState.upsert({
    where: { mailbox: deps.mailbox },
    update: {},
    create: { mailbox: deps.mailbox },
  });
  let listed: Array<{ id: string; threadId: string | undefined }>;
  let historyId: string;
  let fullResync = false;
  try {
    if (!state.historyId) throw Object.assign(new Error('no historyId yet'), { noHistory: true });
    ({ ids: listed, historyId } = await history(deps.gmail, state.historyId));
  } catch (err) {
    if (!(err as { noHistory?: boolean }).noHistory && googleStatus(err) !== 404) {
      await deps.prisma.gmailSyncState.update({
        where: { mailbox: deps.mailbox },
        data: { lastError: (err as Error).message },
      });
      throw err;
    }
    fullResync = true;
    const since = state.lastSyncAt
      ? Math.max(1, Math.ceil((deps.now().getTime() - state.lastSyncAt.getTime()) / 86_400_000) + 1)
      : FIRST_SYNC_DAYS;
    ({ ids: listed, historyId } = await fullList(deps.gmail, since));
  }
  const known = new Set(
    (
      await deps.prisma.inboundEmail.findMany({
        where: { gmailMessageId: { in: listed.map((m) => m.id) } },
        select: { gmailMessageId: true },
      })
    ).map((m) => m.gmailMessageId),
  );
  const fresh = listed.filter((m) => !known.has(m.id));
  let stored = 0;
  // Fetched a few at a time (raw mail can be 25 MB each), stored one transaction per batch.
  for (let i = 0; i < fresh.length; i += FETCH_PARALLELISM) {
    const batch = await Promise.all(
      fresh.slice(i, i + FETCH_PARALLELISM).map(async (m) => {
        const message = (
          await callGoogle('messages.get', () =>
            deps.gmail.users.messages.get({ userId: 'me', id: m.id, format: 'raw' }),
          )
        ).data;
        return {
          gmailMessageId: m.id,
          gmailThreadId: message.threadId ?? m.threadId,
          raw: Buffer.from(message.raw ?? '', 'base64url'),
        };
      }),
    );
    stored += (await receiveEmails(deps, deps.mailbox, batch)).length;
  }
  await deps.prisma.gmailSyncState.update({
    where: { mailbox: deps.mailbox },
    data: { historyId, lastSyncAt: deps.now(), lastError: null },
  });
  return { listed: listed.length, stored, fullResync, historyId };
}

async function history(gmail: GmailApi, startHistoryId: string) {
  const ids: Array<{ id: string; threadId: string | undefined }> = [];
  let pageToken: string | undefined;
  let historyId = startHistoryId;
  do {
    const page = (
      await callGoogle('history.list', () =>
        gmail.users.history.list({
          userId: 'me',
          startHistoryId,
          historyTypes: ['messageAdded'],
          labelId: 'INBOX',
          maxResults: 500,
          ...(pageToken ? { pageToken } : {}),
        }),
      )
    ).data;
    for (const h of page.history ?? [])
      for (const added of h.messagesAdded ?? [])
        if (added.message?.id) ids.push({ id: added.message.id, threadId: added.message.threadId ?? undefined });
    historyId = page.historyId ?? historyId;
    pageToken = page.nextPageToken ?? undefined;
  } while (pageToken);
  return { ids: dedupe(ids), historyId };
}

async function fullList(gmail: GmailApi, days: number) {
  const profile = (await callGoogle('getProfile', () => gmail.users.getProfile({ userId: 'me' }))).data;
  const ids: Array<{ id: string; threadId: string | undefined }> = [];
  let pageToken: string | undefined;
  do {
    const page = (
      await callGoogle('messages.list', () =>
        gmail.users.messages.list({
          userId: 'me',
          q: `in:inbox newer_than:${days}d`,
          maxResults: 100,
          ...(pageToken ? { pageToken } : {}),
        }),
      )
    ).data;
    for (const m of page.messages ?? []) if (m.id) ids.push({ id: m.id, threadId: m.threadId ?? undefined });
    pageToken = page.nextPageToken ?? undefined;
  } while (pageToken && ids.length < MAX_FULL_SYNC_MESSAGES);
  return { ids: dedupe(ids), historyId: String(profile.historyId) };
}

function dedupe<T extends { id: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(i.id) && seen.add(i.id));
}
