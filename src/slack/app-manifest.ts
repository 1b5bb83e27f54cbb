// Justin's Slack app manifest as data, for the status page's "Create the Slack app" link, which hands it to Slack's
// app-creation page prefilled. manifest.yml at the repository root is the same app for people who paste it by hand;
// test/slack/app-manifest.test.ts keeps the two equal and checks both variants against Slack's manifest schema.

const COMMANDS = [
  {
    command: '/hire',
    description: 'Open, pause and close roles; manage the hiring team; help',
    usage_hint: 'role new | role pause <title> | team | me | help',
  },
  {
    command: '/candidate',
    description: 'Find a candidate by name, email or skill',
    usage_hint: 'ada lovelace | ada@example.com | rust',
  },
  {
    command: '/pipeline',
    description: 'Where every candidate stands, and who is stuck',
    usage_hint: '[role] [page N]',
  },
  {
    command: '/interviews',
    description: 'Upcoming interviews, in your time zone',
    usage_hint: '[today | week | @person]',
  },
];

const BOT_SCOPES = [
  'chat:write',
  'commands',
  'channels:history',
  'groups:history',
  'im:history',
  'channels:read',
  'groups:read',
  'channels:manage',
  'channels:join',
  'users:read',
  'users:read.email',
  'im:write',
  'files:write',
];

/**
 * The manifest for a Justin Slack reaches at `publicUrl` (HTTP request URLs to `/slack/events`), or, without one,
 * the Socket Mode variant: no request URLs, and an app-level token (SLACK_APP_TOKEN) instead of a signing secret.
 */
export function appManifest({ publicUrl }: { publicUrl: string | undefined }): Record<string, unknown> {
  const events = publicUrl ? `${publicUrl.replace(/\/$/, '')}/slack/events` : undefined;
  const at = (key: string) => (events ? { [key]: events } : {});
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name: 'Justin',
      description: 'Your hiring assistant; schedules interviews by email, runs the pipeline in Slack.',
      background_color: '#2c2d30',
    },
    features: {
      app_home: { home_tab_enabled: true, messages_tab_enabled: false, messages_tab_read_only_enabled: true },
      bot_user: { display_name: 'Justin', always_online: true },
      slash_commands: COMMANDS.map((c) => ({
        command: c.command,
        ...at('url'),
        description: c.description,
        usage_hint: c.usage_hint,
        should_escape: true,
      })),
    },
    oauth_config: { scopes: { bot: BOT_SCOPES } },
    settings: {
      event_subscriptions: { ...at('request_url'), bot_events: ['app_home_opened', 'user_change'] },
      interactivity: { is_enabled: true, ...at('request_url'), ...at('message_menu_options_url') },
      org_deploy_enabled: false,
      socket_mode_enabled: !events,
      token_rotation_enabled: false,
    },
  };
}

/**
 * Slack's "Create New App" page with the manifest filled in: the person picks a workspace and confirms. The
 * `manifest_json` parameter is what Slack's own page reads (not in Slack's reference docs, but used widely);
 * if Slack ever drops it, the page still opens on "Create New App" and manifest.yml can be pasted by hand.
 */
export function createAppLink(manifest: Record<string, unknown>): string {
  return `https://api.slack.com/apps?new_app=1&manifest_json=${encodeURIComponent(JSON.stringify(manifest))}`;
}
