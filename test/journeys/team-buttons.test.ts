import { describe, expect, it } from 'vitest';
import { acme, applies, firstDay } from './support/acme.js';
import { textOf } from './support/slack-surface.js';
import { useWorld } from './support/world.js';

// The buttons the team directs Justin with, each pressed as a person would: editing and
// cancelling a proposal, stopping the agent and letting it continue, filing a mail that names
// no role.
const world = useWorld();
const team = acme(world);
const { ada, rita, hugo, hiring } = team;
const intake = world.channel('C0INTAKE', 'hiring-intake');
const grace = world.candidate('Grace Hopper', 'grace.hopper@example.org');
const alan = world.candidate('Alan Turing', 'alan.turing@example.org');
const barbara = world.candidate('Barbara Liskov', 'barbara@example.org');

async function schedule(name: string) {
  const card = await world.card(hiring.id, name);
  await hugo.clicks(card, 'Advance to screening');
  await world.cardSays(hiring.id, name, /Stage\nScreening/);
  const mark = world.mark();
  await hugo.clicks(card, 'Schedule: Intro call');
  return world.message(hiring.id, new RegExp(`Times for ${name}: Intro call`), { since: mark });
}

describe('the team directs Justin from Slack', () => {
  it('sets up: Acme’s first day, two applications', async () => {
    await firstDay(world, team);
    await applies(world, team, grace);
    await applies(world, team, alan);
  });

  it('edits a proposal: a time that does not work is refused with why; kept and added times are offered', async () => {
    const proposal = await schedule('Grace Hopper');
    const edit = await (await rita.clicks(proposal, 'Edit…')).modal();
    const keep = (edit.blocks!.find((b) => b.block_id === 'keep')!.element.options as Array<{ value: string }>)
      .slice(0, 2)
      .map((o) => o.value);
    // 21:00 in Berlin: after everyone's working hours.
    await rita.submits(edit, { keep, added: new Date('2027-03-04T20:00:00Z') });
    const refused = await world.ephemeral(rita.slackId, /Nothing changed/);
    expect(refused.text).toMatch(/working hours/);
    const seen = grace.inbox().length;
    expect((await rita.submits(edit, { keep, added: new Date('2027-03-04T13:30:00Z') })).errors).toBeUndefined();
    await world.message(hiring.id, /Approved by <@U0RITA>.*3 times will be offered/);
    const offer = await grace.receives(seen);
    expect(offer.text).toMatch(/^3\. Thursday 4 March, 14:30–15:00 \(Europe\/Berlin, GMT\+1\)$/m);
  });

  it('cancels a proposal: nothing goes to the candidate, and "Propose times" looks again', async () => {
    const proposal = await schedule('Alan Turing');
    await rita.clicks(proposal, 'Cancel');
    await world.message(hiring.id, /Cancelled by <@U0RITA>.*nothing was sent to the candidate/);
    expect(alan.inbox()).toEqual([]);
    const card = await world.card(hiring.id, 'Alan Turing');
    const mark = world.mark();
    await rita.clicks(card, 'Propose times');
    await world.message(hiring.id, /Times for Alan Turing: Intro call/, { since: mark });
  });

  it('stops the agent after a guardrail, and lets it continue', async () => {
    const card = await world.card(hiring.id, 'Grace Hopper');
    // The model tries to put a link of its own in an email: refused by code, and the team is told.
    world.model.agentScript.push({
      tools: [
        {
          name: 'send_email',
          input: { text: 'Hi Grace, please confirm at https://evil.example/confirm', include_options: false },
        },
      ],
    });
    const seen = grace.inbox().length;
    await grace.replies('Is there a dress code?');
    const guard = await world.message(hiring.id, /Justin tried to send email for Grace Hopper and was stopped/, {
      thread: card.ts,
    });
    await rita.clicks(guard, 'Stop the agent for this candidate');
    await grace.replies('Option 1 is fine by the way.');
    await world.settled();
    expect(grace.inbox()).toHaveLength(seen);
    expect(await (await rita.runs(`/hire agent start ${grace.email}`)).text()).toMatch(/carries on/);
    expect((await grace.receives(seen)).text).toMatch(/You are booked/);
  });

  it('lets Justin continue after a hand-over', async () => {
    const card = await world.card(hiring.id, 'Alan Turing');
    const proposal = await world.message(hiring.id, /Times for Alan Turing: Intro call/, { since: 0 });
    const seen = alan.inbox().length;
    await rita.clicks(
      world.messagesIn(hiring.id).findLast((m) => /Times for Alan Turing/.test(textOf(m)))!,
      'Approve all',
    );
    expect(textOf(proposal)).toMatch(/Alan Turing/);
    await alan.receives(seen);
    await alan.replies('Hmm.');
    const handover = await world.message(hiring.id, /Justin handed Alan Turing over to the team/, { thread: card.ts });
    await rita.clicks(handover, 'Let Justin continue');
    await alan.replies('Option 2 please.');
    expect((await alan.receives(seen + 1)).text).toMatch(/You are booked/);
  });

  it('files a mail that names no role, when the team chooses one', async () => {
    expect(await (await ada.runs(`/hire intake ${intake}`)).text()).toMatch(/Intake questions go to/);
    const form = await (await rita.runs('/hire role new', { in: hiring.id })).modal();
    expect(
      (
        await rita.submits(form, {
          title: 'Data Engineer',
          hiring_manager: hugo,
          channel: hiring.id,
          stage_0_name: 'Call',
          stage_0_duration: '30 minutes',
          stage_0_pool: [team.bea],
        })
      ).errors,
    ).toBeUndefined();
    await barbara.emails({
      subject: 'Hello',
      text: 'I would love to work with you. CV attached.',
      cv: ['Barbara Liskov', 'Engineer'],
    });
    const question = await world.message(intake.id, /An application from Barbara Liskov .* does not say which role/);
    await rita.chooses(question, 'Data Engineer');
    await world.cardSays(hiring.id, 'Barbara Liskov', /Stage\nNew/);
    expect(textOf(await world.card(hiring.id, 'Barbara Liskov'))).toMatch(/Data Engineer/);
    expect(await world.problems()).toEqual([]);
  });
});
