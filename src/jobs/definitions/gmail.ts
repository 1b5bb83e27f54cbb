import { z } from 'zod';
import { createGmailApi } from '../../gmail/gmail-api.js';
import { renewWatch, shouldPoll } from '../../services/gmail/renew-watch.js';
import { syncMailbox } from '../../services/gmail/sync-mailbox.js';
import type { JobDeps } from '../definition.js';
import { defineJob } from '../definition.js';
import { enqueue } from '../boss.js';
import { AppError } from '../../errors.js';
import type { GoogleAuth } from '../../google/google-auth.js';

/**
 * Gmail, or undefined while Google is off or not connected yet (a new install before an admin
 * runs /hire connect google): then these jobs have nothing to do, and say nothing every minute.
 */
function gmailOf(deps: JobDeps) {
  if (!deps.google) return undefined;
  let auth: ReturnType<GoogleAuth['as']>;
  try {
    auth = deps.google.auth.as(deps.google.mailbox);
  } catch (err) {
    if (err instanceof AppError && err.code === 'INTEGRATION_OFF') return undefined;
    throw err;
  }
  return {
    gmail: createGmailApi(auth, deps.google.rootUrl),
    mailbox: deps.google.mailbox,
    topic: deps.google.pubsubTopic,
  };
}

/** One mailbox sync (history since our place, or a full resync). The queue is 'stately': one running, one waiting. */
export const gmailSync = defineJob({
  queue: 'gmail.sync',
  schema: z.object({ mailbox: z.string(), reason: z.string() }),
  async handle(deps, { reason }, { log }) {
    const g = gmailOf(deps);
    if (!g) return;
    const result = await syncMailbox({ ...deps, ...g });
    log.info({ reason, ...result }, 'gmail synced');
  },
});

/** Daily: renew the push watch (it lapses after 7 days). */
export const gmailWatch = defineJob({
  queue: 'gmail.watch',
  schema: z.object({}).strict() as never,
  async handle(deps) {
    const g = gmailOf(deps);
    if (!g?.topic) return;
    await renewWatch({ ...deps, ...g, topic: g.topic });
  },
});

/** Every minute: poll when push is off or has gone quiet, and start a watch that is missing. */
export const gmailPoll = defineJob({
  queue: 'gmail.poll',
  schema: z.object({}).strict() as never,
  async handle(deps) {
    const g = gmailOf(deps);
    if (!g) return;
    const state = await deps.prisma.gmailSyncState.findUnique({ where: { mailbox: g.mailbox } });
    if (g.topic && (!state?.watchExpiresAt || state.watchExpiresAt.getTime() < deps.now().getTime() + 86_400_000)) {
      await renewWatch({ ...deps, ...g, topic: g.topic }).catch(() => {}); // failure already recorded and announced
    }
    if (shouldPoll(state, { now: deps.now(), pushConfigured: !!g.topic }))
      await enqueue(deps.boss, undefined, 'gmail.sync', { mailbox: g.mailbox, reason: 'poll' });
  },
});
