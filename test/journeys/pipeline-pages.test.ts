import { describe, expect, it } from 'vitest';
import { acme, claimCode } from './support/acme.js';
import type { Reply } from './support/slack-person.js';
import { hasButton, textOf } from './support/slack-surface.js';
import { useWorld } from './support/world.js';

// `/pipeline` covers every open role, a page at a time, never silently fewer (issue 18). It
// used to show the first ten roles and drop the rest without a word.
const world = useWorld();
const team = acme(world);
const { ada, rita, hugo, bea, hiring } = team;
const TITLES = Array.from({ length: 45 }, (_, i) => `Role ${String(i + 1).padStart(2, '0')}`);

describe('/pipeline with 45 open roles', () => {
  it('Rita opens 45 roles through the role form', async () => {
    await ada.runs(`/hire claim ${await claimCode(world)}`);
    await ada.runs(`/hire team add ${rita} recruiter`);
    for (const title of TITLES) {
      const form = await (await rita.runs('/hire role new', { in: hiring.id })).modal();
      const opened = await rita.submits(form, {
        title,
        hiring_manager: hugo,
        channel: hiring.id,
        stage_0_name: 'Intro call',
        stage_0_duration: '30 minutes',
        stage_0_pool: [bea],
      });
      expect(opened.errors).toBeUndefined();
    }
    await world.settled({ timeoutMs: 60_000 });
  }, 120_000);

  it('shows all 45, ten to a page, with Next and Previous that replace the answer in place', async () => {
    let page: Reply = await (await rita.runs('/pipeline')).reply();
    const seen: string[] = [];
    for (let n = 1; n <= 5; n++) {
      const said = textOf(page);
      expect(said).toContain(`of 45 (page ${n} of 5)`);
      seen.push(...(said.match(/Role \d\d/g) ?? []));
      expect(hasButton(page, 'Previous page')).toBe(n > 1);
      expect(hasButton(page, 'Next page')).toBe(n < 5);
      if (n < 5) page = await (await rita.clicks(page, 'Next page')).reply();
    }
    expect(new Set(seen)).toEqual(new Set(TITLES));
    expect(seen).toHaveLength(45);
    const back = await (await rita.clicks(page, 'Previous page')).reply();
    expect(textOf(back)).toContain('Roles 31–40 of 45 (page 4 of 5)');
    expect(back).toMatchObject({ replace_original: true });
  });

  it('says how to reach a page by command, and a page past the end shows the last', async () => {
    expect(await (await rita.runs('/pipeline')).text()).toContain('`/pipeline page 2` for the next');
    const last = await (await rita.runs('/pipeline page 9')).text();
    expect(last).toContain('Roles 41–45 of 45 (page 5 of 5)');
    expect(await (await rita.runs('/pipeline role 04 page 1')).text()).toMatch(/^Role 04\n/);
    expect(await world.problems()).toEqual([]);
  });
});
