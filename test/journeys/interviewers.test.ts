import { describe, expect, it } from 'vitest';
import { acme, applies, firstDay } from './support/acme.js';
import { textOf } from './support/slack-surface.js';
import { useWorld } from './support/world.js';

// Interviewers come from Slack: whoever is named gets their email, time zone and calendar from
// Slack, keeps their own hours in "My interviewing settings", and is told (with their roles'
// recruiters) when Justin cannot read their calendar. Before, a person picked in the role modal
// had no email, no calendar and UTC, and proposing times answered "calendars could not be read".
const world = useWorld();
const team = acme(world);
const { rita, bea, carl, hugo, hiring } = team;
const dan = world.person('U0DAN', 'Dan Interviewer');
const grace = world.candidate('Grace Hopper', 'grace.hopper@example.org');

const field = (view: { blocks?: Array<Record<string, any>> }, block: string) =>
  view.blocks!.find((b) => b.block_id === block)!.element;

describe('interviewers, from Slack', () => {
  it('sets up: Acme’s first day; Grace applies', async () => {
    await firstDay(world, team);
    await applies(world, team, grace);
  });

  it('everyone named has their zone, hours and calendar from Slack', async () => {
    const settings = await (await bea.runs('/hire me')).modal();
    expect(textOf(settings)).toMatch(/your Slack time zone, Europe\/Berlin/);
    expect(field(settings, 'mon_start').initial_time).toBe('09:00');
    expect(field(settings, 'fri_end').initial_time).toBe('17:00');
    expect(field(settings, 'sat_start').initial_time).toBeUndefined();
    expect(field(settings, 'calendar_id').initial_value).toBe(bea.email);
    expect(await (await world.person('U0NOBODY', 'Nora Nobody').runs('/hire me')).text()).toMatch(
      /not on a hiring team/i,
    );
  });

  it('keeps each person’s own hours, checked on the field, and times are proposed inside them', async () => {
    const settings = await (await bea.runs('/hire me')).modal();
    expect((await bea.submits(settings, { mon_start: '17:00', mon_end: '09:00' })).errors).toEqual({
      mon_end: expect.stringMatching(/after/),
    });
    const afternoons = Object.fromEntries(
      ['mon', 'tue', 'wed', 'thu', 'fri'].flatMap((d) => [
        [`${d}_start`, '13:00'],
        [`${d}_end`, '17:00'],
      ]),
    );
    expect((await bea.submits(settings, afternoons)).errors).toBeUndefined();
    world.google.addBusy(carl.email, '2027-03-01T00:00:00Z', '2027-03-22T00:00:00Z');
    const card = await world.card(hiring.id, 'Grace Hopper');
    await hugo.clicks(card, 'Advance to screening');
    await world.cardSays(hiring.id, 'Grace Hopper', /Stage\nScreening/);
    await hugo.clicks(card, 'Schedule: Intro call');
    const proposal = await world.message(hiring.id, /Times for Grace Hopper: Intro call/);
    await rita.clicks(proposal, 'Approve all');
    const options = (await grace.receives(0)).text.split('\n').filter((l) => /^\d\. /.test(l));
    expect(options).toHaveLength(5);
    for (const line of options) expect(line).toMatch(/, (1[3-6]):\d\d–/);
  });

  it('picks up a changed Slack time zone', async () => {
    await carl.movesTo('America/New_York');
    await world.settled();
    expect(textOf(await (await carl.runs('/hire me')).modal())).toMatch(/your Slack time zone, America\/New_York/);
  });

  it('says once, to the person and the role’s recruiter, when a calendar cannot be read, and what to do', async () => {
    world.google.unreadable(dan.email);
    const edit = async () => {
      const form = await (await rita.runs('/hire role edit Backend Engineer')).modal();
      const pool = field(form, 'stage_0_pool').initial_users as string[];
      expect((await rita.submits(form, { stage_0_pool: [...new Set([...pool, dan.slackId])] })).errors).toBeUndefined();
      await world.settled();
    };
    await edit();
    expect(dan.dms().map(textOf)).toEqual([
      expect.stringMatching(
        /I can't read your calendar \(`dan@acme\.example`; Google said: notFound\)[\s\S]*Share with specific people/,
      ),
    ]);
    expect(
      rita
        .dms()
        .map(textOf)
        .filter((t) => /U0DAN/.test(t)),
    ).toEqual([expect.stringMatching(/I can't read <@U0DAN>'s calendar .*Backend Engineer/)]);
    await edit();
    expect(dan.dms()).toHaveLength(1);
    expect(await world.problems()).toEqual([]);
  });
});
