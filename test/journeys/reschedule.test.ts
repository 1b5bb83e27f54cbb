import { describe, expect, it } from 'vitest';
import { acme, applies, booksFirstInterview, firstDay } from './support/acme.js';
import { optionWhen } from './support/mail-words.js';
import { textOf } from './support/slack-surface.js';
import { useWorld } from './support/world.js';

// Moving a booked interview: when the candidate asks, the agent offers new times and moves the
// same calendar event; when the team asks (Reschedule on the card), the new times are approved
// in Slack first. Cancelling from the card withdraws the invitation and looks for new times.
const world = useWorld();
const team = acme(world);
const { rita, hiring } = team;
const grace = world.candidate('Grace Hopper', 'grace.hopper@example.org');

const liveInvite = () => world.google.eventsWith(grace.email).find((e) => e.status !== 'cancelled');

describe('rescheduling a booked interview', () => {
  it('sets up: Grace’s first interview is booked', async () => {
    await firstDay(world, team);
    await applies(world, team, grace);
    await booksFirstInterview(world, team, grace);
  });

  it('the candidate asks to move it: new times by email, the same event moved to the one she picks', async () => {
    // The fake calendar changes its events in place: keep what they said.
    const before = structuredClone(liveInvite()!);
    const seen = grace.inbox().length;
    await grace.replies('Something came up: could we reschedule to another day?');
    const options = await grace.receives(seen);
    expect(options.text).toMatch(/^1\. /m);
    await grace.replies('Option 3 works.');
    expect((await grace.receives(seen + 1)).text).toMatch(/You are booked/);
    await world.settled();
    const after = liveInvite()!;
    expect(after.id).toBe(before.id);
    expect(after.start.dateTime).not.toBe(before.start.dateTime);
    expect(options.text).toMatch(new RegExp(`^3\\. ${optionWhen(after.start.dateTime)}`, 'm'));
    await world.cardSays(hiring.id, 'Grace Hopper', /Interview scheduled \(step 1 of 2\)/);
  });

  it('the team asks to move it: new times are approved in Slack, then offered, and the event moves', async () => {
    // The next day (Grace had four emails today: the most the role allows in 24 hours).
    await world.clock.advance('1 day');
    const card = await world.card(hiring.id, 'Grace Hopper');
    const before = structuredClone(liveInvite()!);
    // A double click asks once.
    await Promise.all([rita.clicks(card, 'Reschedule'), rita.clicks(card, 'Reschedule')]);
    const proposal = await world.message(hiring.id, /New times for Grace Hopper: Intro call/);
    await world.settled();
    expect(world.messagesIn(hiring.id).filter((m) => /New times for Grace Hopper/.test(m.text))).toHaveLength(1);
    expect(textOf(proposal)).toMatch(/stays booked until the candidate picks/);
    const seen = grace.inbox().length;
    await rita.clicks(proposal, 'Approve all');
    expect((await grace.receives(seen)).text).toMatch(/^1\. /m);
    await grace.replies('Option 1, thanks.');
    expect((await grace.receives(seen + 1)).text).toMatch(/You are booked/);
    await world.settled();
    expect(liveInvite()!.id).toBe(before.id);
    expect(liveInvite()!.start.dateTime).not.toBe(before.start.dateTime);
  });

  it('the team cancels it from the card: the invitation is withdrawn and new times are proposed', async () => {
    const card = await world.card(hiring.id, 'Grace Hopper');
    const invite = liveInvite()!;
    const mark = world.mark();
    await rita.clicks(card, 'Cancel interview');
    await world.cardSays(hiring.id, 'Grace Hopper', /Stage\nScheduling \(step 1 of 2\)/);
    await world.settled();
    expect(world.google.events.get(invite.id)?.status).toBe('cancelled');
    await world.message(hiring.id, /^Times for Grace Hopper: Intro call/, { since: mark });
    expect(await world.problems()).toEqual([]);
  });
});
