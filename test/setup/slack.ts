import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = '0123456789abcdef0123456789abcdef';

/** Headers Slack would send for `body`, signed now (or at `at`, seconds). */
export function signedHeaders(
  body: string,
  {
    contentType = 'application/x-www-form-urlencoded',
    at = Math.floor(Date.now() / 1000),
    secret = SIGNING_SECRET,
  } = {},
) {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${at}:${body}`).digest('hex')}`;
  return { 'content-type': contentType, 'x-slack-request-timestamp': String(at), 'x-slack-signature': signature };
}

/** A slash-command form body as Slack sends it. */
export function commandBody(command: string, text: string, { user = 'U0ALICE', team = 'T0TEAM' } = {}): string {
  return new URLSearchParams({
    token: 'deprecated',
    team_id: team,
    team_domain: 'acme',
    channel_id: 'C0ROLE',
    channel_name: 'hiring',
    user_id: user,
    user_name: 'alice',
    command,
    text,
    api_app_id: 'A0JUSTIN',
    response_url: 'https://hooks.slack.com/commands/T0TEAM/1/abc',
    trigger_id: '1.2.abc',
  }).toString();
}

/** An Events API envelope for an app_home_opened event, as JSON text. */
export function homeOpenedEvent(eventId: string, user: string): string {
  return JSON.stringify({
    type: 'event_callback',
    event_id: eventId,
    team_id: 'T0TEAM',
    api_app_id: 'A0JUSTIN',
    event: { type: 'app_home_opened', user, channel: 'D0HOME', tab: 'home', event_ts: '1.2' },
  });
}

/** The environment of a Justin with Slack on (admin U0ADMIN), for a test database and Slack API. */
export function slackAppEnv({
  databaseUrl,
  slackApiUrl,
  ...extra
}: { databaseUrl: string; slackApiUrl?: string } & Record<string, string>): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    PORT: '0',
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_ADMINS: 'U0ADMIN',
    ...(slackApiUrl ? { SLACK_API_URL: slackApiUrl } : {}),
    ...extra,
  };
}

/** A block_actions payload for one button click, as Slack sends it; replies go to `responseOrigin`/respond/<user>. */
export function buttonClick({
  action,
  value,
  user,
  channel,
  messageTs = '1',
  responseOrigin,
}: {
  action: string;
  value: string;
  user: string;
  channel: string;
  messageTs?: string;
  responseOrigin: string;
}) {
  return {
    type: 'block_actions',
    user: { id: user, team_id: 'T0TEAM' },
    team: { id: 'T0TEAM' },
    api_app_id: 'A0JUSTIN',
    trigger_id: `t.${Date.now()}`,
    response_url: `${responseOrigin}/respond/${user}`,
    container: { type: 'message', channel_id: channel, message_ts: messageTs },
    channel: { id: channel },
    message: { ts: messageTs, text: '' },
    actions: [{ type: 'button', action_id: action, block_id: 'b', value, action_ts: '1.2' }],
  };
}
