import { describe, expect, it } from 'vitest';
import { acme, applies, booksFirstInterview, firstDay } from './support/acme.js';
import { textOf } from './support/slack-surface.js';
import { useWorld } from './support/world.js';

// An offer nobody answers: after its expiry Justin reminds the candidate twice, on her business
// days, then hands over to the recruiter. Then she declines by email, the team confirms with her
// reason, and the application closes; the reason is kept. Meanwhile a question about pay sent
// to the scheduling agent is never answered by it.
const world = useWorld();
const team = acme(world);
const { rita, hugo, bea, carl, hiring } = team;
const grace = world.candidate('Grace Hopper', 'grace.hopper@example.org');

const invite = () => world.google.eventsWith(grace.email).find((e) => e.status !== 'cancelled')!;
const at = (iso: string) => world.clock.advance(iso);

describe('an offer left unanswered, then declined', () => {
  it('sets up: one step; the scheduling agent hands a question about pay to the team', async () => {
    await firstDay(world, team, {
      role: { stage_1_name: '', stage_1_pool: [], stage_1_duration: null, stage_1_kind: null, stage_1_needed: null },
    });
    await applies(world, team, grace);
    await booksFirstInterview(world, team, grace);
    const seen = grace.inbox().length;
    await grace.replies('Before we meet: what is the salary range for this role?');
    const card = await world.card(hiring.id, 'Grace Hopper');
    await world.message(hiring.id, /Justin handed Grace Hopper over to the team[\s\S]*pay or an offer/, {
      thread: card.ts,
    });
    await world.settled();
    expect(grace.inbox()).toHaveLength(seen);
  });

  it('after the interview and its scorecard, Hugo (the only approver) approves and Rita sends', async () => {
    await at(new Date(Date.parse(invite().end.dateTime) + 60_000).toISOString());
    const interviewer = [bea, carl].find((p) => p.dms().some((m) => /Your scorecard: Grace Hopper/.test(textOf(m))))!;
    const modal = await (
      await interviewer.clicks(await world.dm(interviewer, /Your scorecard/), 'Write scorecard')
    ).modal();
    await interviewer.submits(modal, { recommendation: 'Yes' });
    const card = await world.card(hiring.id, 'Grace Hopper');
    await hugo.clicks(await world.message(hiring.id, /Debrief: Grace Hopper/, { thread: card.ts }), 'Advance to offer');
    const form = await (
      await rita.clicks(await world.cardSays(hiring.id, 'Grace Hopper', /\[Make offer\]/), 'Make offer')
    ).modal();
    // Open until Friday 12 March. Grace never said where she is: her days are the hiring manager's (London).
    const drafted = await rita.submits(form, {
      base_salary: '88000',
      currency: 'EUR',
      start_date: '2027-04-01',
      expiry_date: '2027-03-12',
    });
    expect(drafted.errors).toBeUndefined();
    await hugo.clicks(await world.dm(hugo, /Offer for Grace Hopper/), 'Approve');
    const seen = grace.inbox().length;
    await rita.clicks(await world.dm(rita, /ready to send/), 'Send offer');
    expect((await grace.receives(seen)).text).toMatch(/88,000 EUR/);
  });

  it('after its expiry: a reminder on her next business day, another two business days later, then Rita', async () => {
    const seen = grace.inbox().length;
    // Expiry is the end of Friday 12 March in London (midnight UTC); nothing before.
    await at('2027-03-12T23:30:00Z');
    await world.settled();
    expect(grace.inbox()).toHaveLength(seen);
    // The chase is due then, and the email waits for her weekday hours: Monday 15 March, 09:00 in London.
    await at('2027-03-13T00:05:00Z');
    await at('2027-03-15T08:55:00Z');
    expect(grace.inbox()).toHaveLength(seen);
    await at('2027-03-15T09:05:00Z');
    const first = await grace.receives(seen);
    expect(first.text).toMatch(/not heard from you about our offer/);
    expect(first.text).toMatch(/open until Friday 12 March 2027/);
    // Two of her business days later: Wednesday 10:00 in London; then Friday, Rita.
    await at('2027-03-17T09:55:00Z');
    expect(grace.inbox()).toHaveLength(seen + 1);
    await at('2027-03-17T10:05:00Z');
    await grace.receives(seen + 1);
    await at('2027-03-19T10:05:00Z');
    const told = textOf(await world.dm(rita, /Unanswered after its expiry and two reminders/));
    expect(told).toMatch(/a person should call/);
    await at('2027-03-24T10:05:00Z');
    expect(grace.inbox()).toHaveLength(seen + 2);
  });

  it('she declines by email; the team confirms her reason; the application closes and the reason is kept', async () => {
    await grace.replies('Thank you, but I decline the offer because I accepted a role closer to home.');
    const card = await world.card(hiring.id, 'Grace Hopper');
    const question = await world.message(hiring.id, /replied to the offer and seems to decline/, { thread: card.ts });
    // Her words stay out of the channel; the reason Justin read is in the form, to confirm or correct.
    expect(textOf(question)).not.toMatch(/closer to home/);
    const modal = await (await rita.clicks(question, 'Declined')).modal();
    expect(textOf(modal)).toMatch(/Why they declined\nI accepted a role closer to home/);
    expect((await rita.submits(modal, { reason: 'Accepted a role closer to home.' })).errors).toBeUndefined();
    await world.cardSays(hiring.id, 'Grace Hopper', /Stage\nWithdrawn/);
    const line = await world.message(hiring.id, /Offer for Grace Hopper[\s\S]*Declined\./, { thread: card.ts });
    expect(textOf(line)).not.toMatch(/closer to home/);
    const view = await (await rita.clicks(line, 'View offer')).modal();
    expect(textOf(view)).toMatch(/Declined: Accepted a role closer to home\./);
    expect(await world.problems()).toEqual([]);
  });
});
