import { describe, expect, it } from 'vitest';
import { textPdf } from '../factories/pdf.js';
import { acme, firstDay, offersFirstTimes } from './support/acme.js';
import { carrierBounces, forwardsFromAppleMail, gmailBounces, icloudVacationReply } from './support/mail-servers.js';
import { textOf } from './support/slack-surface.js';
import { useWorld } from './support/world.js';

// Mail as it arrives from the real world rather than from a tidy test client. A recruiter
// forwards an application from Apple Mail, which attaches the PDF "inline" (once never read)
// and quotes the original under "Begin forwarded message:" (once leaving the recruiter as the
// applicant). Then the applicant's iCloud answers the times by itself while she is away (once
// attached to the thread as her answer), and mail servers return a mail: neither is her answer,
// nor a new application, nor a question for the team about which role it is for.
const world = useWorld();
const team = acme(world);
const { ada, rita, hugo, hiring } = team;
const intake = world.channel('C0INTAKE', 'hiring-intake');
const grace = world.candidate('Grace Hopper', 'grace@navy.example');

const cards = () => world.messagesIn(hiring.id).filter((m) => / · /.test(textOf(m).split('\n')[0] ?? ''));
const readsOfCvs = (since: number) =>
  world.model.requests.slice(since).filter((r) => /read CVs/i.test(JSON.stringify(r.body.system ?? '')));

describe('mail from the real world', () => {
  it('sets up: two open roles and an intake channel, so a mail that names no role is asked about', async () => {
    await firstDay(world, team);
    expect(await (await ada.runs(`/hire intake ${intake}`)).text()).toMatch(/Intake questions go to/);
    const form = await (await rita.runs('/hire role new', { in: hiring.id })).modal();
    const opened = await rita.submits(form, {
      title: 'Data Engineer',
      hiring_manager: hugo,
      channel: hiring.id,
      stage_0_name: 'Call',
      stage_0_duration: '30 minutes',
      stage_0_pool: [team.bea],
    });
    expect(opened.errors).toBeUndefined();
    await world.settled();
  });

  it('a forward from Apple Mail: the card names the original applicant, and the inline PDF CV is read', async () => {
    const calls = world.model.requests.length;
    await forwardsFromAppleMail(world, rita, {
      applicant: grace,
      subject: 'Application: Backend Engineer',
      body: 'Hello, I would like to apply for the Backend Engineer role. My CV is attached.',
      cv: textPdf(['Grace Hopper', 'Compiler engineer at the Navy', 'COBOL, TypeScript, Postgres']),
    });
    const card = await world.cardSays(hiring.id, 'Grace Hopper', /Stage\nNew/);
    expect(textOf(card)).toMatch(/Backend Engineer/);
    expect(textOf(card)).toMatch(/CV Grace Hopper\.pdf/);
    expect(textOf(card)).not.toMatch(/could not be read/);
    await world.settled();
    // The CV's text went to the reader: the inline attachment was read, not skipped.
    expect(JSON.stringify(readsOfCvs(calls).map((r) => r.body.messages))).toMatch(/Compiler engineer at the Navy/);
    expect(cards().map((m) => textOf(m).split(' · ')[0])).toEqual(['Grace Hopper']);
    expect(world.messagesIn(intake.id)).toEqual([]);
  });

  it("her iCloud vacation reply to the times is not her answer (though it says 'Option 1 works')", async () => {
    const card = await offersFirstTimes(world, team, grace);
    const options = grace.inbox().at(-1)!;
    const [seen, calls, mark] = [grace.inbox().length, world.model.requests.length, world.mark()];
    await icloudVacationReply(world, grace, options);
    await world.settled();
    expect(grace.inbox()).toHaveLength(seen);
    expect(world.model.requests.length).toBe(calls);
    expect(world.messagesIn(hiring.id, { thread: card.ts, since: mark })).toEqual([]);
    expect(world.messagesIn(intake.id, { since: mark })).toEqual([]);
    expect(textOf(card)).not.toMatch(/Interview scheduled/);
    expect(world.google.eventsWith(grace.email)).toEqual([]);
  });

  it('bounces of that mail are no answer, no application, and no question about a role', async () => {
    const card = await world.card(hiring.id, 'Grace Hopper');
    const options = grace.inbox().at(-1)!;
    const [seen, calls, mark, before] = [grace.inbox().length, world.model.requests.length, world.mark(), cards()];
    await gmailBounces(world, options);
    await carrierBounces(world, options);
    await world.settled();
    expect(grace.inbox()).toHaveLength(seen);
    expect(world.model.requests.length).toBe(calls);
    expect(cards()).toHaveLength(before.length);
    expect(world.messagesIn(hiring.id, { thread: card.ts, since: mark })).toEqual([]);
    expect(world.messagesIn(intake.id, { since: mark })).toEqual([]);
    expect(await world.problems()).toEqual([]);
  });
});
