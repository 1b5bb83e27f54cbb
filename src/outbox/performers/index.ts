import type { WebClient } from '@slack/web-api';
import type { Performers } from '../deliver-effect.js';
import type { PrismaClient } from '../../db/prisma.js';
import { createSlackPostPerformer, createSlackUpdatePerformer } from './slack.js';
import { createSlackCardPerformer } from './slack-card.js';
import { createSlackHomePerformer } from './slack-home.js';
import { createSlackChannelPerformer } from './slack-channel.js';
import { createSlackNoticePerformer } from './slack-notice.js';
import { createSlackDigestPerformer } from './slack-digest.js';
import type { Boss } from '../../jobs/boss.js';
import { UserDirectory } from '../../slack/user-directory.js';
import { ChannelDirectory } from '../../slack/channel-directory.js';
import { createWebhookPerformer } from './webhook.js';
import { createCalendarSyncPerformer } from './calendar-sync.js';
import { createCalendarHoldPerformer } from './calendar-hold.js';
import { createCalendarDebriefPerformer } from './calendar-debrief.js';
import { createGmailSendPerformer } from './gmail-send.js';
import type { GoogleAuth } from '../../google/google-auth.js';

/** Google as the performers need it: who we are, where the API is, whose calendar books. */
export type GoogleDeps = { auth: GoogleAuth; rootUrl: string; mailbox: string; pubsubTopic?: string | undefined };

/**
 * The performers for the integrations that are on; an effect for one that is off waits. `boss`
 * lets a performer record follow-up effects when it is done (a new channel's waiting cards).
 */
export function createPerformers({
  slack,
  prisma,
  google,
  boss,
  poolSize = 10,
  now = () => new Date(),
}: {
  slack: WebClient | undefined;
  prisma: PrismaClient;
  google?: GoogleDeps | undefined;
  boss?: Boss | undefined;
  /** The database pool's size: cards in flight (each holding a connection) take at most a third of it. */
  poolSize?: number;
  /** The service's clock (what App Home counts as upcoming or owed). */
  now?: () => Date;
}): Performers {
  return {
    'webhook.post': createWebhookPerformer(),
    ...(slack
      ? {
          'slack.post': createSlackPostPerformer(slack),
          'slack.update': createSlackUpdatePerformer(slack),
          'slack.card': createSlackCardPerformer({
            client: slack,
            prisma,
            channels: new ChannelDirectory(slack),
            concurrency: Math.max(1, Math.floor(poolSize / 3)),
          }),
          'slack.home': createSlackHomePerformer({ client: slack, prisma, users: new UserDirectory(slack), now }),
          'slack.channel': createSlackChannelPerformer({ client: slack, boss }),
          'slack.notice': createSlackNoticePerformer({ client: slack, prisma, now }),
          'slack.digest': createSlackDigestPerformer({ client: slack, prisma, channels: new ChannelDirectory(slack) }),
        }
      : {}),
    ...(google
      ? {
          'calendar.sync': createCalendarSyncPerformer({ prisma, ...google, boss, now }),
          'calendar.hold': createCalendarHoldPerformer({ prisma, ...google }),
          'calendar.debrief': createCalendarDebriefPerformer({ prisma, ...google }),
          'gmail.send': createGmailSendPerformer({ prisma, ...google }),
        }
      : {}),
  };
}
