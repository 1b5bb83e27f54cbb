import { describe, expect, it } from 'vitest';
import { acme, applies, claimCode, connectGoogle } from './support/acme.js';
import { textOf } from './support/slack-surface.js';
import { useWorld } from './support/world.js';

// The same signed submission delivered again (a double click, Slack's retry) has one effect,
// and two open roles never share a title, so every command that takes a title names one role.
// Before, three deliveries of one role modal opened three roles with one title, and
// `/hire role pause <title>` answered "Which one?" with no way to say.
const world = useWorld();
const team = acme(world);
const { ada, rita, hugo, bea, hiring } = team;
const grace = world.candidate('Grace Hopper', 'grace.hopper@example.org');

const role = {
  title: 'Backend Engineer',
  hiring_manager: hugo,
  channel: hiring.id,
  stage_0_name: 'Intro call',
  stage_0_duration: '30 minutes',
  stage_0_pool: [bea],
};

describe('replayed submissions and duplicate titles', () => {
  it('one role modal submitted three times opens one role, announced once', async () => {
    await ada.runs(`/hire claim ${await claimCode(world)}`);
    await ada.runs(`/hire team add ${rita} recruiter`);
    const form = await (await rita.runs('/hire role new', { in: hiring.id })).modal();
    const answers = await Promise.all([rita.submits(form, role), rita.submits(form, role)]);
    answers.push(await rita.submits(form, role));
    expect(answers.map((a) => a.errors)).toEqual([undefined, undefined, undefined]);
    await world.settled();
    expect((await (await rita.runs('/pipeline')).text()).match(/Backend Engineer/g)).toHaveLength(1);
    expect(world.messagesIn(hiring.id).filter((m) => /Backend Engineer is open/.test(m.text))).toHaveLength(1);
  });

  it('a second role with the same title is refused on the title field, whatever its case', async () => {
    const form = await (await rita.runs('/hire role new', { in: hiring.id })).modal();
    const refused = await rita.submits(form, { ...role, title: 'backend engineer' });
    expect(refused.errors).toEqual({ title: expect.stringMatching(/already open/) });
  });

  it('commands that take a title name the one role: pause, reopen, and a closed title can be used again', async () => {
    expect(await (await rita.runs('/hire role pause Backend Engineer')).text()).toBe(
      '“Backend Engineer” is now paused.',
    );
    expect(await (await rita.runs('/hire role close backend engineer')).text()).toBe(
      '“Backend Engineer” is now closed.',
    );
    const form = await (await rita.runs('/hire role new', { in: hiring.id })).modal();
    expect((await rita.submits(form, role)).errors).toBeUndefined();
    expect(await (await rita.runs('/hire role reopen Backend Engineer')).text()).toMatch(/already open/);
    expect(await (await rita.runs('/hire role pause Backend Engineer')).text()).toBe(
      '“Backend Engineer” is now paused.',
    );
  });

  it('a rejection submitted twice rejects once and sends one email', async () => {
    await connectGoogle(world, ada);
    const settings = await (await ada.runs('/hire settings')).modal();
    await ada.submits(settings, { signature: 'The Acme hiring team' });
    await rita.runs('/hire role reopen Backend Engineer');
    await applies(world, team, grace);
    const card = await world.card(hiring.id, 'Grace Hopper');
    const modal = await (await rita.clicks(card, 'Reject')).modal();
    const answers = await Promise.all(
      [1, 2, 3].map(() => rita.submits(modal, { reason: 'Not this time.', email: 'Standard: not moving forward' })),
    );
    expect(answers.map((a) => a.errors)).toEqual([undefined, undefined, undefined]);
    await world.cardSays(hiring.id, 'Grace Hopper', /Stage\nRejected/);
    await world.settled();
    expect(grace.inbox()).toHaveLength(1);
    expect(world.messagesIn(hiring.id, { thread: card.ts }).filter((m) => /→ Rejected/.test(textOf(m)))).toHaveLength(
      1,
    );
    expect(await world.problems()).toEqual([]);
  });
});
