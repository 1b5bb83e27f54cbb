import { describe, expect, it } from 'vitest';
import { checkSurface } from '../../../src/slack/blocks/limits.js';
import { roleOpenedMessage } from '../../../src/slack/blocks/role-opened.js';

const step = (competencies: string[]) => ({
  name: 'Intro call',
  minutes: 30,
  kind: 'VIDEO',
  panel: false,
  needed: 1,
  pool: ['U0BEA', 'U0CARL'],
  competencies,
});

describe('the role announcement', () => {
  it('names what each step finds out, escaped, and nothing for a step without competencies', () => {
    const message = roleOpenedMessage({
      title: 'Backend Engineer',
      hiringManager: 'U0HUGO',
      recruiter: null,
      steps: [step(['Design <at> scale', 'Ownership & care']), { ...step([]), name: 'Technical' }],
    });
    const text = (message.blocks[0] as { text: { text: string } }).text.text;
    expect(text).toContain(
      '1. Intro call, 30 min, video: one of <@U0BEA>, <@U0CARL>\n' +
        '      _Finds out:_ Design &lt;at&gt; scale, Ownership &amp; care\n2. Technical',
    );
    expect(text).not.toMatch(/2\. Technical.*\n\s+_Finds out/);
  });

  it('stays inside Slack’s limits with five steps of eight long competencies', () => {
    const long = '👩🏽‍💻 Zoë Ångström 王小明 مريم '.repeat(3);
    const message = roleOpenedMessage({
      title: long.repeat(5),
      hiringManager: 'U0HUGO',
      recruiter: 'U0RITA',
      steps: Array.from({ length: 5 }, () => step(Array.from({ length: 8 }, () => long))),
    });
    expect(checkSurface({ type: 'message', ...message })).toEqual([]);
  });
});
