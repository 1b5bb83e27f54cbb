import type { Claude } from '../../ai/claude.js';
import { askForJson, textOf } from '../../ai/json-answer.js';
import { costUsd, type Usage } from '../../ai/pricing.js';
import type { PrismaClient } from '../../db/prisma.js';
import {
  OFFER_REPLY_FORMAT,
  OFFER_REPLY_SYSTEM,
  ZOfferReply,
  type OfferReply,
} from '../../domain/offers/offer-reply.js';
import type { Boss } from '../../jobs/boss.js';
import { recordEffect } from '../../outbox/record-effect.js';
import { offerReplyQuestion } from '../../slack/blocks/offer-messages.js';

/**
 * A candidate replied while their offer is out. Justin reads it (the fast model, JSON checked by
 * zod; without Claude, or with an answer that does not parse, it is read by nobody) and asks the
 * card's thread to confirm with one click: accepted, declined, or not an answer. The scheduling
 * agent never sees it. The reply's words are not quoted in Slack: the summary is the model's.
 */
export async function readOfferReply(
  deps: { prisma: PrismaClient; boss: Boss; ai?: { claude: Claude; modelFast: string } | undefined },
  { offerId, emailMessageId, now }: { offerId: string; emailMessageId: string; now: Date },
): Promise<'asked' | 'nothing'> {
  const message = await deps.prisma.emailMessage.findUnique({
    where: { id: emailMessageId },
    select: { strippedText: true, textBody: true },
  });
  const offer = await deps.prisma.offer.findUnique({
    where: { id: offerId },
    select: {
      status: true,
      version: true,
      application: {
        select: { id: true, slackChannelId: true, slackMessageTs: true, candidate: { select: { name: true } } },
      },
    },
  });
  if (!message || !offer || offer.status !== 'SENT') return 'nothing';
  const text = (message.strippedText ?? message.textBody ?? '').slice(0, 8000);
  const read = deps.ai ? await ask(deps.ai, text) : null;
  const app = offer.application;
  await deps.prisma.$transaction(async (tx) => {
    const posted =
      app.slackChannelId && app.slackMessageTs
        ? await recordEffect(
            { tx, boss: deps.boss },
            {
              kind: 'slack.post',
              idempotencyKey: `offer-reply:${emailMessageId}`,
              applicationId: app.id,
              now,
              payload: {
                channel: app.slackChannelId,
                thread_ts: app.slackMessageTs,
                ...offerReplyQuestion({
                  offerId,
                  emailMessageId,
                  candidateName: app.candidate.name,
                  reading: read?.reading ?? null,
                }),
              },
            },
          )
        : 'no card';
    // A repeat of the job (the first was cut short after committing) records nothing twice.
    if (posted === null) return;
    await tx.applicationEvent.create({
      data: {
        applicationId: app.id,
        actorType: 'SYSTEM',
        actorId: 'offers',
        type: 'offer.reply-read',
        data: {
          offerId,
          emailMessageId,
          ...(read?.reading ? { intent: read.reading.intent, reason: read.reading.reason } : { unread: true }),
          ...(read ? { model: deps.ai!.modelFast, costUsd: read.cost } : {}),
        },
      },
    });
  });
  return 'asked';
}

async function ask(
  ai: { claude: Claude; modelFast: string },
  text: string,
): Promise<{ reading: OfferReply | null; cost: number }> {
  const usage: Usage = {
    input_tokens: 0,
    output_tokens: 0,
    cache_read_input_tokens: 0,
    cache_creation_input_tokens: 0,
  };
  const answer = await askForJson(
    async (messages) => {
      const response = await ai.claude.messages.create({
        model: ai.modelFast,
        max_tokens: 400,
        system: [{ type: 'text', text: OFFER_REPLY_SYSTEM }],
        output_config: { format: OFFER_REPLY_FORMAT },
        messages,
      });
      usage.input_tokens += response.usage.input_tokens;
      usage.output_tokens += response.usage.output_tokens;
      return textOf(response);
    },
    ZOfferReply,
    `<reply>${JSON.stringify(text)}</reply>`,
  );
  return { reading: answer.value, cost: costUsd(ai.modelFast, usage) };
}
