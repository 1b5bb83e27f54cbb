import { describe, expect, it } from 'vitest';
import { acme, applies, booksFirstInterview, firstDay, offersFirstTimes } from './support/acme.js';
import { textOf } from './support/slack-surface.js';
import { useWorld } from './support/world.js';

// Rejecting a candidate undoes what is in flight, from any stage: the interview and its
// invitation, the interviewers' time, the agent and its follow-ups. The candidate hears once,
// in the words the team chose.
const world = useWorld();
const team = acme(world);
const { rita, bea, hiring } = team;
const grace = world.candidate('Grace Hopper', 'grace.hopper@example.org');
const alan = world.candidate('Alan Turing', 'alan.turing@example.org');
const edsger = world.candidate('Edsger Dijkstra', 'edsger@example.org');

async function reject(name: string, template?: string) {
  const card = await world.card(hiring.id, name);
  const modal = await (await rita.clicks(card, 'Reject')).modal();
  const submitted = await rita.submits(modal, {
    reason: 'Not enough Postgres for this role.',
    ...(template ? { email: template } : {}),
  });
  expect(submitted.errors).toBeUndefined();
  await world.cardSays(hiring.id, name, /Stage\nRejected/);
}

describe('rejecting a candidate who is being scheduled', () => {
  it(
    'sets up: Acme’s first day; Grace is offered times; Alan’s first interview is booked; Edsger’s times wait for ' +
      'approval',
    async () => {
      await firstDay(world, team);
      await applies(world, team, grace);
      await applies(world, team, alan);
      await applies(world, team, edsger);
      await offersFirstTimes(world, team, grace);
      await booksFirstInterview(world, team, alan);
      const card = await world.card(hiring.id, 'Edsger Dijkstra');
      await team.hugo.clicks(card, 'Advance to screening');
      await world.cardSays(hiring.id, 'Edsger Dijkstra', /Stage\nScreening/);
      await team.hugo.clicks(card, 'Schedule: Intro call');
      await world.message(hiring.id, /Times for Edsger Dijkstra: Intro call/);
    },
  );

  it('cancels Alan’s booked interview: the invitation is withdrawn and the interviewer is free again', async () => {
    const [invite] = world.google.eventsWith(alan.email);
    expect(invite).toBeDefined();
    const interviewer = invite!.attendees!.find((a) => a.email !== alan.email)!.email;
    const before = alan.inbox().length;
    await reject('Alan Turing');
    await world.settled();
    expect(world.google.events.get(invite!.id)?.status).toBe('cancelled');
    expect(
      world.google.eventCalls
        .filter((c) => c.eventId === invite!.id && c.method === 'delete')
        .map((c) => c.sendUpdates),
    ).toEqual(['all']);
    expect(world.google.eventsWith(alan.email)).toEqual([]);
    const who = interviewer === bea.email ? bea : team.carl;
    expect(await (await who.runs('/interviews')).text()).not.toMatch(/Alan Turing/);
    expect(alan.inbox()).toHaveLength(before);
  });
  it('Edsger’s times waiting for approval can no longer be approved: the message says why', async () => {
    const proposal = await world.message(hiring.id, /Times for Edsger Dijkstra: Intro call/);
    await reject('Edsger Dijkstra');
    await world.settled();
    expect(textOf(proposal)).toMatch(/no longer needed: the candidate was rejected/);
    expect(textOf(proposal)).not.toMatch(/\[Approve all\]/);
    expect(edsger.inbox()).toEqual([]);
  });

  it(
    'stops the agent: three business days later nobody nudges Grace, ' + 'and she hears only the team’s one email',
    async () => {
      const before = grace.inbox().length;
      await reject('Grace Hopper', 'Standard: not moving forward');
      const rejection = await grace.receives(before);
      expect(rejection.text).toMatch(/decided not to move forward/);
      expect(rejection.text).toMatch(/Kind regards,\nThe Acme hiring team/);
      expect(rejection.text).not.toMatch(/Postgres/);
      await world.clock.advance('3 business days');
      await world.clock.advance('3 business days');
      expect(grace.inbox()).toHaveLength(before + 1);
      expect(alan.inbox().at(-1)?.text).toMatch(/You are booked/);
      expect(await world.problems()).toEqual([]);
    },
  );
});
