import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FakeMessage } from '../fakes/slack-api.js';
import { acme, applies, booksFirstInterview, firstDay, offersFirstTimes } from './support/acme.js';
import { textOf } from './support/slack-surface.js';
import { useWorld } from './support/world.js';

// The weekly digest (issue 18): a week of activity made through Slack and email only, then the
// clock reaches Monday 09:00 in the team's zone (New York) and the role's channel gets the week in
// figures and a chart, which this journey checks against what it did.
const world = useWorld();
const team = acme(world);
const { ada, rita, carl, hiring } = team;
const grace = world.candidate('Grace Hopper', 'grace.hopper@example.org');
const alan = world.candidate('Alan Turing', 'alan.turing@example.org');
const barbara = world.candidate('Barbara Liskov', 'barbara.liskov@example.org');
const edsger = world.candidate('Edsger Dijkstra', 'edsger@example.org');
const katherine = world.candidate('Katherine Johnson', 'katherine.johnson@example.org');
const agentMail = () => [grace, alan, barbara].reduce((n, c) => n + c.inbox().length, 0);

// Monday 09:00 in New York (EST until 14 March) is 14:00 UTC.
const FIRST_MONDAY = '2027-03-01T14:00:00Z';
const NEXT_MONDAY = '2027-03-08T14:00:00Z';
const digests = () => world.messagesIn(hiring.id).filter((m) => /^Weekly digest · /.test(textOf(m)));
const charts = () => world.messagesIn(hiring.id).filter((m) => m.files?.length);

