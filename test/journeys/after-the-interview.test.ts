import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { acme, applies, booksFirstInterview, firstDay } from './support/acme.js';
import { hasButton, textOf } from './support/slack-surface.js';
import type { View } from './support/slack-person.js';
import { useWorld } from './support/world.js';

// After the interview (issue 17's journey, from a booked interview): reminders the day before;
// then each interviewer is asked for a scorecard by direct message; scorecards
// stay independent until submitted; a late one is chased on business mornings in its writer's
// own zone, then the recruiter is told; once all are in, the debrief goes to the card's thread
// and the hiring manager decides there, which starts the next step's scheduling.
const world = useWorld();
const team = acme(world);
const { rita, hugo, bea, carl, hiring } = team;
const grace = world.candidate('Grace Hopper', 'grace.hopper@example.org');

const invite = () => world.google.eventsWith(grace.email).find((e) => e.status !== 'cancelled')!;

/** 09:00 on the first weekday after `after`, in `zone`: a business morning there. */
function nextMorning(after: Date, zone: string): Date {
  let day = DateTime.fromJSDate(after, { zone }).plus({ days: 1 }).startOf('day');
  while (day.weekday > 5) day = day.plus({ days: 1 });
  return day.set({ hour: 9 }).toJSDate();
}
const minutes = (at: Date, n: number) => new Date(at.getTime() + n * 60_000).toISOString();

/** A scorecard's ratings as a person picks them: by the competency's name (the field's label). */
function rated(modal: View, byName: Record<string, string>): Record<string, string> {
  const fields = (modal.blocks ?? []).filter((b) => b.type === 'input');
  return Object.fromEntries(
    Object.entries(byName).map(([name, choice]) => {
      const field = fields.find((b) => b.label?.text === name);
      if (!field) throw new Error(`the scorecard has no competency ${name}`);
      return [field.block_id, choice];
    }),
  );
}

