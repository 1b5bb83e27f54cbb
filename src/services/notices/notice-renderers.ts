import type { Tx } from '../../db/prisma.js';

/** A notice as stored: what it is about, and where Slack put it once posted. */
export type NoticeRow = {
  id: string;
  key: string;
  kind: string;
  userId: string | null;
  interviewId: string | null;
  scorecardId: string | null;
  offerId: string | null;
  channel: string | null;
  ts: string | null;
};

/**
 * What a notice says now. A direct message (the notice has a user) goes to that person; any
 * other names its channel and, for a reply, the thread. `blocks` carry the buttons.
 */
export type RenderedNotice = {
  text: string;
  blocks?: Record<string, unknown>[];
  channel?: string;
  threadTs?: string;
};

/**
 * Renders one kind of notice from the database at delivery, or says there is nothing to post
 * (null: what it was about is gone before it was first posted; an update then leaves it).
 */
export type NoticeRenderer = (db: Tx, notice: NoticeRow, now: Date) => Promise<RenderedNotice | null>;
