import { describe, expect, it } from 'vitest';
import { acme, claimCode, connectGoogle } from './support/acme.js';
import { optionWhen } from './support/mail-words.js';
import { textOf } from './support/slack-surface.js';
import { useWorld } from './support/world.js';

// A team installs Justin on an empty database and runs a hire end to end, through Slack and
// email only: the first admin, the team, Google, a role with two steps, an application by
// email, two interviews scheduled by the agent and held, the hire. This is the README's
// "first day" walkthrough.
const world = useWorld();
const team = acme(world);
const { ada, rita, hugo, bea, carl, sam, hiring } = team;
const grace = world.candidate('Grace Hopper', 'grace.hopper@example.org');

describe('a new team, from an empty database, to its first hire', () => {
  it('gets its first admin with the code shown on the machine itself, and nobody else can', async () => {
    expect(await (await sam.runs('/hire team')).text()).toMatch(/no admin yet[\s\S]*\/hire claim/i);
    const code = await claimCode(world);
    expect(world.logs.some((l) => String(l.msg).includes(`/hire claim ${code}`))).toBe(true);
    expect(await (await sam.runs('/hire claim NOTTHECODE')).text()).toMatch(/not the code/i);
    expect(await (await ada.runs(`/hire claim ${code}`)).text()).toMatch(/you are Justin's first admin/i);
    expect(await (await sam.runs(`/hire claim ${code}`)).text()).toMatch(/already has an admin/i);
    const page = await world.open('/');
    expect(page.html).toMatch(/Admins?:/);
    expect(page.html).not.toContain(code);
    // Ada's name comes from Slack (users.info), a moment after she claims.
    await world.settled();
    expect((await world.open('/')).html).toMatch(/Admins?: Ada Admin/);
  });

  it('builds the team; the people named get their details from Slack', async () => {
    expect(await (await ada.runs(`/hire team add ${rita} recruiter`)).text()).toBe(
      `Done: <@${rita.slackId}> now has recruiter.`,
    );
    expect(await (await ada.runs(`/hire team add ${bea} interviewer`)).text()).toMatch(/^Done/);
    expect(await (await ada.runs(`/hire team add ${carl} interviewer`)).text()).toMatch(/^Done/);
    expect(await (await sam.runs(`/hire team add ${sam} admin`)).text()).toMatch(/admins only/);
    const list = await (await rita.runs('/hire team')).text();
    expect(list).toMatch(/<@U0ADA>: admin/);
    expect(list).toMatch(/<@U0RITA>: recruiter/);
    expect(list).toMatch(/<@U0BEA>: interviewer/);
    // A minute passes before Google is connected: the schedules run with nothing to do, quietly.
    await world.clock.tick();
    expect(await world.problems()).toEqual([]);
  });

  it('connects the recruiting mailbox through Google’s consent screen', async () => {
    expect(await (await rita.runs('/hire connect google')).text()).toMatch(/admins only/);
    expect(await connectGoogle(world, ada)).toMatch(/Connected/);
    await world.settled();
    expect(world.google.watches.length).toBeGreaterThan(0);
  });

  it('sets the signature of the emails the team sends', async () => {
    const settings = await (await ada.runs('/hire settings')).modal();
    expect((await ada.submits(settings, { signature: '' })).errors).toEqual({
      signature: expect.stringMatching(/signature/i),
    });
    expect((await ada.submits(settings, { signature: 'The Acme hiring team' })).errors).toBeUndefined();
  });

  it('opens a role with two interview steps; the channel is told', async () => {
    const form = await (await rita.runs('/hire role new', { in: hiring.id })).modal();
    const opened = await rita.submits(form, {
      title: 'Backend Engineer',
      requirements: 'TypeScript and Postgres in production.',
      hiring_manager: hugo,
      recruiter: rita,
      channel: hiring.id,
      stage_0_name: 'Intro call',
      stage_0_duration: '30 minutes',
      stage_0_pool: [bea, carl],
      stage_1_name: 'Technical interview',
      stage_1_duration: '60 minutes',
      stage_1_kind: 'Technical',
      stage_1_pool: [bea, carl],
      stage_1_needed: 'The whole pool (panel)',
    });
    expect(opened.errors).toBeUndefined();
    const announcement = await world.message(hiring.id, /Backend Engineer is open/);
    expect(textOf(announcement)).toMatch(/1\. Intro call.*30 min[\s\S]*2\. Technical interview.*60 min/);
    expect(await (await hugo.runs('/pipeline')).text()).toMatch(/Backend Engineer/);
  });

  it('turns an application by email into a card with the CV read', async () => {
    await grace.emails({
      subject: 'Application: Backend Engineer',
      text: 'Hello,\n\nI would like to apply for the Backend Engineer role. My CV is attached.\n\nGrace',
      cv: ['Grace Hopper', 'Software engineer', 'TypeScript, Postgres, compilers'],
    });
    const card = await world.cardSays(hiring.id, 'Grace Hopper', /Stage\nNew/);
    await world.cardSays(hiring.id, 'Grace Hopper', /Fit\n.*TypeScript/);
    expect(textOf(card)).toMatch(/CV\nGrace_Hopper_CV\.pdf/);
  });

  it(
    'the hiring manager screens and schedules on his own role; ' + 'times come from the interviewers’ calendars',
    async () => {
      const card = await world.card(hiring.id, 'Grace Hopper');
      await hugo.clicks(card, 'Advance to screening');
      await world.cardSays(hiring.id, 'Grace Hopper', /Stage\nScreening/);
      await hugo.clicks(card, 'Schedule: Intro call');
      const proposal = await world.message(hiring.id, /Times for Grace Hopper: Intro call/);
      expect(textOf(proposal)).toMatch(/Bea Interviewer|Carl Interviewer/);
      expect(textOf(proposal)).not.toMatch(/could not be read/);
    },
  );

  it(
    'the team approves; the agent emails the options; ' + 'Grace picks one; the interview is booked with an invitation',
    async () => {
      const proposal = await world.message(hiring.id, /Times for Grace Hopper: Intro call/);
      await rita.clicks(proposal, 'Approve all');
      const options = await grace.receives(0);
      expect(options.subject).toBe('Re: Application: Backend Engineer');
      expect(options.text).toMatch(/^2\. \w+day \d+ March, \d\d:\d\d–\d\d:\d\d \(Europe\/Berlin, GMT\+1\)$/m);
      await grace.replies('Option 2 works for me, thank you.');
      const confirmation = await grace.receives(1);
      expect(confirmation.text).toMatch(/You are booked/);
      await world.cardSays(hiring.id, 'Grace Hopper', /Interview scheduled \(step 1 of 2\)/);
      const [invite] = world.google.eventsWith(grace.email);
      expect(invite?.attendees?.map((a) => a.email)).toEqual(expect.arrayContaining([grace.email]));
      expect(invite?.hangoutLink).toMatch(/^https:\/\/meet\.google\.com\//);
      expect(options.text).toMatch(new RegExp(`^2\\. ${optionWhen(invite!.start.dateTime)}`, 'm'));
    },
  );

  it('marks the interview completed once it has taken place, and says what comes next', async () => {
    const [invite] = world.google.eventsWith(grace.email);
    await world.clock.advance(new Date(Date.parse(invite!.end.dateTime) + 60_000).toISOString());
    const card = await world.cardSays(hiring.id, 'Grace Hopper', /Interviewed \(step 1 of 2\)/);
    expect(textOf(card)).toMatch(/Next: .*Technical interview/);
    expect(textOf(card)).toMatch(/\[Schedule: Technical interview\]/);
  });

  it('schedules the second step the same way, with the whole panel', async () => {
    const card = await world.card(hiring.id, 'Grace Hopper');
    await hugo.clicks(card, 'Schedule: Technical interview');
    const proposal = await world.message(hiring.id, /Times for Grace Hopper: Technical interview/);
    expect(textOf(proposal)).toMatch(/Bea Interviewer, Carl Interviewer|Carl Interviewer, Bea Interviewer/);
    const seen = grace.inbox().length;
    await rita.clicks(proposal, 'Approve all');
    await grace.receives(seen);
    await grace.replies('Option 1 please.');
    expect((await grace.receives(seen + 1)).text).toMatch(/You are booked/);
    await world.cardSays(hiring.id, 'Grace Hopper', /Interview scheduled \(step 2 of 2\)/);
    const panel = world.google
      .eventsWith(grace.email)
      .find((e) => e.status !== 'cancelled' && /Technical/.test(String(e.summary)));
    expect(panel?.attendees?.map((a) => a.email).sort()).toEqual([bea.email, carl.email, grace.email].sort());
    await world.clock.advance(new Date(Date.parse(panel!.end.dateTime) + 60_000).toISOString());
    await world.cardSays(hiring.id, 'Grace Hopper', /Interviewed \(step 2 of 2\)/);
  });

  it('moves to the offer, and the team marks Grace hired', async () => {
    const card = await world.card(hiring.id, 'Grace Hopper');
    await hugo.clicks(card, 'Advance to offer');
    await world.cardSays(hiring.id, 'Grace Hopper', /Stage\nOffer/);
    await hugo.clicks(card, 'Mark hired');
    await world.cardSays(hiring.id, 'Grace Hopper', /Stage\nHired/);
    await world.message(hiring.id, /Offer → \*?Hired\*? by <@U0HUGO>/, { thread: card.ts });
    expect(await (await rita.runs('/pipeline')).text()).toMatch(/Hired \*?1/);
    expect(await world.problems()).toEqual([]);
  });
});
