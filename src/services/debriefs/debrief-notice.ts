import { debriefMessage } from '../../slack/blocks/debrief.js';
import type { NoticeRenderer } from '../notices/notice-renderers.js';
import { loadDebrief } from './load-debrief.js';

/**
 * The debrief, rendered at delivery: in the card's thread, or as a direct message when the
 * role keeps notes out of the channel (the notice then has its reader).
 */
export const DEBRIEF_RENDERERS: Record<string, NoticeRenderer> = {
  debrief: async (db, notice) => {
    const debrief = notice.interviewId ? await loadDebrief(db, notice.interviewId) : null;
    if (!debrief) return null;
    const message = debriefMessage(debrief);
    if (notice.userId) return message;
    if (!debrief.card.channel || !debrief.card.ts) return null;
    return { ...message, channel: debrief.card.channel, threadTs: debrief.card.ts };
  },
};
