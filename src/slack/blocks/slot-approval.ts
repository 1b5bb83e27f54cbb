import { DateTime } from 'luxon';
import type { NoSlotReport } from '../../domain/scheduling/no-slot-report.js';
import { ACTIONS } from '../ids.js';
import { fit, LIMITS } from './limits.js';
import { escapeMrkdwn, escapePlainText } from './text.js';

// The proposal the team approves: one line per time, shown to each reader in their own
// Slack time zone (<!date^…>), with the candidate's local time spelled out with its zone and
// the engine's one-line reason. Buttons carry the proposal id; approval is a compare-and-set.

export type ProposedSlot = { id: string; start: Date; end: Date; interviewers: string[]; why: string };

/** A time every Slack reader sees in their own zone; the fallback (UTC) is for notifications. */
export function slackTime(t: Date, format = '{date_short_pretty} {time}'): string {
  const unix = Math.floor(t.getTime() / 1000);
  return `<!date^${unix}^${format}|${DateTime.fromJSDate(t, { zone: 'UTC' }).toFormat('ccc d LLL HH:mm')} UTC>`;
}

export function slotLine(slot: ProposedSlot, candidateZone: string): string {
  const candidateLocal = DateTime.fromJSDate(slot.start, { zone: candidateZone }).toFormat('ccc d LLL HH:mm');
  return [
    `*${slackTime(slot.start)}–${slackTime(slot.end, '{time}')}* · ${slot.interviewers.map(escapeMrkdwn).join(', ')}`,
    `candidate: ${candidateLocal} ${candidateZone} · _${escapeMrkdwn(slot.why.replace(/^candidate [^·]+· /, ''))}_`,
  ].join('\n');
}

export function slotApprovalMessage(d: {
  interviewId: string;
  /** When the interview is booked and these are times to move it to: its current start. */
  moving?: Date | null | undefined;
  candidateName: string;
  candidateZone: string;
  stageName: string;
  durationMinutes: number;
  slots: ProposedSlot[];
}): { text: string; blocks: Record<string, unknown>[] } {
  const title = `${d.moving ? 'New times' : 'Times'} for ${d.candidateName}: ${d.stageName} (${d.durationMinutes} min)`;
  return {
    // The notification text is mrkdwn too: names from outside are escaped there as well.
    text: fit(`${escapeMrkdwn(title)}. Approve before Justin offers them.`, 3000),
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: fit(escapePlainText(title), LIMITS.headerText) } },
      ...(d.moving
        ? [
            {
              type: 'context',
              elements: [
                {
                  type: 'mrkdwn',
                  text:
                    `To move the interview booked for ${slackTime(d.moving)}; it stays booked until the ` +
                    'candidate picks a new time.',
                },
              ],
            },
          ]
        : []),
      ...d.slots.map((slot) => ({
        type: 'section',
        block_id: `slot_${slot.id}`,
        text: { type: 'mrkdwn', text: fit(slotLine(slot, d.candidateZone), LIMITS.sectionText) },
        accessory: {
          type: 'button',
          action_id: ACTIONS.approveSlot,
          text: { type: 'plain_text', text: 'Approve' },
          value: slot.id,
        },
      })),
      {
        type: 'actions',
        block_id: `slots_${d.interviewId}`,
        elements: [
          {
            type: 'button',
            action_id: ACTIONS.approveAllSlots,
            style: 'primary',
            text: { type: 'plain_text', text: 'Approve all' },
            value: d.interviewId,
          },
          {
            type: 'button',
            action_id: ACTIONS.editSlots,
            text: { type: 'plain_text', text: 'Edit…' },
            value: d.interviewId,
          },
          {
            type: 'button',
            action_id: ACTIONS.cancelSlots,
            style: 'danger',
            text: { type: 'plain_text', text: 'Cancel' },
            value: d.interviewId,
          },
        ],
      },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: 'Times show in your Slack time zone. Nothing goes to the candidate until the times are approved.',
          },
        ],
      },
    ],
  };
}

