import { scorecardLate, scorecardNudge, scorecardRequest } from '../../slack/blocks/scorecard-messages.js';
import type { NoticeRenderer, RenderedNotice } from '../notices/notice-renderers.js';
import { loadScorecard, type ScorecardView } from './load-scorecard.js';

// The direct messages about one scorecard, rendered from it at delivery (see slack.notice).

const fromScorecard =
  (render: (card: ScorecardView, now: Date) => RenderedNotice): NoticeRenderer =>
  async (db, notice, now) => {
    const card = notice.scorecardId ? await loadScorecard(db, notice.scorecardId) : null;
    return card ? render(card, now) : null;
  };

export const SCORECARD_RENDERERS: Record<string, NoticeRenderer> = {
  'scorecard.request': fromScorecard((card) => scorecardRequest(card)),
  'scorecard.nudge': fromScorecard((card, now) => scorecardNudge(card, now)),
  'scorecard.late': fromScorecard((card) => scorecardLate(card)),
};
