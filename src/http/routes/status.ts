import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { describeStatus, type DescribeContext } from '../../services/status/describe-status.js';
import { getStatus, type StatusDeps } from '../../services/status/get-status.js';
import { appManifest, createAppLink } from '../../slack/app-manifest.js';
import { adminNames, currentClaimCode } from '../../services/team/first-admin.js';
import { onTheMachine } from '../on-the-machine.js';
import { describeSettings, renderStatusPage, type TeamStatus } from '../views/status-page.js';

/** The status page at / (HTML) and the same facts as JSON at /status.json. */
export const statusRoutes: FastifyPluginAsync<{ status: StatusDeps }> = async (app, { status }) => {
  const { config } = status;
  const publicUrl = config.http.publicUrl;
  const envFile = config.envFile;
  const context: DescribeContext = {
    publicUrl,
    createSlackAppLink: createAppLink(appManifest({ publicUrl })),
    envFileHint: envFile ?? '.env',
    socketMode: !!config.slack?.appToken,
  };
  const settingsHint = describeSettings(envFile);
  app.get('/status.json', async () => getStatus(status));
  app.get('/', async (req, reply) => {
    const [s, team] = await Promise.all([getStatus(status), teamStatus(status, req)]);
    return reply
      .type('text/html; charset=utf-8')
      .send(renderStatusPage(s, describeStatus(s, context), { team, settingsHint }));
  });
};

/**
 * Who is admin (by name only on the machine itself; elsewhere, that there is one), or, while
 * nobody is, the claim code: shown only to a browser on the machine (see on-the-machine.ts),
 * never through the public URL.
 */
async function teamStatus(status: StatusDeps, req: FastifyRequest): Promise<TeamStatus | undefined> {
  const admins = status.config.slack?.admins;
  if (!admins) return undefined;
  const local = onTheMachine(req);
  const names = await adminNames(status.prisma, admins);
  if (names.length) return { admins: local ? names : [], hasAdmin: true };
  return {
    admins: [],
    hasAdmin: false,
    ...(local ? { claimCode: await currentClaimCode(status.prisma, admins) } : {}),
  };
}
