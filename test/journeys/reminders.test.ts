import { describe, expect, it } from 'vitest';
import type { FakeMessage } from '../fakes/slack-api.js';
import { eventually } from '../setup/workers.js';
import { acme, applies, booksFirstInterview, firstDay } from './support/acme.js';
import type { Person } from './support/slack-person.js';
import { hasButton, textOf } from './support/slack-surface.js';
import { useWorld } from './support/world.js';

// Before an interview, each interviewer gets a direct message: when, in their own zone, who,
// what the step should find out, who else is on the panel, the Meet link, and the candidate's
// details a click away. The role says when (here: the defaults, 24 hours and 15 minutes
// before). Moved or cancelled, the same message says so.
const world = useWorld();
const team = acme(world);
const { rita, bea, carl, hugo, hiring } = team;
const grace = world.candidate('Grace Hopper', 'grace.hopper@example.org');

const invite = () => world.google.eventsWith(grace.email).find((e) => e.status !== 'cancelled')!;
const minutesBefore = (iso: string, minutes: number) => new Date(Date.parse(iso) - minutes * 60_000).toISOString();
/** The reminders a person has had, as they look now. */
const reminders = (person: Person) => person.dms().filter((m) => /Intro call with Grace Hopper/.test(textOf(m)));
async function reminded(person: Person, n: number): Promise<FakeMessage[]> {
  return eventually(async () => (reminders(person).length >= n ? reminders(person) : undefined)).catch(() => {
    throw new Error(`${person.name} has ${reminders(person).length} reminders, not ${n}:\n${person.dms().map(textOf)}`);
  });
}
const startsAt = () => new Date(invite().start.dateTime).toISOString();

describe('reminders before an interview', () => {
  it('sets up: the intro call is Bea and Carl as a panel, with what it should find out; Grace is booked', async () => {
    await firstDay(world, team, {
      role: {
        stage_0_needed: 'The whole pool (panel)',
        stage_0_competencies:
          'Motivation: knows why this role, and says it plainly\nCommunication: explains a past project to a newcomer',
      },
    });
    const opened = await world.message(hiring.id, /Backend Engineer is open/);
    expect(textOf(opened)).toContain('Finds out: Motivation, Communication');
    await applies(world, team, grace);
    await booksFirstInterview(world, team, grace);
    await world.settled();
    expect(reminders(bea)).toEqual([]);
  });

  it('a day before, Bea and Carl each get a direct message, the time in their own zone', async () => {
    // Grace chose Wednesday 3 March, 08:00 UTC: 09:00 for Bea in Berlin and for Carl in Madrid.
    const start = startsAt();
    expect(start).toBe('2027-03-03T08:00:00.000Z');
    await world.clock.advance(minutesBefore(start, 24 * 60 + 1));
    expect(reminders(bea)).toEqual([]);
    await world.clock.tick();
    const [toBea] = await reminded(bea, 1);
    const [toCarl] = await reminded(carl, 1);
    const link = invite().hangoutLink!.replace('https://', '');
    expect(textOf(toBea)).toBe(
      [
        'Intro call with Grace Hopper · Backend Engineer',
        'When: Wednesday 3 March 2027, 09:00–09:30 (Europe/Berlin, UTC+1)',
        `Join: ${link}`,
        `Also on the panel: <@${carl.slackId}>`,
        'What this step should find out',
        '• Motivation: knows why this role, and says it plainly',
        '• Communication: explains a past project to a newcomer',
        '[Candidate details]',
      ].join('\n'),
    );
    expect(textOf(toCarl)).toContain('When: Wednesday 3 March 2027, 09:00–09:30 (Europe/Madrid, UTC+1)');
    expect(textOf(toCarl)).toContain(`Also on the panel: <@${bea.slackId}>`);
    // Only the interviewers.
    expect(hugo.dms().filter((m) => /Grace Hopper/.test(textOf(m)))).toEqual([]);
    expect(rita.dms().filter((m) => /Grace Hopper/.test(textOf(m)))).toEqual([]);
  });

  it('Bea asks for the candidate’s details from the reminder: privately, with the CV’s text', async () => {
    const [toBea] = reminders(bea);
    const answer = await (await bea.clicks(toBea!, 'Candidate details')).reply();
    expect(answer.ephemeral).toBe(true);
    expect(textOf(answer)).toMatch(/^Grace Hopper · Backend Engineer/);
    expect(textOf(answer)).toContain('TypeScript, Postgres, distributed systems');
  });

  it('the team moves the interview: the same message now says the new time, and no second one comes', async () => {
    const [toBea] = reminders(bea);
    const ts = toBea!.ts;
    const card = await world.card(hiring.id, 'Grace Hopper');
    await rita.clicks(card, 'Reschedule');
    const proposal = await world.message(hiring.id, /New times for Grace Hopper: Intro call/);
    const seen = grace.inbox().length;
    await rita.clicks(proposal, 'Approve all');
    expect((await grace.receives(seen)).text).toMatch(/^1\. /m);
    await grace.replies('Option 1, thanks.');
    expect((await grace.receives(seen + 1)).text).toMatch(/You are booked/);
    await world.settled();
    // Option 1 of the new round: an hour later the same day.
    const start = startsAt();
    expect(start).toBe('2027-03-03T09:00:00.000Z');
    expect(reminders(bea).map((m) => m.ts)).toEqual([ts]);
    expect(textOf(reminders(bea)[0])).toContain('When: Wednesday 3 March 2027, 10:00–10:30 (Europe/Berlin, UTC+1)');
    expect(textOf(reminders(carl)[0])).toContain('When: Wednesday 3 March 2027, 10:00–10:30 (Europe/Madrid, UTC+1)');

    // A day before the new time: that is the message they already have.
    await world.clock.advance(minutesBefore(start, 24 * 60));
    expect(reminders(bea)).toHaveLength(1);
    // Fifteen minutes before, the last one.
    await world.clock.advance(minutesBefore(start, 15));
    const [, fifteen] = await reminded(bea, 2);
    expect(textOf(fifteen)).toContain('When: Wednesday 3 March 2027, 10:00–10:30 (Europe/Berlin, UTC+1)');
    expect(hasButton(fifteen, 'Candidate details')).toBe(true);
    await reminded(carl, 2);
  });

  it('the team cancels it from the card: every reminder says “Cancelled” and loses its button', async () => {
    const card = await world.card(hiring.id, 'Grace Hopper');
    await rita.clicks(card, 'Cancel interview');
    await world.cardSays(hiring.id, 'Grace Hopper', /Stage\nScheduling \(step 1 of 2\)/);
    await world.settled();
    for (const person of [bea, carl]) {
      const all = reminders(person);
      expect(all).toHaveLength(2);
      for (const message of all) {
        expect(textOf(message)).toMatch(
          /^Cancelled: Intro call with Grace Hopper \(Backend Engineer\), which was Wednesday 3 March 2027, 10:00/,
        );
        expect(hasButton(message, 'Candidate details')).toBe(false);
      }
    }
    expect(await world.problems()).toEqual([]);
  });
});
