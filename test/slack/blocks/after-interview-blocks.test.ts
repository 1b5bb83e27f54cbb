import { describe, expect, it } from 'vitest';
import type { DebriefView } from '../../../src/services/debriefs/load-debrief.js';
import type { ScorecardView } from '../../../src/services/scorecards/load-scorecard.js';
import type { Readable } from '../../../src/services/scorecards/readable-scorecards.js';
import { debriefMessage } from '../../../src/slack/blocks/debrief.js';
import { checkSurface } from '../../../src/slack/blocks/limits.js';
import { scorecardLate, scorecardNudge, scorecardRequest } from '../../../src/slack/blocks/scorecard-messages.js';
import { scorecardModal } from '../../../src/slack/blocks/scorecard-modal.js';
import { scorecardSummaryBlocks, scorecardsModal } from '../../../src/slack/blocks/scorecards-view.js';

// Ten interviewers, eight competencies, long unicode everywhere: every surface of the
// after-interview work still fits Slack's Block Kit limits.
const long = '👩🏽‍💻 Zoë Ångström 王小明 مريم <!channel> '.repeat(120);
const competencies = Array.from({ length: 8 }, (_, i) => ({
  id: `c${i}`,
  name: long.slice(0, 60),
  good: long.slice(0, 300),
}));
const ratings = Object.fromEntries(
  competencies.map((c, i) => [c.id, { name: c.name, rating: ([1, 2, 3, 4, null] as const)[i % 5]! }]),
);
const at = new Date('2027-03-28T01:30:00Z'); // the night Europe's clocks change

const scorecard = (status: ScorecardView['status']): ScorecardView => ({
  id: '00000000-0000-4000-8000-000000000001',
  status,
  version: 3,
  recommendation: status === 'SUBMITTED' ? 'STRONG_YES' : null,
  ratings,
  notes: long.slice(0, 3000),
  nudgesSent: 3,
  dueAt: at,
  draftSavedAt: null,
  submittedAt: null,
  interviewer: { id: 'u', slackUserId: 'U0BEA', name: long, timeZone: 'Europe/Berlin' },
  interview: { id: '00000000-0000-4000-8000-000000000002', status: 'COMPLETED', startsAt: at, endsAt: at },
  step: { name: long, position: 1, competencies },
  application: {
    id: '00000000-0000-4000-8000-000000000003',
    stage: 'INTERVIEWED',
    planPosition: 1,
    slackChannelId: 'C0',
  },
  candidateName: long,
  erased: false,
  role: { id: 'r', title: long, policy: {}, recruiterId: null, hiringManagerId: null },
});

const debrief: DebriefView = {
  interviewId: '00000000-0000-4000-8000-000000000002',
  synthesis: long.slice(0, 1500),
  scorecardsAtPost: 9,
  postedAt: at,
  meeting: { startsAt: at },
  decision: 'HOLD',
  decidedBy: 'U0HUGO',
  step: { name: long, position: 1, competencies },
  application: {
    id: '00000000-0000-4000-8000-000000000003',
    version: 7,
    stage: 'INTERVIEWED',
    planPosition: 1,
    planLength: 3,
    planStepNames: [long, long, long],
  },
  candidateName: long,
  roleTitle: long,
  panel: Array.from({ length: 10 }, (_, i) => ({
    name: long,
    status: i === 9 ? 'PENDING' : 'SUBMITTED',
    recommendation: (['STRONG_NO', 'NO', 'YES', 'STRONG_YES'] as const)[i % 4]!,
    // Each rates differently, so every competency shows a disagreement.
    ratings: Object.fromEntries(
      competencies.map((c, j) => [c.id, { name: c.name, rating: (((i + j) % 4) + 1) as 1 | 2 | 3 | 4 }]),
    ),
    version: 1,
  })),
  card: { channel: 'C0', ts: '1.0' },
};

const readable: Readable = {
  candidateName: long,
  cards: Array.from({ length: 10 }, (_, i) => ({
    interviewer: long,
    mine: i === 0,
    step: long,
    status: 'SUBMITTED' as const,
    recommendation: 'NO',
    ratings,
    notes: long.slice(0, 3000),
    version: 2,
    submittedAt: at,
  })),
  hidden: 3,
  why: 'not-deciding',
};

/** Every text Slack parses as mrkdwn (where `<!channel>` would ping): the notification text and mrkdwn objects. */
function mrkdwnOf(message: { text?: string; blocks?: unknown[] }): string {
  const found: string[] = [message.text ?? ''];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.type === 'mrkdwn' && typeof o.text === 'string') found.push(o.text);
      Object.values(o).forEach(walk);
    }
  };
  walk(message.blocks);
  return found.join('\n');
}

describe('after the interview, within Slack’s limits', () => {
  it('the debrief of a ten-person panel on eight competencies', () => {
    const message = debriefMessage(debrief);
    expect(checkSurface({ type: 'message', ...message })).toEqual([]);
    // Text from people reaches Slack escaped: no mention of the whole channel.
    expect(mrkdwnOf(message)).not.toContain('<!channel>');
    expect(mrkdwnOf(message)).toContain('2+ points apart');
  });

  it.each(['PENDING', 'DRAFT', 'SUBMITTED'] as const)('the %s scorecard request, nudge and late notice', (status) => {
    for (const message of [
      scorecardRequest(scorecard(status)),
      scorecardNudge(scorecard(status), at),
      scorecardLate(scorecard(status)),
    ]) {
      expect(checkSurface({ type: 'message', ...message })).toEqual([]);
      expect(mrkdwnOf(message)).not.toContain('<!channel>');
    }
  });

  it('the scorecard modal with eight competencies and full notes', () => {
    const modal = scorecardModal(scorecard('DRAFT'), { savedAt: 'now' });
    expect(
      checkSurface({
        type: 'modal',
        blocks: modal.blocks as never,
        title: modal.title.text,
        submit: modal.submit.text,
        close: modal.close.text,
        private_metadata: modal.private_metadata,
      }),
    ).toEqual([]);
  });

  it('reading ten scorecards in full, and their summary in View details', () => {
    const modal = scorecardsModal(readable);
    expect(checkSurface({ type: 'modal', blocks: modal.blocks as never, title: modal.title.text })).toEqual([]);
    const summary = scorecardSummaryBlocks(readable, '00000000-0000-4000-8000-000000000003');
    expect(checkSurface({ type: 'message', text: 'details', blocks: summary as never })).toEqual([]);
    expect(mrkdwnOf({ blocks: [...modal.blocks, ...summary] })).not.toContain('<!channel>');
  });
});
