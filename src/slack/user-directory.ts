import type { WebClient } from '@slack/web-api';

type Entry = { tz: string; name: string; at: number };

/**
 * Slack user facts we need often (time zone, display name), from users.info with a cache
 * that expires, so one busy afternoon does not cost a Web API call per command. Never used
 * before an ack: callers ack first and answer through response_url.
 */
export class UserDirectory {
  private readonly cache = new Map<string, Entry>();

  constructor(
    private readonly client: WebClient,
    private readonly options: { ttlMs?: number; now?: () => number } = {},
  ) {}

  async lookup(userId: string): Promise<{ tz: string; name: string }> {
    const now = (this.options.now ?? Date.now)();
    const hit = this.cache.get(userId);
    if (hit && now - hit.at < (this.options.ttlMs ?? 60 * 60_000)) return hit;
    try {
      const res = await this.client.users.info({ user: userId });
      const entry = {
        tz: res.user?.tz || 'UTC',
        name: res.user?.profile?.display_name || res.user?.real_name || userId,
        at: now,
      };
      this.cache.set(userId, entry);
      return entry;
    } catch {
      // Slack unreachable: a stale answer beats none; no answer falls back to UTC, said as such.
      return hit ?? { tz: 'UTC', name: userId };
    }
  }
}
