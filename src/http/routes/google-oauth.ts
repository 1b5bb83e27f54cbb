import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { OAuth2Client } from 'google-auth-library';
import { z } from 'zod';
import type { PrismaClient } from '../../db/prisma.js';
import { createGmailApi } from '../../gmail/gmail-api.js';
import { GOOGLE_SCOPES, type GoogleAuth, type OAuthTokens } from '../../google/google-auth.js';
import { verifyLink } from '../../google/token-crypto.js';
import { storeMailboxTokens } from '../../services/google/mailbox-credential.js';
import { enqueue, type Boss } from '../../jobs/boss.js';

type Deps = {
  prisma: PrismaClient;
  boss: Boss;
  auth: GoogleAuth;
  oauth: { clientId: string; clientSecret: string; authUrl: string; tokenUrl: string };
  key: Buffer;
  mailbox: string;
  publicUrl: string;
  rootUrl: string;
};

const page = (title: string, body: string) =>
  `<!doctype html><meta charset="utf-8"><title>${title}</title>` +
  `<body style="font-family:system-ui;max-width:40em;margin:4em auto"><h1>${title}</h1><p>${body}</p></body>`;
// Query strings as a browser (or anyone) sends them: one value each, of a sane size. A repeated
// parameter (?state=a&state=b) arrives as an array and is refused like a malformed one.
const param = z.string().max(4096);
const ZConnectQuery = z.looseObject({ link: param });
const ZCallbackQuery = z.looseObject({ state: param, code: param.optional(), error: z.string().max(200).optional() });

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * Connecting the recruiting mailbox with OAuth: GET /google/connect (from a signed link an
 * admin gets with /hire connect google) sends the admin to Google's consent screen; Google
 * sends them back to /google/callback, where the code becomes tokens. The tokens are kept only
 * if they belong to the configured mailbox (checked with Gmail's own profile), encrypted.
 */
export function googleOAuthRoutes(deps: Deps): FastifyPluginAsync {
  const redirectUri = `${deps.publicUrl.replace(/\/$/, '')}/google/callback`;
  const { clientId, clientSecret, authUrl, tokenUrl } = deps.oauth;
  const endpoints = { oauth2AuthBaseUrl: authUrl, oauth2TokenUrl: tokenUrl };
  const client = () => new OAuth2Client({ clientId, clientSecret, redirectUri, endpoints });
  return async (app) => {
    app.get('/google/connect', async (request, reply) => {
      const query = ZConnectQuery.safeParse(request.query);
      if (!query.success) return badLink(reply);
      const link = query.data.link;
      if (!verifyLink(deps.key, link))
        return reply
          .code(403)
          .type('text/html')
          .send(
            page(
              'Link expired',
              'This link is no longer valid. Ask for a new one in Slack with <code>/hire connect google</code>.',
            ),
          );
      const url = client().generateAuthUrl({
        access_type: 'offline',
        prompt: 'consent',
        scope: GOOGLE_SCOPES,
        state: link,
        login_hint: deps.mailbox,
        include_granted_scopes: true,
      });
      return reply.redirect(url);
    });

    app.get('/google/callback', async (request, reply) => {
      const parsed = ZCallbackQuery.safeParse(request.query);
      if (!parsed.success) return badLink(reply);
      const query = parsed.data;
      const signed = verifyLink(deps.key, query.state);
      if (!signed)
        return reply
          .code(403)
          .type('text/html')
          .send(page('Link expired', 'Start again from Slack with <code>/hire connect google</code>.'));
      if (query.error || !query.code) {
        return reply
          .code(400)
          .type('text/html')
          .send(page('Not connected', `Google said: ${escapeHtml(query.error ?? 'no code')}. Nothing was changed.`));
      }
      const oauth = client();
      // A code Google does not take (used, expired, made up) is the visitor's problem, not a 500.
      const tokens = await oauth.getToken(query.code).then(
        (r) => r.tokens,
        (err: Error) => {
          request.log.warn({ err: err.message.split(/[:\n]/)[0] }, 'Google refused the OAuth code');
          return undefined;
        },
      );
      if (!tokens)
        return reply
          .code(400)
          .type('text/html')
          .send(page('Not connected', 'Google did not accept the sign-in. Start again from Slack.'));
      if (!tokens.refresh_token) {
        return reply
          .code(400)
          .type('text/html')
          .send(
            page(
              'Not connected',
              'Google gave no refresh token. Remove Justin from the account’s third-party access and connect again.',
            ),
          );
      }
      oauth.setCredentials(tokens);
      const profile = (await createGmailApi(oauth, deps.rootUrl).users.getProfile({ userId: 'me' })).data;
      if (profile.emailAddress?.toLowerCase() !== deps.mailbox.toLowerCase()) {
        return reply
          .code(400)
          .type('text/html')
          .send(
            page(
              'Wrong account',
              `You signed in as ${escapeHtml(profile.emailAddress ?? 'someone else')}; Justin needs ` +
                `${escapeHtml(deps.mailbox)}. Nothing was changed.`,
            ),
          );
      }
      const stored: OAuthTokens = {
        refresh_token: tokens.refresh_token,
        ...(tokens.access_token ? { access_token: tokens.access_token } : {}),
        ...(tokens.expiry_date ? { expiry_date: tokens.expiry_date } : {}),
      };
      await storeMailboxTokens(deps.prisma, {
        key: deps.key,
        mailbox: deps.mailbox,
        tokens: stored,
        scopes: (tokens.scope ?? '').split(' ').filter(Boolean),
        by: signed.by,
      });
      deps.auth.useTokens?.(stored);
      // Intake starts now (the watch, a first sync), not at the next minute's poll.
      await enqueue(deps.boss, undefined, 'gmail.poll', {});
      return reply
        .type('text/html')
        .send(
          page(
            'Connected',
            `Justin now reads and sends mail as ${escapeHtml(deps.mailbox)}, and books interviews on its calendar. ` +
              'You can close this tab.',
          ),
        );
    });
  };
}

function badLink(reply: FastifyReply) {
  return reply
    .code(400)
    .type('text/html')
    .send(page('Not a valid link', 'Start again from Slack with <code>/hire connect google</code>.'));
}
