import type { WebClient } from '@slack/web-api';
import type { PrismaClient } from '../../db/prisma.js';
import { homeData } from '../../services/home/home-data.js';
import { homeView } from '../../slack/blocks/home.js';
import { callSlack } from '../../slack/map-slack-error.js';
import type { UserDirectory } from '../../slack/user-directory.js';
import type { EffectPayloads } from '../effect-kinds.js';
import type { Performer } from './performer.js';

/**
 * Publishes a person's App Home, rendered from the database at delivery; views.publish
 * replaces, so repeats are harmless.
 */
export function createSlackHomePerformer({
  client,
  prisma,
  users,
  now,
}: {
  client: WebClient;
  prisma: PrismaClient;
  users: UserDirectory;
  now: () => Date;
}): Performer<EffectPayloads['slack.home']> {
  return {
    async perform({ payload }) {
      const [data, { tz }] = await Promise.all([
        homeData(prisma, { slackUserId: payload.slackUserId, now: now() }),
        users.lookup(payload.slackUserId),
      ]);
      await callSlack('views.publish', () =>
        client.views.publish({ user_id: payload.slackUserId, view: homeView({ data, zone: tz, now: now() }) as never }),
      );
      return { result: { published: true } };
    },
  };
}
