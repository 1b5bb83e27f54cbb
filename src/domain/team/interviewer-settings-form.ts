import { WEEKDAYS, type Weekday } from '../scheduling/slot-query.js';
import { readDaysOff } from './days-off.js';
import { isAddressShaped } from './slack-profile.js';

// "My interviewing settings": the modal's fields read from Slack's view state and checked
// here, purely. Errors are keyed by block_id so Slack shows each beside its field.

export const CAP_MAX = 20;
export const BUSY_CHOICES = ['busy', 'free'] as const;
export type BusyChoice = (typeof BUSY_CHOICES)[number];

/** The modal's block ids, shared by the builder and this reader. */
export const SETTINGS_FIELDS = {
  start: (day: Weekday) => `${day}_start`,
  end: (day: Weekday) => `${day}_end`,
  daysOff: 'days_off',
  dailyCap: 'daily_cap',
  weeklyCap: 'weekly_cap',
  tentative: 'tentative',
  outOfOffice: 'out_of_office',
  allDay: 'all_day',
  calendarId: 'calendar_id',
} as const;
const F = SETTINGS_FIELDS;

export type InterviewerSettings = {
  /** Local hours per weekday; a day left out is a day they do not interview. */
  weekly: Partial<Record<Weekday, [string, string][]>>;
  /** ISO dates, sorted. */
  daysOff: string[];
  dailyCap: number | null;
  weeklyCap: number | null;
  busyPolicy: { tentative: BusyChoice; outOfOffice: BusyChoice; allDay: BusyChoice };
  /** Null when left empty: their email is used. */
  calendarId: string | null;
};

export type SettingsFormResult =
  | { ok: true; settings: InterviewerSettings }
  | { ok: false; errors: Record<string, string> };

/** Slack's `view.state.values` for this modal, loosely typed: { [block_id]: { value: element state } }. */
export type SettingsViewValues = Record<
  string,
  Record<string, { value?: string | null; selected_time?: string | null; selected_option?: { value: string } | null }>
>;

const DAY_NAMES: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

const field = (v: SettingsViewValues, block: string) => v[block]?.value;
const text = (v: SettingsViewValues, block: string) => (field(v, block)?.value ?? '').trim();

/** Reads and checks the settings modal: every problem at once, each on its own field. */
export function readInterviewerSettingsForm(v: SettingsViewValues): SettingsFormResult {
  const errors: Record<string, string> = {};
  const weekly: InterviewerSettings['weekly'] = {};
  for (const day of WEEKDAYS) {
    const read = readDay(day, field(v, F.start(day))?.selected_time ?? '', field(v, F.end(day))?.selected_time ?? '');
    if ('error' in read) errors[read.block] = read.error;
    else if (read.hours) weekly[day] = [read.hours];
  }
  const anyDay = WEEKDAYS.some((d) => field(v, F.start(d))?.selected_time || field(v, F.end(d))?.selected_time);
  if (!anyDay) errors[F.start('mon')] = 'Give at least one day you interview; for time away, list days off below.';

  const daysOff = readDaysOff(text(v, F.daysOff));
  if (!daysOff.ok) errors[F.daysOff] = daysOff.error;

  const dailyCap = readCap(text(v, F.dailyCap));
  const weeklyCap = readCap(text(v, F.weeklyCap));
  const capProblem = `A whole number from 1 to ${CAP_MAX}, or empty for no limit.`;
  if (dailyCap === 'invalid') errors[F.dailyCap] = capProblem;
  if (weeklyCap === 'invalid') errors[F.weeklyCap] = capProblem;
  else if (typeof dailyCap === 'number' && typeof weeklyCap === 'number' && weeklyCap < dailyCap) {
    errors[F.weeklyCap] = `A week's limit below a day's (${dailyCap}) would make the daily one meaningless.`;
  }

  const choice = (block: string): BusyChoice => {
    const value = field(v, block)?.selected_option?.value;
    if (value === 'busy' || value === 'free') return value;
    errors[block] = 'Choose busy or free.';
    return 'busy';
  };
  const busyPolicy = { tentative: choice(F.tentative), outOfOffice: choice(F.outOfOffice), allDay: choice(F.allDay) };

  const calendarId = text(v, F.calendarId);
  if (calendarId && !isAddressShaped(calendarId)) {
    errors[F.calendarId] = 'A calendar id looks like an address: your work email, or …@group.calendar.google.com.';
  }

  if (Object.keys(errors).length || !daysOff.ok || dailyCap === 'invalid' || weeklyCap === 'invalid') {
    return { ok: false, errors };
  }
  return {
    ok: true,
    settings: { weekly, daysOff: daysOff.dates, dailyCap, weeklyCap, busyPolicy, calendarId: calendarId || null },
  };
}

/** One weekday's start and end: its hours, none (both empty: not working), or what is wrong and where. */
function readDay(
  day: Weekday,
  start: string,
  end: string,
): { hours?: [string, string] } | { block: string; error: string } {
  const name = DAY_NAMES[day];
  if (!start && !end) return {};
  if (start && !CLOCK.test(start)) return { block: F.start(day), error: 'Pick a time from the list.' };
  if (end && !CLOCK.test(end)) return { block: F.end(day), error: 'Pick a time from the list.' };
  const orClear = (other: string) => `Or clear the ${other} if you don't interview then.`;
  if (!end) return { block: F.end(day), error: `When does ${name} end? ${orClear('start')}` };
  if (!start) return { block: F.start(day), error: `When does ${name} start? ${orClear('end')}` };
  // Zero-padded HH:MM compares as text. Hours past midnight are not offered here: an end
  // before its start is far more often a slip than a night shift.
  if (end <= start) return { block: F.end(day), error: `${name} must end after it starts (${start}).` };
  return { hours: [start, end] };
}

function readCap(raw: string): number | null | 'invalid' {
  if (!raw) return null;
  if (!/^\d+$/.test(raw)) return 'invalid';
  const n = Number(raw);
  return n >= 1 && n <= CAP_MAX ? n : 'invalid';
}
