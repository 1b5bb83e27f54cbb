import { z } from 'zod';
import { chaseOffers } from '../../services/offers/chase-offers.js';
import { readOfferReply } from '../../services/offers/read-offer-reply.js';
import { defineJob } from '../definition.js';

/** A candidate's reply to a sent offer, read for the team to confirm (see the service). */
export const offerReply = defineJob({
  queue: 'offer.reply',
  schema: z.object({ offerId: z.string().uuid(), emailMessageId: z.string().uuid() }),
  async handle(deps, data, { log }) {
    const outcome = await readOfferReply(deps, { ...data, now: deps.now() });
    log.info({ offerId: data.offerId, outcome }, 'offer reply');
  },
});

/** Every 15 minutes: sent offers past their expiry are chased, then handed to a person. */
export const offersChase = defineJob({
  queue: 'offers.chase',
  schema: z.object({}).strict() as never,
  async handle(deps, _data, { log }) {
    const done = await chaseOffers({ ...deps, mailbox: deps.google?.mailbox }, { now: deps.now() });
    if (done.reminded || done.handedOver) log.info(done, 'offers chased');
  },
});
