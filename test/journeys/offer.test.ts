import { describe, expect, it } from 'vitest';
import type { FakeMessage } from '../fakes/slack-api.js';
import { acme, applies, booksFirstInterview, firstDay } from './support/acme.js';
import { hasButton, textOf } from './support/slack-surface.js';
import { useWorld } from './support/world.js';

// Issue 18's journey, from the debrief to the hire: Advance to offer, a draft checked on its
// fields, two approvers in turn (Hugo, then Ada), Hugo asks for a change, Rita edits (the chain
// starts again; a click on the old version is told so), both approve, Rita sends, Grace accepts
// by email, Rita confirms: hired. The card, the channel and the App Home say so, and Grace's
// other application's team is told.
const world = useWorld();
const team = acme(world);
const { ada, rita, hugo, bea, carl, hiring } = team;
const platform = world.channel('C0PLATFORM', 'hiring-platform');
const grace = world.candidate('Grace Hopper', 'grace.hopper@example.org');

const invite = () => world.google.eventsWith(grace.email).find((e) => e.status !== 'cancelled')!;
const offerDm = (person: typeof hugo, version: number) =>
  world.dm(person, new RegExp(`Offer for Grace Hopper · Backend Engineer \\(version ${version}\\)`));

describe('an offer, approved in turn, sent, accepted: the hire', () => {
  it('sets up: a one-step role whose offers Hugo then Ada approve; Grace also applies to another role', async () => {
    await firstDay(world, team, {
      role: {
        stage_1_name: '',
        stage_1_pool: [],
        stage_1_duration: null,
        stage_1_kind: null,
        stage_1_needed: null,
        offer_approvers: [hugo, ada],
      },
    });
    const form = await (await rita.runs('/hire role new', { in: platform.id })).modal();
    const opened = await rita.submits(form, {
      title: 'Platform Engineer',
      hiring_manager: hugo,
      recruiter: rita,
      channel: platform.id,
      stage_0_name: 'Intro call',
      stage_0_duration: '30 minutes',
      stage_0_pool: [carl],
    });
    expect(opened.errors).toBeUndefined();
    await grace.emails({
      subject: 'Application: Platform Engineer',
      text: 'Hello,\n\nI would like to apply for the Platform Engineer role.\n\nGrace',
      cv: ['Grace Hopper', 'Software engineer', 'Compilers'],
    });
    await world.cardSays(platform.id, 'Grace Hopper', /Stage\nNew/);
    await applies(world, team, grace);
    await booksFirstInterview(world, team, grace);
  });

  it('the interview is held, the scorecard is in, and Hugo advances to the offer from the debrief', async () => {
    await world.clock.advance(new Date(Date.parse(invite().end.dateTime) + 60_000).toISOString());
    const interviewer = [bea, carl].find((p) => p.dms().some((m) => /Your scorecard: Grace Hopper/.test(textOf(m))))!;
    const modal = await (
      await interviewer.clicks(await world.dm(interviewer, /Your scorecard/), 'Write scorecard')
    ).modal();
    expect(
      (await interviewer.submits(modal, { recommendation: 'Strong yes', notes: 'Clear thinker.' })).errors,
    ).toBeUndefined();
    const card = await world.card(hiring.id, 'Grace Hopper');
    const debrief = await world.message(hiring.id, /Debrief: Grace Hopper · Intro call/, { thread: card.ts });
    await hugo.clicks(debrief, 'Advance to offer');
    await world.cardSays(hiring.id, 'Grace Hopper', /Stage\nOffer[\s\S]*\[Make offer\]/);
  });

  it('Rita drafts the offer; a salary not a number and a start in the past are refused on their fields', async () => {
    const card = await world.card(hiring.id, 'Grace Hopper');
    expect(await (await carl.clicks(card, 'Make offer')).text()).toMatch(/offers are for/i);
    const modal = await (await rita.clicks(card, 'Make offer')).modal();
    expect(textOf(modal)).toMatch(/Job title\nBackend Engineer/);
    const bad = await rita.submits(modal, {
      base_salary: 'ninety-five',
      currency: 'EUR',
      start_date: '2027-02-01',
      expiry_date: '2027-03-19',
    });
    expect(bad.errors).toEqual({
      base_salary: expect.stringMatching(/not an amount/),
      start_date: 'The start date is in the past.',
    });
    const good = await rita.submits(modal, {
      level: 'Senior',
      base_salary: '95,000',
      currency: 'EUR',
      start_date: '2027-05-03',
      expiry_date: '2027-03-19',
      notes: 'Top of the band: the debrief was strong.',
    });
    expect(good.errors).toBeUndefined();
    await world.cardSays(hiring.id, 'Grace Hopper', /Offer: waiting for Hugo Manager/);
    const asked = textOf(await offerDm(hugo, 1));
    expect(asked).toMatch(/Base salary: 95,000 EUR a year/);
    expect(asked).toMatch(/Notes for approvers: Top of the band/);
    expect(asked).toMatch(/\[Approve\][\s\S]*\[Request changes\][\s\S]*\[Reject\]/);
    // Ada is asked only when it is her turn.
    expect(ada.dms().some((m) => /Offer for Grace Hopper/.test(textOf(m)))).toBe(false);
    expect(textOf(await hugo.opensHome())).toMatch(/Waiting for my approval\n• Offer: Grace Hopper · Backend Engineer/);
  });

  let firstAsk: FakeMessage;
  it('Hugo asks for a change; Rita edits; approvals start again; his click on the old version is told so', async () => {
    firstAsk = structuredClone(await offerDm(hugo, 1));
    const comment = await (await hugo.clicks(firstAsk, 'Request changes')).modal();
    expect((await hugo.submits(comment, { comment: '' })).errors).toEqual({ comment: 'Say what should change.' });
    expect((await hugo.submits(comment, { comment: 'Start on Monday 26 April, please.' })).errors).toBeUndefined();
    const back = await world.dm(rita, /Changes were asked for/);
    expect(textOf(back)).toMatch(/Start on Monday 26 April, please/);
    await world.cardSays(hiring.id, 'Grace Hopper', /Offer: changes were asked for/);

    const edit = await (await rita.clicks(back, 'Edit offer')).modal();
    expect(textOf(edit)).toMatch(/Base salary \(a year\)\n95000/);
    expect((await rita.submits(edit, { start_date: '2027-04-26' })).errors).toBeUndefined();
    const again = await offerDm(hugo, 2);
    expect(textOf(again)).toMatch(/Start: Mon 26 Apr 2027/);
    expect(await (await hugo.clicks(firstAsk, 'Approve')).text()).toMatch(/changed after you were asked.*version 2/);
    expect(textOf(await offerDm(hugo, 1))).toMatch(/changed since \(now version 2\)/);
  });

  it('Hugo approves, then Ada; Rita is told and sends it; the email has the approved terms only', async () => {
    await hugo.clicks(await offerDm(hugo, 2), 'Approve');
    const adaAsk = await offerDm(ada, 2);
    expect(textOf(adaAsk)).toMatch(/<@U0HUGO> \(the role’s approver\): approved/);
    expect(await (await rita.clicks(adaAsk, 'Approve')).text()).toMatch(/someone else’s/);
    await ada.clicks(adaAsk, 'Approve');
    const ready = await world.dm(rita, /Approved by everyone: ready to send/);
    await world.cardSays(hiring.id, 'Grace Hopper', /Offer: approved, ready to send/);

    const seen = grace.inbox().length;
    const asSeenBefore = structuredClone(ready);
    await rita.clicks(ready, 'Send offer');
    const letter = await grace.receives(seen);
    expect(letter.subject).toBe('Re: Application: Backend Engineer');
    expect(letter.text).toMatch(/^- Base salary: 95,000 EUR a year$/m);
    expect(letter.text).toMatch(/^- Start date: Monday 26 April 2027$/m);
    expect(letter.text).toMatch(/open until|stands until Friday 19 March 2027/i);
    expect(letter.text).toMatch(/^The Acme hiring team$/m);
    expect(letter.text).not.toMatch(/Top of the band/);
    await world.cardSays(hiring.id, 'Grace Hopper', /Offer: sent/);
    // Sent once: a second click (on the message as it was) is told, and sends nothing.
    expect(await (await rita.clicks(asSeenBefore, 'Send offer')).text()).toMatch(/sent already/i);
    await world.settled();
    expect(grace.inbox()).toHaveLength(seen + 1);
    expect(hasButton(ready, 'Send offer')).toBe(false);
  });

  it('Grace accepts by email; Rita confirms; hired: card, channel, App Home and the other team know', async () => {
    await grace.replies('Thank you! I am happy to accept the offer and will see you in April.');
    const card = await world.card(hiring.id, 'Grace Hopper');
    const question = await world.message(hiring.id, /replied to the offer and seems to accept/, { thread: card.ts });
    expect(await (await carl.clicks(question, 'Accepted: mark hired')).text()).toMatch(/offers are for/i);
    expect(await (await rita.clicks(question, 'Accepted: mark hired')).text()).toMatch(
      /Offer accepted, confirmed by <@U0RITA>/,
    );
    await world.cardSays(hiring.id, 'Grace Hopper', /Stage\nHired/);
    await world.message(hiring.id, /Grace Hopper accepted the offer: hired as Backend Engineer/);
    expect(textOf(await rita.opensHome())).toMatch(/Backend Engineer: 0 active candidates, 1 hired/);
    const other = await world.card(platform.id, 'Grace Hopper');
    await world.message(platform.id, /has accepted an offer for another role \(Backend Engineer\)/, {
      thread: other.ts,
    });
    expect(hasButton(await world.card(hiring.id, 'Grace Hopper'), 'Make offer')).toBe(false);
    expect(await world.problems()).toEqual([]);
  });
});
