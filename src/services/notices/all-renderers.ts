import { DEBRIEF_RENDERERS } from '../debriefs/debrief-notice.js';
import { OFFER_RENDERERS } from '../offers/offer-notices.js';
import { SCORECARD_RENDERERS } from '../scorecards/scorecard-notices.js';
import { renderInterviewReminder } from './interview-reminder.js';
import type { NoticeRenderer } from './notice-renderers.js';

/** Every kind of notice, by its `kind`, and how it is rendered (see the slack.notice performer). */
export const NOTICE_RENDERERS: Record<string, NoticeRenderer> = {
  ...SCORECARD_RENDERERS,
  ...DEBRIEF_RENDERERS,
  ...OFFER_RENDERERS,
  'interview.reminder': renderInterviewReminder,
};