describe('the weekly digest in the role’s channel', () => {
  it('Ada sets the digest for Monday 09:00 in New York; an abbreviation is refused on its field', async () => {
    await firstDay(world, team, { role: { stage_0_needed: 'The whole pool (panel)' } });
    const settings = await (await ada.runs('/hire settings')).modal();
    expect(textOf(settings)).toMatch(/Weekly digest/);
    const refused = await ada.submits(settings, { digest_zone: 'EST' });
    expect(refused.errors).toEqual({ digest_zone: expect.stringMatching(/Area\/City/) });
    const saved = await ada.submits(settings, {
      digest_day: 'Monday',
      digest_time: '09:00',
      digest_zone: 'America/New_York',
    });
    expect(saved.errors).toBeUndefined();
    const again = await (await ada.runs('/hire settings')).modal();
    expect(textOf(again)).toContain('America/New_York');
  });

  it('posts the first digest at 09:00 New York time on the first Monday, not before', async () => {
    await world.clock.advance('2027-03-01T13:45:00Z');
    expect(digests()).toHaveLength(0);
    await world.clock.advance(FIRST_MONDAY);
    await world.settled();
    expect(digests()).toHaveLength(1);
    expect(textOf(digests()[0])).toMatch(/This week: 0 applied · 0 rejected · 0 withdrew · 0 hired/);
    expect(charts()).toHaveLength(1);
  });

  it('a week happens: five apply, one is rejected, interviews are booked and held, a scorecard comes in', async () => {
    await world.clock.advance('2027-03-01T15:00:00Z');
    for (const candidate of [grace, alan, barbara, edsger, katherine]) await applies(world, team, candidate);

    // Tuesday: the team screens; Edsger is rejected from New; Grace books; Barbara is offered times.
    await world.clock.advance('2027-03-02T09:00:00Z');
    const card = await world.card(hiring.id, 'Edsger Dijkstra');
    const modal = await (await rita.clicks(card, 'Reject')).modal();
    expect((await rita.submits(modal, { reason: 'Not enough Postgres.' })).errors).toBeUndefined();
    await world.cardSays(hiring.id, 'Edsger Dijkstra', /Stage\nRejected/);
    await booksFirstInterview(world, team, grace, { option: 1 });
    await offersFirstTimes(world, team, barbara);
    // Barbara answers with neither a time nor a question: the agent hands her to the team.
    await barbara.replies('Thank you, I will think about it and come back to you.');
    await world.message(hiring.id, /handed|hand(ed)? over|needs a person/i, {
      thread: (await world.card(hiring.id, 'Barbara Liskov')).ts,
    });

    // Grace's intro call is held; Carl writes his scorecard, Bea does not.
    const invite = world.google.eventsWith(grace.email).find((e) => e.status !== 'cancelled')!;
    await world.clock.advance(new Date(new Date(invite.end.dateTime).getTime() + 60_000).toISOString());
    await world.cardSays(hiring.id, 'Grace Hopper', /Interviewed \(step 1 of 2\)/);
    const ask = await world.dm(carl, /Your scorecard: Grace Hopper/);
    const scorecard = await (await carl.clicks(ask, 'Write scorecard')).modal();
    expect((await carl.submits(scorecard, { recommendation: 'Yes' })).errors).toBeUndefined();

    // Friday: Alan is screened and picks the latest time he is offered.
    await world.clock.advance('2027-03-05T15:00:00Z');
    await booksFirstInterview(world, team, alan, { option: 5 });
  }, 120_000);

  it('on Monday 09:00 in New York the week’s digest appears with its chart; its figures are the week’s', async () => {
    await world.clock.advance('2027-03-08T13:45:00Z');
    expect(digests()).toHaveLength(1);
    const sentBefore = agentMail();
    await world.clock.advance(NEXT_MONDAY);
    await world.settled();
    expect(digests()).toHaveLength(2);
    const digest = digests()[1]!;
    const said = textOf(digest);
    if (process.env.DIGEST_PRINT) console.log(said);

    expect(said).toContain('Weekly digest · Backend Engineer');
    expect(said).toContain('Mon 1 Mar – Mon 8 Mar 2027, 09:00 (America/New_York)');
    expect(said).toMatch(/This week: 5 applied · 1 rejected · 0 withdrew · 0 hired/);
    // Counts per stage, and the change: a week ago nobody had applied.
    expect(said).toMatch(/New: 1 \(\+1\) · median time here 18 h \(4 moved on\)/);
    expect(said).toMatch(/Screening: 0 \(±0\) · median time here/);
    expect(said).toMatch(/Scheduling: 1 \(\+1\)/);
    expect(said).toMatch(/Interview scheduled: 1 \(\+1\)/);
    expect(said).toMatch(/Interviewed: 1 \(\+1\)/);
    expect(said).toMatch(/Offer: 0 \(±0\)/);
    // Who has not moved in five days, and whom they wait on.
    expect(said).toMatch(/Katherine Johnson: New for 6 days, waiting on the recruiter/);
    expect(said).toMatch(/Barbara Liskov: Scheduling for 6 days, waiting on the candidate/);
    expect(said).toMatch(/Grace Hopper: Interviewed for 5 days, waiting on the hiring manager/);
    expect(said).not.toMatch(/Alan Turing: /);
    // The coming week's interviews are the booked ones starting in it: Alan's.
    const alanAt = new Date(world.google.eventsWith(alan.email).find((e) => e.status !== 'cancelled')!.start.dateTime);
    expect(alanAt.getTime()).toBeGreaterThanOrEqual(Date.parse(NEXT_MONDAY));
    expect(said).toMatch(/Interviews this week \(1\)\n• .* · Alan Turing · Intro call/);
    // Bea's scorecard for Grace is more than a day late; Carl's is in.
    expect(said).toMatch(
      /Late scorecards \(1, more than a day after the interview\)\n• <@U0BEA>: Grace Hopper · Intro call/,
    );
    expect(said).not.toMatch(/<@U0CARL>:/);
    expect(said).toMatch(/Offers out: 0/);
    // The agent: every mail Grace, Alan and Barbara received was its; Grace and Alan booked; Barbara handed over.
    expect(agentMail()).toBe(sentBefore);
    expect(said).toMatch(
      new RegExp(
        `The agent this week: ${sentBefore} emails sent · 2 interviews booked · 1 hand-over · \\$\\d+\\.\\d{3} per`,
      ),
    );

    // The chart, right after it: a PNG uploaded to the role's channel.
    const chart = charts()[1]!;
    expect(world.slack.messages.indexOf(chart)).toBeGreaterThan(world.slack.messages.indexOf(digest));
    expect(textOf(chart)).toMatch(/Candidates per stage in Backend Engineer, now and a week ago/);
    const [, file] = world.slack.filesIn(hiring.id);
    expect(chart.files?.[0]?.id).toBe(file!.id);
    expect(file!.bytes!.subarray(1, 4).toString()).toBe('PNG');
    expect(file!.bytes!.length).toBeGreaterThan(10_000);
    writeFileSync(join(process.env.CHART_OUT ?? tmpdir(), 'justin-journey-digest.png'), file!.bytes!);
  });

  it('a candidate erased afterwards no longer shows in the digest already posted', async () => {
    const question = await (await ada.runs(`/hire candidate erase ${katherine.email}`)).reply();
    await ada.clicks(question, 'Erase for good');
    await world.settled();
    const digest = digests()[1]!;
    await world.settled();
    expect(textOf(digest)).not.toMatch(/Katherine/);
    // The week's figures stay as they were: she was in New then.
    expect(textOf(digest)).toMatch(/This week: 5 applied · 1 rejected/);
    expect(textOf(digest)).toMatch(/New: 1 \(\+1\)/);
  });

  it('sends nothing more that week, and the week after says what changed since this one', async () => {
    await world.clock.advance('2027-03-09T14:00:00Z');
    expect(digests()).toHaveLength(2);
    // Monday 15 March, 09:00 EDT (New York moved its clocks on the 14th) is 13:00 UTC.
    await world.clock.advance('2027-03-15T12:45:00Z');
    expect(digests()).toHaveLength(2);
    await world.clock.advance('2027-03-15T13:00:00Z');
    await world.settled();
    const third: FakeMessage = digests()[2]!;
    expect(textOf(third)).toContain('Mon 8 Mar – Mon 15 Mar 2027, 09:00 (America/New_York)');
    // Katherine's application was withdrawn when she was erased.
    expect(textOf(third)).toMatch(/New: 0 \(−1\)/);
    expect(textOf(third)).toMatch(/This week: 0 applied/);
    expect(await world.problems()).toEqual([]);
  });
});
