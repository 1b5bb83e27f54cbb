import {
  DEFAULT_WORKING_HOURS,
  ZStoredWorkingHours,
  type StoredWorkingHours,
} from '../scheduling/scheduling-policy.js';
import { ZBusyPolicy } from '../scheduling/slot-query.js';
import type { InterviewerSettings } from './interviewer-settings-form.js';

// Between the User row's columns and the settings modal's values, both ways. The scheduler
// reads the same columns (slot-query-for.ts), with the same defaults, so the modal shows
// exactly what it uses.

export type StoredSettings = {
  email: string | null;
  calendarId: string | null;
  workingHours: unknown;
  dailyInterviewCap: number | null;
  weeklyInterviewCap: number | null;
  busyPolicy: unknown;
};

/**
 * The modal's values for a stored person: unset or unreadable columns show their defaults. Days
 * off before `today` (an ISO date in their zone) are left out: they no longer matter, and a list
 * that only grows would in time not fit the field.
 */
export function settingsFromStored(row: StoredSettings, { today = '' }: { today?: string } = {}): InterviewerSettings {
  const parsed = ZStoredWorkingHours.safeParse(row.workingHours);
  const hours = parsed.success ? parsed.data : DEFAULT_WORKING_HOURS;
  const policy = ZBusyPolicy.safeParse(row.busyPolicy ?? undefined);
  return {
    weekly: hours.weekly,
    daysOff: hours.overrides.filter((o) => o.hours.length === 0 && o.date >= today).map((o) => o.date),
    dailyCap: row.dailyInterviewCap,
    weeklyCap: row.weeklyInterviewCap,
    busyPolicy: policy.success ? policy.data : ZBusyPolicy.parse(undefined),
    calendarId: row.calendarId ?? row.email,
  };
}

/**
 * The working hours to store. Overrides with hours of their own (a Saturday worked, set
 * outside the modal) are kept unless the day is now off; the modal only edits days off.
 */
export function workingHoursToStore(settings: InterviewerSettings, previous: unknown): StoredWorkingHours {
  const parsed = ZStoredWorkingHours.safeParse(previous);
  const off = new Set(settings.daysOff);
  const kept = parsed.success ? parsed.data.overrides.filter((o) => o.hours.length > 0 && !off.has(o.date)) : [];
  const overrides = [...kept, ...settings.daysOff.map((date) => ({ date, hours: [] as [string, string][] }))].sort(
    (a, b) => a.date.localeCompare(b.date),
  );
  return { weekly: settings.weekly, overrides };
}
