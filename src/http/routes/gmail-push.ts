import type { FastifyPluginAsync } from 'fastify';
import type { PrismaClient } from '../../db/prisma.js';
import { decodeNotification, type PushVerdict } from '../../gmail/verify-push.js';
import { enqueue, type Boss } from '../../jobs/boss.js';
import { BODY_LIMITS } from '../limits.js';
import { guardUnverifiedBodies } from '../unverified-bodies.js';

/** An OIDC token's shape (three base64url parts, of sane sizes): anything else is refused unread. */
const BEARER_JWT = /^Bearer [A-Za-z0-9_-]{8,4096}\.[A-Za-z0-9_-]{8,16384}\.[A-Za-z0-9_-]{0,4096}$/;

/**
 * POST /gmail/push: Pub/Sub's push of a Gmail change. Verified (OIDC token), then answered at
 * once: the notification only says "something changed", so it queues one sync of the mailbox
 * (a sync already queued absorbs it) and records that push is alive. The sync reads history
 * from our stored historyId, so a lost or repeated notification changes nothing.
 */
export function gmailPushRoute({
  prisma,
  boss,
  mailbox,
  verify,
}: {
  prisma: PrismaClient;
  boss: Boss;
  mailbox: string;
  verify: (authorization: string | undefined) => Promise<PushVerdict>;
}): FastifyPluginAsync {
  return async (app) => {
    guardUnverifiedBodies(app, {
      what: 'Pub/Sub',
      checkHeaders: (req) =>
        BEARER_JWT.test(String(req.headers.authorization ?? '')) ? undefined : 'no bearer token of a JWT’s shape',
    });
    app.post('/gmail/push', { bodyLimit: BODY_LIMITS.gmailPush }, async (request, reply) => {
      const verdict = await verify(request.headers.authorization);
      if (!verdict.ok) {
        request.log.warn({ reason: verdict.reason }, 'gmail push refused');
        return reply.code(401).send({ error: 'unauthorized' });
      }
      const notification = decodeNotification(request.body);
      // A body we cannot read is acknowledged (Pub/Sub would retry it forever); the next sync catches up.
      if (!notification) return reply.code(204).send();
      if (notification.emailAddress.toLowerCase() !== mailbox.toLowerCase()) return reply.code(204).send();
      await prisma.$transaction(async (tx) => {
        await tx.gmailSyncState.upsert({
          where: { mailbox },
          update: { lastPushAt: new Date() },
          create: { mailbox, lastPushAt: new Date() },
        });
        await enqueue(boss, tx, 'gmail.sync', { mailbox, reason: 'push' });
      });
      return reply.code(204).send();
    });
  };
}