describe('after the interview: scorecards, chasing, the debrief and the decision', () => {
  it('sets up: the intro call is a panel of Bea and Carl assessing two competencies, and it is booked', async () => {
    await firstDay(world, team, {
      role: {
        stage_0_needed: 'The whole pool (panel)',
        stage_0_competencies: 'System design: trade-offs said out loud\nSQL: joins and indexes without notes',
      },
    });
    await applies(world, team, grace);
    await booksFirstInterview(world, team, grace);
    const attendees = invite().attendees?.map((a) => a.email);
    expect(attendees?.sort()).toEqual([bea.email, carl.email, grace.email].sort());
  });

  it('reminds Bea and Carl the day before, each in their own zone, with what the step should find out', async () => {
    await world.clock.advance(minutes(new Date(invite().start.dateTime), -24 * 60));
    for (const [person, zone] of [
      [bea, 'Europe/Berlin'],
      [carl, 'Europe/Madrid'],
    ] as const) {
      const reminder = textOf(await world.dm(person, /Intro call with Grace Hopper/));
      expect(reminder).toContain(`(${zone}, UTC+1)`);
      expect(reminder).toMatch(/System design[\s\S]*trade-offs said out loud/);
    }
  });

  it('asks each interviewer for a scorecard by direct message once the interview has ended', async () => {
    const end = new Date(invite().end.dateTime);
    await world.clock.advance(minutes(end, 1));
    await world.cardSays(hiring.id, 'Grace Hopper', /Interviewed \(step 1 of 2\)/);
    await world.cardSays(hiring.id, 'Grace Hopper', /Scorecards: 0 of 2 in/);
    for (const person of [bea, carl]) {
      const ask = await world.dm(person, /Your scorecard: Grace Hopper · Intro call · Backend Engineer/);
      expect(hasButton(ask, 'Write scorecard')).toBe(true);
    }
    // Bea's time is written in her zone, named in full.
    expect(textOf(await world.dm(bea, /Your scorecard/))).toMatch(/\(Europe\/Berlin\)/);
    const home = await bea.opensHome();
    expect(textOf(home)).toMatch(/Scorecards I owe[\s\S]*Grace Hopper · Backend Engineer \(Intro call\)/);
  });

  it('keeps a draft that only its writer sees, and refuses a scorecard without a recommendation', async () => {
    const ask = await world.dm(carl, /Your scorecard: Grace Hopper/);
    const modal = await (await carl.clicks(ask, 'Write scorecard')).modal();
    expect((await carl.submits(modal, { notes: 'Clear on SQL.' })).errors).toMatchObject({
      recommendation: expect.stringMatching(/would hire/i),
    });
    await carl.clicksIn(modal, 'Save draft', { notes: 'Clear on SQL and indexing; asked good questions.' });
    await world.settled();
    expect(textOf(world.view(modal.id))).toMatch(/Draft saved/);
    expect(textOf(await world.dm(carl, /Draft saved; not submitted yet/))).toMatch(/\[Continue your draft\]/);
    // Bea cannot open Carl's.
    const someoneElses = await (await bea.clicks(ask, 'Continue your draft')).modal();
    expect(textOf(someoneElses)).toMatch(/someone else’s/);
  });

  it('Carl submits; Bea, who has not, cannot read his, while the hiring manager can', async () => {
    const ask = await world.dm(carl, /Your scorecard: Grace Hopper/);
    const modal = await (await carl.clicks(ask, 'Continue your draft')).modal();
    expect(textOf(modal)).toMatch(/Clear on SQL and indexing/);
    const [design, sql] = Object.keys(rated(modal, { 'System design': 'Not assessed', SQL: 'Not assessed' }));
    expect((await carl.submits(modal, { recommendation: 'Strong yes' })).errors).toEqual({
      [design!]: expect.stringMatching(/Rate System design/),
      [sql!]: expect.stringMatching(/Rate SQL/),
    });
    const ratings = rated(modal, { 'System design': '4 · Above the bar', SQL: '4 · Above the bar' });
    expect((await carl.submits(modal, { ...ratings, recommendation: 'Strong yes' })).errors).toBeUndefined();
    const card = await world.card(hiring.id, 'Grace Hopper');
    await world.message(hiring.id, /<@U0CARL> submitted a scorecard for Intro call \(1 of 2 in\)/, { thread: card.ts });
    await world.cardSays(hiring.id, 'Grace Hopper', /Scorecards: 1 of 2 in/);
    expect(textOf(await world.dm(carl, /Submitted: \*?Strong yes/))).toMatch(/\[Read the panel’s scorecards\]/);

    const beaSees = await (await bea.clicks(card, 'View details')).text();
    expect(beaSees).toMatch(/1 more hidden\. Submit your own scorecard/);
    expect(beaSees).not.toMatch(/Strong yes/);
    const hugoSees = await (await hugo.clicks(card, 'View details')).text();
    expect(hugoSees).toMatch(/Carl Interviewer · Intro call: Strong yes/);
    const full = await (
      await hugo.clicks(await hugo.clicks(card, 'View details').then((i) => i.reply()), 'Read them')
    ).modal();
    expect(textOf(full)).toMatch(/Clear on SQL and indexing/);
  });

  it('chases Bea, late, on business mornings in her own zone (now New York), then tells Rita', async () => {
    await bea.movesTo('America/New_York');
    await world.settled();
    const end = new Date(invite().end.dateTime);
    const since = world.mark();
    await world.clock.advance(minutes(end, 61));
    expect(textOf(await world.dm(bea, /Reminder: your scorecard for Grace Hopper/, { since }))).toMatch(
      /\[Write scorecard\]/,
    );
    // Not before nine in New York on the next weekday, then then.
    let morning = nextMorning(end, 'America/New_York');
    for (let n = 2; n <= 3; n++) {
      const before = world.slack.dmsTo(bea.slackId).length;
      await world.clock.advance(minutes(morning, -10));
      expect(world.slack.dmsTo(bea.slackId)).toHaveLength(before);
      await world.clock.advance(minutes(morning, 1));
      await eventuallyMore(() => world.slack.dmsTo(bea.slackId).length, before);
      morning = nextMorning(morning, 'America/New_York');
    }
    // Three reminders in all (the role's default): the next morning Rita hears instead.
    const beaHad = world.slack.dmsTo(bea.slackId).length;
    await world.clock.advance(minutes(morning, 1));
    const told = await world.dm(rita, /has not written their scorecard for Grace Hopper/);
    expect(textOf(told)).toMatch(/<@U0BEA>[\s\S]*after 3 reminders/);
    expect(world.slack.dmsTo(bea.slackId)).toHaveLength(beaHad);
    expect(hasButton(told, 'Hold the debrief without it')).toBe(true);
    await world.clock.advance('2 business days');
    expect(world.slack.dmsTo(bea.slackId)).toHaveLength(beaHad);
    // The debrief waits for her: nobody reads the panel's views before hers is in.
    const card = await world.card(hiring.id, 'Grace Hopper');
    expect(world.messagesIn(hiring.id, { thread: card.ts }).some((m) => /Debrief/.test(textOf(m)))).toBe(false);
  });

  it('Rita holds the debrief without Bea’s: the thread says who is in; only those allowed read the rest', async () => {
    await rita.clicks(await world.dm(rita, /has not written their scorecard/), 'Hold the debrief without it');
    const card = await world.card(hiring.id, 'Grace Hopper');
    const early = await world.message(hiring.id, /Debrief: Grace Hopper · Intro call/, { thread: card.ts });
    expect(textOf(early)).toMatch(/1 of 2 scorecards in\.[\s\S]*once Bea Interviewer has submitted/);
    expect(textOf(early)).not.toMatch(/Strong yes|Clear on SQL|Synthesis/);
    expect(textOf(await (await bea.clicks(early, 'Read the debrief')).modal())).toMatch(/Not yet/);
    const forHugo = textOf(await (await hugo.clicks(early, 'Read the debrief')).modal());
    expect(forHugo).toMatch(/Carl Interviewer: Strong yes[\s\S]*Bea Interviewer: not in/);
  });

  it('Bea submits: now she reads Carl’s; the debrief goes to the thread with the split marked', async () => {
    const ask = await world.dm(bea, /Your scorecard: Grace Hopper/);
    const modal = await (await bea.clicks(ask, 'Write scorecard')).modal();
    const ratings = rated(modal, { 'System design': '2 · Mixed', SQL: 'Not assessed' });
    const notes = 'Struggled <!channel> with the system design part.';
    expect((await bea.submits(modal, { ...ratings, recommendation: 'No', notes })).errors).toBeUndefined();
    const submitted = await world.dm(bea, /Submitted: \*?No/);
    const panel = await (await bea.clicks(submitted, 'Read the panel’s scorecards')).modal();
    expect(textOf(panel)).toMatch(/Carl Interviewer[\s\S]*Strong yes[\s\S]*Clear on SQL/);
    expect(textOf(await world.dm(rita, /scorecard for Grace Hopper/))).toMatch(/has come in/);
    expect(textOf(await bea.opensHome())).toMatch(/Scorecards I owe\s+all caught up/);

    const card = await world.card(hiring.id, 'Grace Hopper');
    // In full now, and the synthesis made again with her notes.
    const debrief = await world.message(hiring.id, /Debrief: Grace Hopper · Intro call[\s\S]*Bea Interviewer noted/, {
      thread: card.ts,
    });
    const said = textOf(debrief);
    expect(said).toMatch(/Recommendations\*? \(2 of 2 in\)/);
    expect(said).toMatch(/Carl Interviewer: \*?Strong yes/);
    expect(said).toMatch(/Bea Interviewer: \*?No/);
    expect(said).toMatch(/The panel is split/);
    expect(said).toMatch(
      /System design {2}:warning: 2\+ points apart\nCarl Interviewer: 4 above · Bea Interviewer: 2 mixed/,
    );
    expect(said).toMatch(/SQL\nCarl Interviewer: 4 above · Bea Interviewer: n\/a/);
    expect(said).toMatch(/Synthesis by Claude[\s\S]*Bea Interviewer noted: Struggled/);
    // Her words reach Slack as text, never as a mention of the whole channel.
    expect(JSON.stringify(debrief.blocks)).not.toContain('<!channel>');
    await world.cardSays(hiring.id, 'Grace Hopper', /Debrief in the thread/);
  });

  it('the hiring manager advances from the debrief: the next step’s scheduling starts', async () => {
    const card = await world.card(hiring.id, 'Grace Hopper');
    const debrief = await world.message(hiring.id, /Debrief: Grace Hopper/, { thread: card.ts });
    await hugo.clicks(debrief, 'Schedule: Technical interview');
    await world.message(hiring.id, /Times for Grace Hopper: Technical interview/);
    await world.cardSays(hiring.id, 'Grace Hopper', /Stage\nScheduling \(step 2 of 2\)/);
    const decided = await world.message(
      hiring.id,
      /Debrief: Grace Hopper[\s\S]*Decided: the candidate is now at Scheduling \(step 2 of 2\)/,
      { thread: card.ts },
    );
    expect(hasButton(decided, 'Reject')).toBe(false);
    expect(await world.problems()).toEqual([]);
  });
});

async function eventuallyMore(count: () => number, than: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (count() <= than) {
    if (Date.now() > deadline) throw new Error(`no new direct message (still ${count()})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
