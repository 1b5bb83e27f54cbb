import { DateTime } from 'luxon';
import type { BusyRef } from './availability.js';
import type { Context, SlotBlock } from './evaluate.js';
import { MINUTE } from './intervals.js';

// One sentence per reason a time is excluded, with times in the zone of the person they
// concern and the zone spelled out (never "IST" or "CST": those name several zones).

export function localTime(t: number, zone: string, format = 'ccc d LLL HH:mm'): string {
  return `${DateTime.fromMillis(t, { zone }).toFormat(format)} ${zone}`;
}

const KIND_WORDS: Record<BusyRef['kind'], string> = {
  busy: 'busy',
  tentative: 'tentatively busy',
  free: 'free',
  'out-of-office': 'out of office',
  'all-day': 'in an all-day event',
  unknown: 'unknown',
  interview: 'in another interview',
};

export function describeBlock(block: SlotBlock, start: number, ctx: Context): string {
  switch (block.code) {
    case 'too-soon':
      return (
        `less than ${ctx.query.minNoticeMinutes / 60} h notice (earliest ` +
        `${localTime(block.earliest, ctx.query.candidate.zone)})`
      );
    case 'outside-window':
      return 'outside the search window';
    case 'candidate-unavailable':
      return 'outside the times the candidate gave';
    case 'interviewer':
      return describeConflict(block, start, ctx);
  }
}

function describeConflict(block: Extract<SlotBlock, { code: 'interviewer' }>, start: number, ctx: Context): string {
  const zone = ctx.interviewers.find((p) => p.interviewer.id === block.interviewerId)!.interviewer.zone;
  const { name, conflict } = block;
  const span = (b: BusyRef): string =>
    `${DateTime.fromMillis(b.start, { zone }).toFormat('HH:mm')}–` +
    `${DateTime.fromMillis(b.end, { zone }).toFormat('HH:mm')} ${zone}${b.label ? ` (${b.label})` : ''}`;
  switch (conflict.code) {
    case 'outside-hours':
      return `outside ${name}'s working hours (${localTime(start, zone, 'ccc HH:mm')})`;
    case 'busy':
      return `${name} is ${KIND_WORDS[conflict.busy.kind]} ${span(conflict.busy)}`;
    case 'buffer': {
      const minutes = (conflict.busy.end <= start ? ctx.buffers.before : ctx.buffers.after) / MINUTE;
      return `within ${minutes} min of ${name} being ${KIND_WORDS[conflict.busy.kind]} ${span(conflict.busy)}`;
    }
    case 'calendar-unknown':
      return `${name}'s calendar could not be read, so their time there is unknown`;
    case 'daily-cap':
      return (
        `${name} already has ${conflict.count} interview${conflict.count === 1 ? '' : 's'} on ` +
        `${localTime(start, zone, 'ccc d LLL')} (daily cap ${conflict.cap})`
      );
    case 'weekly-cap':
      return `${name} already has ${conflict.count} interviews that week (weekly cap ${conflict.cap})`;
  }
}

/** The reason without its time, for counting across many excluded times. */
export function describeBlockKind(block: SlotBlock): string {
  if (block.code === 'too-soon') return 'within the minimum notice';
  if (block.code === 'outside-window') return 'outside the search window';
  if (block.code === 'candidate-unavailable') return 'outside the times the candidate gave';
  const { name, conflict } = block;
  switch (conflict.code) {
    case 'outside-hours':
      return `outside ${name}'s working hours`;
    case 'busy':
      return `${name} is ${KIND_WORDS[conflict.busy.kind]}`;
    case 'buffer':
      return `too close to ${name}'s other commitments (buffer)`;
    case 'calendar-unknown':
      return `${name}'s calendar could not be read`;
    case 'daily-cap':
      return `${name}'s daily interview cap (${conflict.cap}) is reached`;
    case 'weekly-cap':
      return `${name}'s weekly interview cap (${conflict.cap}) is reached`;
  }
}
