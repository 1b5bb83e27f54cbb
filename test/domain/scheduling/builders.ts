import { parseSlotQuery, type SlotQuery, type SlotQueryInput } from '../../../src/domain/scheduling/slot-query.js';

type InterviewerInput = SlotQueryInput['interviewers'][number];
type Hours = [string, string];

export const weekdays = (...hours: Hours[]): InterviewerInput['weeklyHours'] => ({
  mon: hours,
  tue: hours,
  wed: hours,
  thu: hours,
  fri: hours,
});
export const everyDay = (...hours: Hours[]): InterviewerInput['weeklyHours'] => ({
  ...weekdays(...hours),
  sat: hours,
  sun: hours,
});

/** An interviewer working 09:00–17:00 on weekdays in their zone, named after their id. */
export function person(id: string, zone: string, extra: Partial<InterviewerInput> = {}): InterviewerInput {
  return { id, name: id[0]!.toUpperCase() + id.slice(1), zone, weeklyHours: weekdays(['09:00', '17:00']), ...extra };
}

/** A query with no notice, a one-hour grid and one-hour interviews unless overridden. */
export function query(over: Partial<SlotQueryInput> & Pick<SlotQueryInput, 'interviewers' | 'window'>): SlotQuery {
  return parseSlotQuery({
    now: '2026-01-01T00:00:00Z',
    stage: { durationMinutes: 60, mode: 'panel' },
    candidate: { zone: 'UTC' },
    minNoticeMinutes: 0,
    gridMinutes: 60,
    maxSlots: 20,
    ...over,
  });
}

export const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');
export const sortedStarts = (slots: Array<{ start: number }>): string[] =>
  slots
    .map((s) => s.start)
    .sort((a, b) => a - b)
    .map(iso);
