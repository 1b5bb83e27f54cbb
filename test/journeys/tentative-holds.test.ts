import { describe, expect, it } from 'vitest';
import type { FakeEvent } from '../fakes/google-api.js';
import { acme, applies, firstDay } from './support/acme.js';
import { useWorld } from './support/world.js';

// A role that holds proposed times: while the team and the candidate decide, each proposed
// time is a tentative event on the interviewer's calendar (no invitation mail), busy for
// other candidates' proposals; when the candidate picks one, the holds go and the booking's
// own event stays.
const world = useWorld();
const team = acme(world);
const { hugo, rita, bea, carl, hiring } = team;
const grace = world.candidate('Grace Hopper', 'grace.hopper@example.org');
const alan = world.candidate('Alan Turing', 'alan.turing@example.org');

const holds = () => [...world.google.events.values()].filter((e) => /^Held: /.test(String(e.summary)));
const live = (events: FakeEvent[]) => events.filter((e) => e.status !== 'cancelled');
const overlaps = (a: { start: string; end: string }, b: { start: string; end: string }) =>
  Date.parse(a.start) < Date.parse(b.end) && Date.parse(b.start) < Date.parse(a.end);

async function proposeFor(name: string) {
  const card = await world.card(hiring.id, name);
  await hugo.clicks(card, 'Advance to screening');
  await world.cardSays(hiring.id, name, /Stage\nScreening/);
  const mark = world.mark();
  await hugo.clicks(card, 'Schedule: Intro call');
  return world.message(hiring.id, new RegExp(`Times for ${name}: Intro call`), { since: mark });
}

describe('holding proposed times on the interviewers’ calendars', () => {
  it('sets up: a role that holds proposed times; Carl is away for three weeks, so every time is Bea’s', async () => {
    await firstDay(world, team, { holdProposedSlots: true });
    world.google.addBusy(carl.email, '2027-03-01T00:00:00Z', '2027-03-22T00:00:00Z');
    await applies(world, team, grace);
    await applies(world, team, alan);
  });

  it('holds each proposed time as a tentative event, with no invitation sent', async () => {
    await proposeFor('Grace Hopper');
    await world.settled();
    const held = live(holds());
    expect(held).toHaveLength(5);
    for (const hold of held) {
      expect(hold.status).toBe('tentative');
      expect(hold.attendees?.map((a) => a.email)).toEqual([bea.email]);
      expect(JSON.stringify(hold)).not.toContain('Grace');
    }
    expect(
      world.google.eventCalls.filter((c) => held.some((h) => h.id === c.eventId)).map((c) => c.sendUpdates),
    ).toEqual(held.map(() => 'none'));
  });

  it('another candidate is not proposed the held times', async () => {
    const graces = live(holds());
    await proposeFor('Alan Turing');
    await world.settled();
    const span = (e: FakeEvent) => ({ start: e.start.dateTime, end: e.end.dateTime });
    const alans = live(holds()).filter((h) => !graces.some((g) => g.id === h.id));
    expect(alans).toHaveLength(5);
    for (const time of alans) expect(graces.some((g) => overlaps(span(g), span(time)))).toBe(false);
  });

  it('releases them when the candidate picks one: the booking takes its place', async () => {
    const proposal = await world.message(hiring.id, /Times for Grace Hopper: Intro call/, { since: 0 });
    await rita.clicks(proposal, 'Approve all');
    await grace.receives(0);
    await grace.replies('Option 2 please.');
    expect((await grace.receives(1)).text).toMatch(/You are booked/);
    await world.settled();
    const [booking] = world.google.eventsWith(grace.email);
    expect(booking?.status).not.toBe('tentative');
    // Only Alan's five holds are left, and none at Grace's time.
    expect(live(holds())).toHaveLength(5);
    expect(live(holds()).some((h) => h.start.dateTime === booking!.start.dateTime)).toBe(false);
    expect(await world.problems()).toEqual([]);
  });
});
