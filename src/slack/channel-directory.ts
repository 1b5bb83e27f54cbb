import type { WebClient } from '@slack/web-api';
import { AppError } from '../errors.js';
import { callSlack as call } from './map-slack-error.js';

type Entry = { member: boolean; isPrivate: boolean; archived: boolean; name: string; at: number };

/**
 * What Justin knows of a channel (is it in it, is it private or archived), from
 * conversations.info with a cache that expires: cards are posted at intake's pace, and
 * conversations.info is rate-limited far below that. Used by outbox performers, never
 * before an ack.
 */
export class ChannelDirectory {
  private readonly cache = new Map<string, Entry>();

  constructor(
    private readonly client: WebClient,
    private readonly options: { ttlMs?: number; now?: () => number } = {},
  ) {}

  async lookup(channel: string): Promise<Entry> {
    const now = (this.options.now ?? Date.now)();
    const hit = this.cache.get(channel);
    if (hit && now - hit.at < (this.options.ttlMs ?? 10 * 60_000)) return hit;
    const res = await call('conversations.info', () => this.client.conversations.info({ channel }));
    const c = res.channel ?? {};
    const entry = {
      member: !!c.is_member,
      isPrivate: !!(c.is_private ?? c.is_group),
      archived: !!c.is_archived,
      name: c.name ?? channel,
      at: now,
    };
    this.cache.set(channel, entry);
    return entry;
  }

  /**
   * Makes sure a post to the channel can land: joins a public channel Justin is not in yet
   * (the role modal lets anyone pick any channel); a private or archived one is a permanent
   * failure that says what to do, since only its members can invite Justin.
   */
  async ensureCanPost(channel: string): Promise<void> {
    const info = await this.lookup(channel);
    if (info.member) return;
    if (info.archived) {
      throw new AppError('EXTERNAL_PERMANENT', `#${info.name} is archived`, {
        userMessage: `#${info.name} is archived: pick another channel with /hire role edit.`,
      });
    }
    if (info.isPrivate) {
      throw new AppError('EXTERNAL_PERMANENT', `not a member of private #${info.name}`, {
        userMessage: `Invite Justin to #${info.name} (/invite @Justin), then retry.`,
      });
    }
    await call('conversations.join', () => this.client.conversations.join({ channel }));
    this.cache.set(channel, { ...info, member: true });
  }
}
