import { z } from 'zod';
import { syncPerson } from '../../services/team/sync-person.js';
import { defineJob } from '../definition.js';

/**
 * A team member was named in Slack (or changed their profile, or their settings): fill in
 * their User row from users.info and check that their calendar can be read.
 */
export const teamSyncPerson = defineJob({
  queue: 'team.sync-person',
  schema: z.object({ slackTeamId: z.string().min(1), slackUserId: z.string().regex(/^[UW][A-Z0-9]+$/) }),
  async handle(deps, { slackTeamId, slackUserId }, { log }) {
    const outcome = await syncPerson({ ...deps, log }, { slackTeamId, slackUserId });
    log.info({ slackUserId, ...outcome }, 'person synced from Slack');
  },
});
