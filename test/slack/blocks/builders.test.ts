import { describe, expect, it } from 'vitest';
import { candidateResults } from '../../../src/slack/blocks/candidate-results.js';
import { helpMessage, refusalMessage } from '../../../src/slack/blocks/help.js';
import { checkSurface, fit, LIMITS } from '../../../src/slack/blocks/limits.js';
import type { CandidateHit } from '../../../src/services/candidates/search-candidates.js';
import { roleModal } from '../../../src/slack/blocks/role-modal.js';

// Long and unicode-heavy data: astral emoji, combining marks, RTL text, CJK.
const WEIRD = '👩🏽‍💻 Zoë Ångström-Łukasiewicz 王小明 مريم ';
const long = (n: number) => WEIRD.repeat(Math.ceil(n / WEIRD.length));

function hit(i: number, apps: number): CandidateHit {
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    name: long(500),
    email: `${long(100)}@example.com`,
    score: 1,
    applications: Array.from({ length: apps }, (_, j) => ({
      roleTitle: long(400),
      stage: 'INTERVIEW_SCHEDULED',
      nextInterviewAt: j % 2 ? new Date('2026-03-29T00:30:00Z') : null,
    })),
  };
}

describe('Block Kit builders stay inside Slack limits', () => {
  it.each([
    ['help', helpMessage()],
    ['help for unknown input', helpMessage({ unknown: long(10_000) })],
    ['refusal', refusalMessage(long(50))],
    ['no results', candidateResults({ query: long(5000), hits: [], timeZone: 'Asia/Kolkata' })],
    [
      'many long results',
      candidateResults({
        query: long(300),
        hits: Array.from({ length: 60 }, (_, i) => hit(i, 12)),
        timeZone: 'Australia/Adelaide',
      }),
    ],
  ])('%s', (_name, message) => {
    expect(checkSurface({ type: 'message', ...message })).toEqual([]);
  });
});

describe('the role modal stays inside Slack limits, filled in with long data', () => {
  it.each([
    ['new', roleModal({ channelId: 'C0HIRING' })],
    [
      'edit',
      roleModal({
        existing: {
          id: '00000000-0000-4000-8000-000000000001',
          version: new Date().toISOString(),
          title: long(500),
          description: long(10_000),
          requirements: long(10_000),
          location: long(300),
          hiringManager: 'U0HM',
          recruiter: null,
          channel: 'C0ROLE',
          holdProposedSlots: true,
          offer: {
            approvers: Array.from({ length: 10 }, (_, i) => `U0APPROVER${i}`),
            threshold: { amount: '99999999999.99', currency: 'EUR', approver: 'U0ADA' },
          },
          afterInterview: {
            reminderLeadMinutes: [1440, 60, 15],
            nudgeLimit: 5,
            debriefDeadlineHours: null,
            debriefIn: 'private',
            bookDebriefMeeting: true,
          },
          stages: Array.from({ length: 5 }, (_, i) => ({
            id: `s${i}`,
            name: long(300),
            durationMinutes: 45,
            kind: 'TECHNICAL',
            pool: Array.from({ length: 30 }, (_, j) => `U0P${j}`),
            needed: 2,
            competencies: Array.from({ length: 8 }, (_, j) => ({
              id: `c${j}`,
              name: Array.from(long(60)).slice(0, 58).join('').trim() + j,
              good: Array.from(long(300)).slice(0, 300).join(''),
            })),
          })),
        },
      }),
    ],
  ])('%s', (_name, view) => {
    expect(
      checkSurface({
        type: 'modal',
        blocks: view.blocks,
        title: view.title.text,
        submit: view.submit.text,
        close: view.close.text,
        private_metadata: view.private_metadata,
      }),
    ).toEqual([]);
  });

  it('finds a filled-in value longer than its field', () => {
    const view = roleModal();
    const title = view.blocks.find((b) => 'block_id' in b && b.block_id === 'title') as {
      element: Record<string, unknown>;
    };
    title.element.initial_value = 'x'.repeat(121);
    expect(checkSurface({ type: 'modal', blocks: view.blocks })).toEqual([
      'blocks[0] (input).element.initial_value: 121 > 120',
    ]);
  });
});

describe('fit', () => {
  it('leaves short text alone', () => {
    expect(fit('hello', 10)).toBe('hello');
  });

  it('cuts by code points, never through a surrogate pair, and ends with a pointer', () => {
    const out = fit('😀'.repeat(100), 50);
    expect(Array.from(out).length).toBeLessThanOrEqual(50);
    expect(out.endsWith('…')).toBe(true);
    expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

describe('checkSurface', () => {
  it('finds what Slack would refuse', () => {
    const problems = checkSurface({
      type: 'modal',
      title: 'A title that is far too long for a modal',
      blocks: [
        { type: 'section', block_id: 'a', text: { type: 'mrkdwn', text: 'x'.repeat(LIMITS.sectionText + 1) } },
        { type: 'section', block_id: 'a', text: { type: 'mrkdwn', text: '' } },
        {
          type: 'actions',
          elements: Array.from({ length: 26 }, (_, i) => ({
            type: 'button',
            action_id: `b${i}`,
            text: { type: 'plain_text', text: 'x'.repeat(76) },
          })),
        },
      ],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^title: 40 > 24/),
        expect.stringMatching(/blocks\[0\] \(section\)\.text: 3001 > 3000/),
        expect.stringMatching(/block_id repeated: a/),
        expect.stringMatching(/text is empty/),
        expect.stringMatching(/elements: 26 > 25/),
        expect.stringMatching(/elements\[0\]\.text: 76 > 75/),
      ]),
    );
  });
});
