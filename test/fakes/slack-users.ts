import { DateTime } from 'luxon';

/** A user the Slack fake knows; `name` is the handle, `real_name` the full name. */
export type FakeSlackUser = {
  tz: string;
  real_name: string;
  name?: string;
  email?: string;
  deleted?: boolean;
  is_bot?: boolean;
};

/** Slack user and bot ids (U…, W… for Enterprise Grid); a post to one lands in their IM. */
export const isUserId = (id: string) => /^[UW][A-Z0-9]+$/.test(id);

/** The IM channel between Justin and a user: stable, so a test can name it before the first post. */
export const imChannelOf = (userId: string) => `D${userId}`;

/**
 * users.info's `user` as Slack shapes it. tz_offset is the zone's offset now, in seconds, as
 * Slack reports it (it changes with daylight saving time).
 */
export function slackUserInfo(id: string, user: FakeSlackUser, teamId: string): Record<string, unknown> {
  const zone = DateTime.now().setZone(user.tz);
  const zoneOk = zone.isValid;
  return {
    id,
    team_id: teamId,
    name: user.name ?? handleOf(user),
    real_name: user.real_name,
    deleted: user.deleted ?? false,
    is_bot: user.is_bot ?? false,
    tz: user.tz,
    tz_label: zoneOk ? zone.offsetNameLong : user.tz,
    tz_offset: zoneOk ? zone.offset * 60 : 0,
    profile: { email: user.email, display_name: user.real_name, real_name: user.real_name },
  };
}

function handleOf(user: FakeSlackUser): string {
  return user.email?.split('@')[0] ?? user.real_name.toLowerCase().replace(/\s+/g, '.');
}
