import { describe, expect, it } from 'vitest';
import { acme, applies, booksFirstInterview, firstDay } from './support/acme.js';
import { textOf } from './support/slack-surface.js';
import { useWorld } from './support/world.js';

// A candidate who writes that they withdraw: Justin does not act on it alone (before, the
// agent cancelled the interview and the candidate went back to "scheduling"). The team is
// asked in the card's thread; confirmed, the application closes and everything unwinds.
const world = useWorld();
const team = acme(world);
const { rita, hiring } = team;
const grace = world.candidate('Grace Hopper', 'grace.hopper@example.org');
const alan = world.candidate('Alan Turing', 'alan.turing@example.org');

describe('the candidate withdraws by email', () => {
  it('sets up: Grace’s and Alan’s first interviews are booked', async () => {
    await firstDay(world, team);
    await applies(world, team, grace);
    await applies(world, team, alan);
    await booksFirstInterview(world, team, grace);
    await booksFirstInterview(world, team, alan, { option: 1 });
  });

  it('asks the team in the card’s thread, and cancels nothing by itself', async () => {
    const card = await world.card(hiring.id, 'Grace Hopper');
    const before = grace.inbox().length;
    await grace.replies(
      'I have accepted another offer, so I would like to withdraw my application. Thank you for your time!',
    );
    const question = await world.message(hiring.id, /Grace Hopper seems to withdraw/, { thread: card.ts });
    expect(textOf(question)).toMatch(/\[Confirm withdrawal…\]/);
    await world.settled();
    expect(textOf(card)).toMatch(/Stage\nInterview scheduled/);
    expect(world.google.eventsWith(grace.email).every((e) => e.status !== 'cancelled')).toBe(true);
    expect(grace.inbox()).toHaveLength(before);
  });

  it(
    'confirmed, closes the application: ' + 'the interview is cancelled and Grace gets the one acknowledgement',
    async () => {
      const card = await world.card(hiring.id, 'Grace Hopper');
      const question = await world.message(hiring.id, /Grace Hopper seems to withdraw/, { thread: card.ts });
      const modal = await (await rita.clicks(question, 'Confirm withdrawal…')).modal();
      const before = grace.inbox().length;
      expect((await rita.submits(modal, { email: 'Acknowledge the withdrawal' })).errors).toBeUndefined();
      await world.cardSays(hiring.id, 'Grace Hopper', /Stage\nWithdrawn/);
      expect((await grace.receives(before)).text).toMatch(/Thank you for letting us know/);
      await world.settled();
      expect(world.google.eventsWith(grace.email)).toEqual([]);
      expect(grace.inbox()).toHaveLength(before + 1);
    },
  );

  it('the team can also say it was not a withdrawal: Justin then answers as usual', async () => {
    const card = await world.card(hiring.id, 'Alan Turing');
    await alan.replies('Could we reschedule? I can no longer make it, and I do not want to withdraw.');
    // The fake reader takes "withdraw" at its word; the team knows better.
    const question = await world.message(hiring.id, /Alan Turing seems to withdraw/, { thread: card.ts });
    const before = alan.inbox().length;
    await rita.clicks(question, 'Not a withdrawal');
    const answer = await alan.receives(before);
    expect(answer.text).toMatch(/^1\. /m);
    expect(textOf(await world.card(hiring.id, 'Alan Turing'))).toMatch(/Stage\nInterview scheduled/);
  });

  it('the team can record a withdrawal from the card too', async () => {
    const card = await world.card(hiring.id, 'Alan Turing');
    const modal = await (await rita.clicks(card, 'Candidate withdrew')).modal();
    expect((await rita.submits(modal, { reason: 'Told us on the phone.' })).errors).toBeUndefined();
    await world.cardSays(hiring.id, 'Alan Turing', /Stage\nWithdrawn/);
    await world.settled();
    expect(world.google.eventsWith(alan.email)).toEqual([]);
    // Days later, neither hears from Justin again.
    const [graceHas, alanHas] = [grace.inbox().length, alan.inbox().length];
    await world.clock.advance('3 business days');
    expect([grace.inbox().length, alan.inbox().length]).toEqual([graceHas, alanHas]);
    expect(await world.problems()).toEqual([]);
  });
});
