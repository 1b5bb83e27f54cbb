import { App, LogLevel } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { PrismaClient } from '../db/prisma.js';
import type { Boss } from '../jobs/boss.js';
import { registerCardButtons } from './listeners/actions/card-buttons.js';
import { registerSlotApproval } from './listeners/actions/slot-approval.js';
import { registerEraseCandidate } from './listeners/actions/erase-candidate.js';
import { registerAgentButtons } from './listeners/actions/agent-buttons.js';
import { registerSwapInterviewer } from './listeners/actions/swap-interviewer.js';
import { registerIntakeButtons } from './listeners/actions/intake-buttons.js';
import type { AvailabilitySource } from '../services/scheduling/availability.js';
import { registerCloseSubmit } from './listeners/views/close-submit.js';
import { registerRoleSubmit } from './listeners/views/role-submit.js';
import { registerWorkspaceSettingsSubmit } from './listeners/views/workspace-settings-submit.js';
import { registerAppHomeOpened } from './listeners/events/app-home-opened.js';
import { registerUserChange } from './listeners/events/user-change.js';
import { registerOpenInterviewerSettings } from './listeners/actions/open-interviewer-settings.js';
import { registerInterviewerSettingsSubmit } from './listeners/views/interviewer-settings-submit.js';
import { registerScorecardButtons } from './listeners/actions/scorecard-buttons.js';
import { registerScorecardSubmit } from './listeners/views/scorecard-submit.js';
import { registerOfferButtons } from './listeners/actions/offer-buttons.js';
import { registerOfferSubmit } from './listeners/views/offer-submit.js';
import type { Logger } from '../logger.js';
import type { BotIdentity } from './bot-identity.js';
import type { FastifyReceiver } from './fastify-receiver.js';
import { registerCandidateCommand } from './listeners/commands/candidate.js';
import { registerHireCommand } from './listeners/commands/hire.js';
import { registerPipelineCommand } from './listeners/commands/pipeline.js';
import { registerPipelinePage } from './listeners/actions/pipeline-page.js';
import { registerInterviewsCommand } from './listeners/commands/interviews.js';
import { UserDirectory } from './user-directory.js';
import { slackLogger } from './web-client.js';

export type SlackAppDeps = {
  prisma: PrismaClient;
  /** The configured WebClient (token, API URL) for reads such as users.info. */
  client: WebClient;
  boss: Boss;
  log: Logger;
  botToken: string;
  admins: readonly string[];
  identity: BotIdentity;
  apiUrl: string;
  /** HTTP mode: our Fastify receiver. Socket Mode: an app-level token instead. */
  receiver?: FastifyReceiver;
  appToken?: string;
  /** Google Calendar, when connected: checks a time the team adds to a proposal. */
  availability?: AvailabilitySource | undefined;
  now?: () => Date;
  /** The recruiting mailbox, when Google is on: intake files applications the team assigns. */
  mailbox?: string | undefined;
  /** A signed, short-lived link to connect the mailbox with OAuth, when OAuth is set up. */
  googleConnectLink?: ((by: string) => string) | undefined;
};

/**
 * The Bolt app with every listener. `authorize` hands Bolt the bot identity we keep in the
 * database, so no request waits on auth.test.
 */
export function createSlackApp(deps: SlackAppDeps): App {
  const app = new App({
    ...(deps.receiver ? { receiver: deps.receiver } : { socketMode: true, appToken: deps.appToken! }),
    authorize: async () => ({ botToken: deps.botToken, ...deps.identity.current }),
    logger: slackLogger(deps.log.child({ component: 'bolt' })),
    logLevel: LogLevel.WARN,
    clientOptions: { slackApiUrl: deps.apiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true },
    // Bolt's conversation store is per process (state lives in the database here) and, for each
    // request in a channel it has no entry for, builds an Error to say so: with source maps on,
    // the stack it captures cost more CPU than the rest of Bolt's handling of the request.
    convoStore: false,
  });
  const now = deps.now ?? (() => new Date());
  registerHireCommand(app, {
    prisma: deps.prisma,
    boss: deps.boss,
    admins: deps.admins,
    googleConnectLink: deps.googleConnectLink,
    log: deps.log,
    now,
  });
  registerWorkspaceSettingsSubmit(app, { prisma: deps.prisma, admins: deps.admins });
  registerCandidateCommand(app, { prisma: deps.prisma, admins: deps.admins });
  registerPipelineCommand(app, { prisma: deps.prisma, admins: deps.admins, now });
  registerPipelinePage(app, { prisma: deps.prisma, admins: deps.admins, now });
  registerInterviewsCommand(app, {
    prisma: deps.prisma,
    admins: deps.admins,
    users: new UserDirectory(deps.client),
    now,
  });
  registerCardButtons(app, { prisma: deps.prisma, boss: deps.boss, admins: deps.admins, now });
  const scheduling = {
    prisma: deps.prisma,
    boss: deps.boss,
    admins: deps.admins,
    availability: deps.availability,
    now,
  };
  registerSlotApproval(app, scheduling);
  registerSwapInterviewer(app, scheduling);
  registerAgentButtons(app, { prisma: deps.prisma, boss: deps.boss, admins: deps.admins });
  registerEraseCandidate(app, { prisma: deps.prisma, boss: deps.boss, admins: deps.admins });
  registerIntakeButtons(app, {
    prisma: deps.prisma,
    boss: deps.boss,
    admins: deps.admins,
    mailbox: deps.mailbox,
    now,
  });
  registerRoleSubmit(app, {
    prisma: deps.prisma,
    boss: deps.boss,
    admins: deps.admins,
    workspaceId: () => deps.identity.current.teamId,
    now,
  });
  registerAppHomeOpened(app, { prisma: deps.prisma, boss: deps.boss });
  registerCloseSubmit(app, { prisma: deps.prisma, boss: deps.boss, admins: deps.admins, mailbox: deps.mailbox, now });
  registerUserChange(app, { prisma: deps.prisma, boss: deps.boss, log: deps.log });
  registerOpenInterviewerSettings(app, { prisma: deps.prisma, now });
  registerInterviewerSettingsSubmit(app, { prisma: deps.prisma, boss: deps.boss });
  registerScorecardButtons(app, { prisma: deps.prisma, boss: deps.boss, admins: deps.admins, now });
  registerScorecardSubmit(app, { prisma: deps.prisma, boss: deps.boss, now });
  registerOfferButtons(app, { prisma: deps.prisma, boss: deps.boss, admins: deps.admins, mailbox: deps.mailbox, now });
  registerOfferSubmit(app, { prisma: deps.prisma, boss: deps.boss, admins: deps.admins, now });
  app.error(async (err) => {
    deps.log.error({ err: err.message, code: (err as { code?: string }).code }, 'Slack listener error');
  });
  return app;
}
