import { describe, expect, it } from 'vitest';
import { acme, applies, booksFirstInterview, firstDay } from './support/acme.js';
import { textOf } from './support/slack-surface.js';
import { useWorld } from './support/world.js';

// An interviewer declines the invitation in their calendar: the role's channel is told, with a
// one-click swap to a pool member who is free then; the swap updates the same event.
const world = useWorld();
const team = acme(world);
const { rita, bea, carl, hiring } = team;
const grace = world.candidate('Grace Hopper', 'grace.hopper@example.org');

describe('an interviewer declines', () => {
  it('sets up: Grace’s first interview is booked with one of Bea or Carl', async () => {
    await firstDay(world, team);
    await applies(world, team, grace);
    await booksFirstInterview(world, team, grace);
  });

  it('is flagged in the channel with a swap to whoever is free, and the swap moves the invitation', async () => {
    const invite = world.google.eventsWith(grace.email)[0]!;
    const booked = invite.attendees!.find((a) => a.email !== grace.email)!.email;
    const [out, into] = booked === bea.email ? [bea, carl] : [carl, bea];
    world.google.respond(invite.id, out.email, 'declined');
    await world.clock.advance('15 minutes');
    const flag = await world.message(hiring.id, new RegExp(`${out.name} declined Intro call with Grace Hopper`));
    await rita.clicks(flag, `Swap in ${into.name}`);
    await world.settled();
    const now = world.google.events.get(invite.id)!;
    expect(now.attendees!.map((a) => a.email).sort()).toEqual([grace.email, into.email].sort());
    expect(now.status).not.toBe('cancelled');
    expect(textOf(await world.card(hiring.id, 'Grace Hopper'))).toContain(into.name);
    expect(await world.problems()).toEqual([]);
  });
});
