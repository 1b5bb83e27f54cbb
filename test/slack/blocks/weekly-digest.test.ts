import { describe, expect, it } from 'vitest';
import { weeklyFigures, type DigestFacts } from '../../../src/domain/digest/weekly-figures.js';
import { checkSurface } from '../../../src/slack/blocks/limits.js';
import { digestChartComment, weeklyDigestMessage } from '../../../src/slack/blocks/weekly-digest.js';

const AT = new Date('2027-03-15T08:00:00Z');
const hours = (n: number) => new Date(AT.getTime() + n * 3_600_000);
// Long, astral and hostile: mathematical letters, emoji with joiners, and markup that must stay text.
const long = (i: number) => `${'𝒜𝓁𝒾𝒸ℯ '.repeat(60)}👩🏽‍💻 <!channel> *${i}* <https://evil.example|click>`;

function facts(n: number): DigestFacts {
  return {
    at: AT,
    applications: Array.from({ length: n }, (_, i) => ({
      createdAt: hours(-24 * 30 - i),
      stage: 'SCREENING' as const,
      moves: [{ at: hours(-24 * 3 - i / 10), fromStage: 'NEW' as const, toStage: 'SCREENING' as const }],
    })),
    stuck: Array.from({ length: 8 }, (_, i) => ({ candidateName: long(i), stage: 'SCREENING' as const, days: 9 })),
    stuckTotal: n,
    stuckDays: 5,
    upcoming: Array.from({ length: n }, (_, i) => ({
      candidateName: long(i),
      stepName: long(-i),
      startsAt: hours(i % 160),
    })),
    owed: Array.from({ length: n }, (_, i) => ({
      interviewerSlackId: `U0${i}`,
      candidateName: long(i),
      stepName: long(i),
      dueAt: hours(-30 - i),
    })),
    offersOut: 3,
    agent: { emailsSent: 12, interviewsBooked: 4, handOvers: 1, costPerScheduledInterviewUsd: 0.04 },
  };
}

describe('the weekly digest message', () => {
  it.each([0, 1, 500])('fits Slack’s limits with %i candidates and long unicode names', (n) => {
    const message = weeklyDigestMessage({ title: long(0), figures: weeklyFigures(facts(n)), zone: 'Europe/Berlin' });
    expect(checkSurface({ type: 'message', ...message })).toEqual([]);
    const all = JSON.stringify(message);
    expect(all).not.toContain('<!channel>');
    expect(all).not.toContain('<https://evil');
    expect(all).toContain('&lt;!channel&gt;');
  });

  it('counts what it does not list, and writes the figures out', () => {
    const message = weeklyDigestMessage({
      title: 'Backend',
      figures: weeklyFigures(facts(500)),
      zone: 'Europe/Berlin',
    });
    const said = JSON.stringify(message.blocks);
    expect(said).toMatch(/and 49\d more \(`\/pipeline`\)/);
    expect(said).toMatch(/and 4\d\d more \(`\/interviews week`\)/);
    expect(said).toContain('Screening: *500* (+500)');
    expect(said).toContain('*Late scorecards* (500,');
    expect(said).toContain('12 emails sent · 4 interviews booked · 1 hand-over · $0.040 per scheduled interview');
    expect(said).toContain('*Offers out:* 3');
    expect(said).toContain('Mon 8 Mar – Mon 15 Mar 2027, 09:00 (Europe/Berlin)');
  });

  it('says so when there is nothing to list', () => {
    const said = JSON.stringify(
      weeklyDigestMessage({ title: 'Backend', figures: weeklyFigures(facts(0)), zone: 'UTC' }).blocks,
    );
    expect(said).toContain('nobody');
    expect(said).toContain('*Interviews this week:* none booked');
    expect(said).toContain('*Late scorecards:* none');
  });

  it('escapes the title beside the chart', () => {
    expect(digestChartComment('<!here> Ops')).toBe(
      'Candidates per stage in &lt;!here&gt; Ops, now and a week ago (figures in the digest above).',
    );
  });
});
