import type { WebClient } from '@slack/web-api';
import { AppError } from '../../errors.js';
import type { Boss } from '../../jobs/boss.js';
import { callSlack as call } from '../../slack/map-slack-error.js';
import type { EffectPayloads } from '../effect-kinds.js';
import { recordEffect } from '../record-effect.js';
import { announceRole } from '../../services/roles/announce-role.js';
import type { EffectAttempt, Performer } from './performer.js';

type CreateChannel = EffectPayloads['slack.channel'];

/** Invite answers that mean the person is already where they should be. */
const HARMLESS_INVITE_ERRORS = new Set(['already_in_channel', 'cant_invite_self']);

const slackErrorOf = (err: unknown) => (err instanceof AppError ? String(err.details.slackError ?? '') : '');

/**
 * Creates a role's channel and invites its people. conversations.create has no idempotency
 * key, but a channel name is unique in a workspace: when an earlier attempt's outcome was
 * never recorded and the name is now taken, the channel created since that attempt is ours
 * and is adopted. A name someone else took is a permanent failure, and the person who asked
 * is told privately what to do (once: permanent failures are not retried).
 */
export function createSlackChannelPerformer({
  client,
  boss,
}: {
  client: WebClient;
  boss?: Boss | undefined;
}): Performer<CreateChannel> {
  return {
    async perform(attempt) {
      const { payload } = attempt;
      const channel = await createOrAdopt(client, attempt);
      const users = payload.invite.filter((u, i, all) => all.indexOf(u) === i);
      let inviteError: string | undefined;
      if (users.length) {
        try {
          await call('conversations.invite', () =>
            client.conversations.invite({ channel, users: users.join(','), force: true }),
          );
        } catch (err) {
          // The channel exists either way: a refused invite (a deactivated person, a guest) is
          // noted, not a reason to fail the effect and leave the role without its channel.
          if (!(err instanceof AppError) || err.code !== 'EXTERNAL_PERMANENT') throw err;
          if (!HARMLESS_INVITE_ERRORS.has(slackErrorOf(err))) inviteError = slackErrorOf(err);
        }
      }
      return { externalId: channel, result: { channel, name: payload.name, ...(inviteError ? { inviteError } : {}) } };
    },
    async onDone(tx, payload, outcome) {
      if (!outcome.externalId) return;
      await tx.role.update({ where: { id: payload.roleId }, data: { slackChannelId: outcome.externalId } });
      if (!boss) return;
      await announceRole(tx, boss, { roleId: payload.roleId, channel: outcome.externalId });
      // Applications that arrived before the channel existed get their card now.
      const waiting = await tx.application.findMany({
        where: { roleId: payload.roleId, slackMessageTs: null },
        select: { id: true },
      });
      for (const app of waiting) {
        await recordEffect(
          { tx, boss },
          {
            kind: 'slack.card',
            idempotencyKey: `card:${app.id}:channel:${outcome.externalId}`,
            applicationId: app.id,
            payload: { applicationId: app.id },
          },
        );
      }
    },
  };
}

async function createOrAdopt(
  client: WebClient,
  { payload, previousAttemptAt }: EffectAttempt<CreateChannel>,
): Promise<string> {
  try {
    const res = await call('conversations.create', () =>
      client.conversations.create({ name: payload.name, is_private: false }),
    );
    return res.channel!.id!;
  } catch (err) {
    const code = slackErrorOf(err);
    if (code === 'name_taken' && previousAttemptAt) {
      const existing = await findByName(client, payload.name);
      // Slack's `created` is in seconds; a minute of slack for clock skew.
      if (existing && existing.created * 1000 >= previousAttemptAt.getTime() - 60_000) return existing.id;
    }
    if (code === 'name_taken' || code.startsWith('invalid_name') || code === 'restricted_action') {
      const why =
        code === 'name_taken'
          ? `#${payload.name} already exists`
          : code === 'restricted_action'
            ? 'this workspace does not let apps create channels'
            : `Slack refused the name #${payload.name} (${code})`;
      await call('chat.postMessage', () =>
        client.chat.postMessage({
          channel: payload.requestedBy,
          text:
            `I could not create the role's channel: ${why}. Run \`/hire role edit &lt;title&gt;\` and pick a channel ` +
            'or another name.',
        }),
      );
    }
    throw err;
  }
}

async function findByName(client: WebClient, name: string): Promise<{ id: string; created: number } | undefined> {
  let cursor: string | undefined;
  do {
    const page = await call('conversations.list', () =>
      client.conversations.list({
        types: 'public_channel',
        exclude_archived: true,
        limit: 1000,
        ...(cursor ? { cursor } : {}),
      }),
    );
    const found = page.channels?.find((c) => c.name === name);
    if (found?.id) return { id: found.id, created: found.created ?? 0 };
    cursor = page.response_metadata?.next_cursor || undefined;
  } while (cursor);
  return undefined;
}