/** The proposal after a decision: times kept as text, buttons gone, who decided and when. */
export function decidedApprovalMessage(d: {
  candidateName: string;
  candidateZone: string;
  stageName: string;
  slots: Array<ProposedSlot & { approved: boolean }>;
  decision: string;
}): { text: string; blocks: Record<string, unknown>[] } {
  const title = `Times for ${d.candidateName}: ${d.stageName}`;
  return {
    text: fit(`${escapeMrkdwn(title)}: ${d.decision}`, 3000),
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: fit(escapePlainText(title), LIMITS.headerText) } },
      ...d.slots.map((slot) => ({
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: fit(`${slot.approved ? '✅' : '✖️'} ${slotLine(slot, d.candidateZone)}`, LIMITS.sectionText),
        },
      })),
      { type: 'context', elements: [{ type: 'mrkdwn', text: fit(d.decision, LIMITS.sectionText) }] },
    ],
  };
}

export function noSlotsMessage(d: { candidateName: string; stageName: string; report: NoSlotReport }): {
  text: string;
  blocks: Record<string, unknown>[];
} {
  const blockers = d.report.blockers
    .slice(0, 6)
    .map((b) => `• ${escapeMrkdwn(b.reason)}: ${b.times} of ${d.report.checked} times`);
  const unblock = d.report.unblock.slice(0, 6).map((u) => `• ${escapeMrkdwn(u)}`);
  return {
    text: fit(`No times found for ${escapeMrkdwn(d.candidateName)} (${escapeMrkdwn(d.stageName)}).`, 3000),
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: fit(
            `:warning: *No times found for ${escapeMrkdwn(d.candidateName)}* (${escapeMrkdwn(d.stageName)}).`,
            LIMITS.sectionText,
          ),
        },
      },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: fit(`*What blocked them*\n${blockers.join('\n') || '• nothing in the window'}`, LIMITS.sectionText),
        },
      },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: fit(`*What would help*\n${unblock.join('\n')}`, LIMITS.sectionText) },
      },
    ],
  };
}

export function calendarWarning(d: { candidateName: string; problems: Array<{ name: string; problems: string[] }> }): {
  text: string;
  blocks: Record<string, unknown>[];
} {
  const lines = d.problems.map(
    (p) => `• ${escapeMrkdwn(p.name)}: ${escapeMrkdwn([...new Set(p.problems)].join(', '))}`,
  );
  const text =
    `:warning: Before proposing times for ${escapeMrkdwn(d.candidateName)}: these calendars could not be ` +
    `read, so their time counts as busy until the connection is fixed.\n${lines.join('\n')}`;
  return {
    text: fit(text.replace(/[*_]/g, ''), 3000),
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: fit(text, LIMITS.sectionText) } }],
  };
}

/** The Edit… modal: which proposed times to offer, and optionally one more. */
export function editSlotsModal(d: {
  interviewId: string;
  slots: Array<{ id: string; start: Date }>;
  message: { channel: string; ts: string };
}): Record<string, unknown> {
  const options = d.slots
    .slice(0, 10)
    .map((s) => ({ text: { type: 'mrkdwn', text: slackTime(s.start) }, value: s.id }));
  return {
    type: 'modal',
    callback_id: ACTIONS.editSlotsSubmit,
    private_metadata: JSON.stringify({ interviewId: d.interviewId, ...d.message }),
    title: { type: 'plain_text', text: 'Edit times' },
    submit: { type: 'plain_text', text: 'Approve' },
    close: { type: 'plain_text', text: 'Back' },
    blocks: [
      ...(options.length
        ? [
            {
              type: 'input',
              block_id: 'keep',
              optional: true,
              label: { type: 'plain_text', text: 'Offer these times' },
              element: { type: 'checkboxes', action_id: 'keep', options, initial_options: options },
            },
          ]
        : []),
      {
        type: 'input',
        block_id: 'added',
        optional: true,
        label: { type: 'plain_text', text: 'Add another time' },
        hint: {
          type: 'plain_text',
          text: 'In your time zone. Justin checks it against everyone’s calendar before offering it.',
        },
        element: { type: 'datetimepicker', action_id: 'at' },
      },
    ],
  };
}
