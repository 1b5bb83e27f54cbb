import { debriefMessage } from '../../slack/blocks/debrief.js';
import type { NoticeRenderer } from '../notices/notice-renderers.js';
import { loadDebrief } from './load-debrief.js';

/**
 * The debrief, rendered at delivery: in the card's thread, or as a direct message when the
 * role keeps notes out of the channel (the notice then has its reader). Independent until
 * submitted: the thread shows what the panel said only once nobody owes a scorecard for the
 * step; a direct message, once its reader owes none for the candidate.
 */
export const DEBRIEF_RENDERERS: Record<string, NoticeRenderer> = {
  debrief: async (db, notice) => {
    const debrief = notice.interviewId ? await loadDebrief(db, notice.interviewId) : null;
    if (!debrief) return null;
    if (notice.userId) {
      const owes = await db.scorecard.count({
        where: {
          interviewerId: notice.userId,
          status: { not: 'SUBMITTED' },
          interview: { applicationId: debrief.application.id },
        },
      });
      return debriefMessage(debrief, { full: owes === 0 });
    }
    if (!debrief.card.channel || !debrief.card.ts) return null;
    const full = debrief.panel.every((p) => p.status === 'SUBMITTED');
    return { ...debriefMessage(debrief, { full }), channel: debrief.card.channel, threadTs: debrief.card.ts };
  },
};
