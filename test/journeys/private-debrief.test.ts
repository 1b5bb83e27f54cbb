import { describe, expect, it } from 'vitest';
import { eventually } from '../setup/workers.js';
import { acme, applies, booksFirstInterview, firstDay } from './support/acme.js';
import { hasButton, textOf } from './support/slack-surface.js';
import { useWorld } from './support/world.js';

// A role that keeps interview notes out of its channel and wants a debrief meeting: the
// debrief goes to the hiring manager and the recruiter by direct message, the thread hears only
// that it is done, a meeting for the interviewer and the hiring manager lands on the calendar;
// the hiring manager holds, then rejects, and the debrief says so.
const world = useWorld();
const team = acme(world);
const { rita, hugo, bea, carl, hiring } = team;
const ada = world.candidate('Ada Lovelace', 'ada.lovelace@example.org');

const invite = () => world.google.eventsWith(ada.email).find((e) => e.status !== 'cancelled')!;

describe('a debrief kept out of the channel, with a meeting', () => {
  it('sets up: a role with notes kept private and a debrief meeting; Ada’s intro call is held', async () => {
    await firstDay(world, team, { role: { debrief_options: ['private', 'meeting'] } });
    await applies(world, team, ada);
    await booksFirstInterview(world, team, ada);
    const end = new Date(invite().end.dateTime);
    await world.clock.advance(new Date(end.getTime() + 60_000).toISOString());
    await world.cardSays(hiring.id, 'Ada Lovelace', /Scorecards: 0 of 1 in/);
  });

  it('the debrief goes privately to Hugo and Rita; the channel hears no notes', async () => {
    const interviewer = [bea, carl].find((p) => p.dms().some((m) => /Your scorecard: Ada Lovelace/.test(textOf(m))))!;
    const ask = await world.dm(interviewer, /Your scorecard: Ada Lovelace/);
    const modal = await (await interviewer.clicks(ask, 'Write scorecard')).modal();
    const notes = 'Quiet at first; her answer on concurrency was the best I have heard this year.';
    expect((await interviewer.submits(modal, { recommendation: 'Strong yes', notes })).errors).toBeUndefined();

    for (const person of [hugo, rita]) {
      const debrief = textOf(await world.dm(person, /Debrief: Ada Lovelace · Intro call/));
      expect(debrief).toMatch(/Strong yes/);
      expect(debrief).toMatch(/Synthesis by Claude[\s\S]*best I have heard/);
    }
    await world.settled();
    const card = await world.card(hiring.id, 'Ada Lovelace');
    const channel = world.messagesIn(hiring.id).map(textOf).join('\n');
    expect(channel).not.toContain('concurrency');
    expect(channel).not.toMatch(/Debrief: Ada/);
    await world.message(hiring.id, /submitted a scorecard for Intro call \(1 of 1 in\)/, { thread: card.ts });
  });

  it('books a 30-minute debrief for the interviewer and the hiring manager, with no notes in it', async () => {
    const meeting = await eventually(async () =>
      [...world.google.events.values()].find((e) => /^Debrief: Ada/.test(String(e.summary ?? ''))),
    );
    const people = meeting.attendees?.map((a) => a.email).sort();
    expect(people).toHaveLength(2);
    expect(people).toContain(hugo.email);
    expect(people).not.toContain(ada.email);
    expect(Date.parse(meeting.end.dateTime) - Date.parse(meeting.start.dateTime)).toBe(30 * 60_000);
    expect(JSON.stringify(meeting)).not.toContain('concurrency');
    expect(textOf(await world.dm(hugo, /Debrief: Ada Lovelace/))).toMatch(/Debrief meeting: .*invitations sent/);
  });

  it('Hugo holds, then rejects from the debrief; each is said where it happened', async () => {
    const debrief = await world.dm(hugo, /Debrief: Ada Lovelace/);
    await hugo.clicks(debrief, 'Hold');
    await world.cardSays(hiring.id, 'Ada Lovelace', /On hold after the debrief/);
    expect(textOf(await world.dm(hugo, /On hold, by <@U0HUGO>/))).not.toMatch(/\[Hold\]/);

    const modal = await (await hugo.clicks(await world.dm(hugo, /Debrief: Ada/), 'Reject')).modal();
    expect((await hugo.submits(modal, { reason: 'Another candidate went further.' })).errors).toBeUndefined();
    await world.cardSays(hiring.id, 'Ada Lovelace', /Stage\nRejected/);
    for (const person of [hugo, rita]) {
      const decided = await world.dm(person, /Decided: the candidate is now at Rejected/);
      expect(hasButton(decided, 'Reject')).toBe(false);
    }
    expect(await world.problems()).toEqual([]);
  });
});
