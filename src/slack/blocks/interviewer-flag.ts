import { ACTIONS } from '../ids.js';
import { fit, LIMITS } from './limits.js';
import { slackTime } from './slot-approval.js';
import { escapeMrkdwn, escapePlainText } from './text.js';

/** "Bea declined…" / "Bea has not answered…", with a swap button per free pool member. */
export function interviewerFlag(d: {
  interviewId: string;
  kind: 'declined' | 'silent';
  interviewer: string;
  outUserId: string;
  candidateName: string;
  stageName: string;
  start: Date;
  free: Array<{ userId: string; name: string }>;
}): { text: string; blocks: Record<string, unknown>[] } {
  const what = d.kind === 'declined' ? 'declined' : 'has not answered the invitation to';
  const line =
    `:warning: *${escapeMrkdwn(d.interviewer)}* ${what} ${escapeMrkdwn(d.stageName)} with ` +
    `${escapeMrkdwn(d.candidateName)} on ${slackTime(d.start)}.`;
  const swaps = d.free.slice(0, 5).map((f) => ({
    type: 'button',
    action_id: `${ACTIONS.swapInterviewer}_${f.userId.slice(0, 8)}`,
    text: { type: 'plain_text', text: fit(`Swap in ${escapePlainText(f.name)}`, LIMITS.buttonText) },
    value: JSON.stringify({ interviewId: d.interviewId, out: d.outUserId, in: f.userId }),
  }));
  return {
    text: fit(escapeMrkdwn(`${d.interviewer} ${what} ${d.stageName} with ${d.candidateName}.`), 3000),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: fit(line, LIMITS.sectionText) } },
      swaps.length
        ? { type: 'actions', block_id: `swap_${d.interviewId.slice(0, 8)}`, elements: swaps }
        : {
            type: 'context',
            elements: [
              { type: 'mrkdwn', text: 'No one else in the pool is free then; reschedule from the candidate thread.' },
            ],
          },
    ],
  };
}
