import { describe, expect, it } from 'vitest';
import {
  interviewReminderMessage,
  localTimeText,
  type ReminderView,
} from '../../../src/slack/blocks/interview-reminder.js';
import { ACTIONS } from '../../../src/slack/ids.js';
import { checkSurface } from '../../../src/slack/blocks/limits.js';

const APP = '00000000-0000-4000-8000-0000000000aa';
const view = (extra: Partial<ReminderView> = {}): ReminderView => ({
  state: 'booked',
  applicationId: APP,
  candidateName: 'Grace Hopper',
  roleTitle: 'Backend Engineer',
  stepName: 'Intro call',
  startsAt: new Date('2027-03-02T09:30:00Z'),
  endsAt: new Date('2027-03-02T10:00:00Z'),
  zone: 'Europe/Madrid',
  meetUrl: 'https://meet.google.com/abc-defg-hij',
  competencies: [
    { name: 'Motivation', good: 'knows why this role' },
    { name: 'Curiosity', good: '' },
  ],
  others: ['U0CARL'],
  ...extra,
});
const words = (m: { blocks: Record<string, unknown>[] }) =>
  m.blocks.map((b) => (b.text as { text?: string } | undefined)?.text ?? '').join('\n');

describe('localTimeText: the reader’s wall clock, the zone written out', () => {
  it.each([
    // Europe/Berlin moves to summer time on the last Sunday of March (28 March 2027, 02:00 → 03:00).
    [
      'Berlin, the Saturday before',
      '2027-03-27T10:00:00Z',
      'Europe/Berlin',
      'Saturday 27 March 2027, 11:00–11:30 (Europe/Berlin, UTC+1)',
    ],
    [
      'Berlin, the day it changes',
      '2027-03-28T10:00:00Z',
      'Europe/Berlin',
      'Sunday 28 March 2027, 12:00–12:30 (Europe/Berlin, UTC+2)',
    ],
    [
      'Berlin, the Monday after',
      '2027-03-29T10:00:00Z',
      'Europe/Berlin',
      'Monday 29 March 2027, 12:00–12:30 (Europe/Berlin, UTC+2)',
    ],
    [
      'London is still on GMT that Saturday',
      '2027-03-27T10:00:00Z',
      'Europe/London',
      'Saturday 27 March 2027, 10:00–10:30 (Europe/London, UTC+0)',
    ],
    [
      'Kathmandu’s quarter hour',
      '2027-03-02T09:30:00Z',
      'Asia/Kathmandu',
      'Tuesday 2 March 2027, 15:15–15:45 (Asia/Kathmandu, UTC+5:45)',
    ],
    [
      'across midnight',
      '2027-03-02T22:45:00Z',
      'Europe/Madrid',
      'Tuesday 2 March 2027, 23:45–Wednesday 3 March, 00:15 (Europe/Madrid, UTC+1)',
    ],
    ['UTC', '2027-03-02T09:30:00Z', 'UTC', 'Tuesday 2 March 2027, 09:30–10:00 (UTC)'],
    [
      'an abbreviation is no zone: UTC, said so',
      '2027-03-02T09:30:00Z',
      'CET',
      'Tuesday 2 March 2027, 09:30–10:00 (UTC)',
    ],
  ])('%s', (_what, start, zone, expected) => {
    const s = new Date(start);
    expect(localTimeText(s, new Date(s.getTime() + 30 * 60_000), zone)).toBe(expected);
  });
});

describe('interviewReminderMessage', () => {
  it('says when in the reader’s zone, who, what to find out, the panel, the Meet link; offers the details', () => {
    const m = interviewReminderMessage(view());
    expect(m.text).toBe(
      'Interview reminder: Intro call with Grace Hopper, Tuesday 2 March 2027, 10:30–11:00 (Europe/Madrid, UTC+1).',
    );
    expect(words(m)).toBe(
      [
        '*Intro call with Grace Hopper* · Backend Engineer',
        '*When:* Tuesday 2 March 2027, 10:30–11:00 (Europe/Madrid, UTC+1)',
        '*Join:* <https://meet.google.com/abc-defg-hij|meet.google.com/abc-defg-hij>',
        '*Also on the panel:* <@U0CARL>',
        '*What this step should find out*',
        '• *Motivation*: knows why this role',
        '• *Curiosity*',
        '',
      ].join('\n'),
    );
    expect(m.blocks.at(-1)).toMatchObject({
      type: 'actions',
      elements: [{ action_id: ACTIONS.viewDetails, value: APP, text: { text: 'Candidate details' } }],
    });
  });

  it('escapes what people typed, and links only a plain https address', () => {
    const m = interviewReminderMessage(
      view({
        candidateName: 'Bobby <@U0ADMIN> & co',
        competencies: [{ name: '<!channel>', good: 'a > b' }],
        meetUrl: 'https://evil.example/|click>',
        others: [],
      }),
    );
    expect(words(m)).toContain('Bobby &lt;@U0ADMIN&gt; &amp; co');
    expect(words(m)).toContain('• *&lt;!channel&gt;*: a &gt; b');
    expect(words(m)).toContain('*Join:* the link is in the calendar invitation');
    expect(words(m)).toContain('You interview alone.');
    expect(m.text).not.toContain('<@U0ADMIN>');
  });

  it('says when a step has no competencies', () => {
    expect(words(interviewReminderMessage(view({ competencies: [] })))).toContain(
      'The role sets no competencies for this step.',
    );
  });

  it('cancelled: says so, with the time it was, and no buttons', () => {
    const m = interviewReminderMessage(view({ state: 'cancelled' }));
    expect(m.text).toMatch(
      /^Cancelled: Intro call with Grace Hopper \(Backend Engineer\), Tuesday 2 March 2027, 10:30/,
    );
    expect(m.blocks.some((b) => b.type === 'actions')).toBe(false);
  });

  it('swapped out: says they are no longer on it, and no buttons', () => {
    const m = interviewReminderMessage(view({ state: 'not-on-it' }));
    expect(m.text).toMatch(/^You are no longer on this interview: Intro call with Grace Hopper/);
    expect(m.blocks.some((b) => b.type === 'actions')).toBe(false);
  });

  it('stays inside Slack’s limits with 10 interviewers, 8 long competencies and long unicode names', () => {
    const long = '👩🏽‍💻 Zoë Ångström-Łukasiewicz 王小明 مريم '.repeat(40);
    for (const state of ['booked', 'cancelled', 'not-on-it'] as const) {
      const m = interviewReminderMessage(
        view({
          state,
          candidateName: long,
          roleTitle: long,
          stepName: long,
          others: Array.from({ length: 9 }, (_, i) => `U0PANEL${i}`),
          competencies: Array.from({ length: 8 }, (_, i) => ({
            name: `${Array.from(long).slice(0, 57).join('')} ${i}`,
            good: Array.from(long).slice(0, 300).join(''),
          })),
        }),
      );
      expect(checkSurface({ type: 'message', ...m })).toEqual([]);
    }
  });
});
