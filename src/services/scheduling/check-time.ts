import { explainTime, type TimeExplanation } from '../../domain/scheduling/explain-time.js';
import type { FreshBusy } from './availability.js';
import type { InterviewPlan, Person } from './load-interview-plan.js';
import { slotQueryFor, type Booked } from './slot-query-for.js';

/**
 * Whether one start time works for an interview right now, by the slot engine, against
 * fresh calendars and the bookings in the database. `asPanel` requires exactly `people`
 * (the ones a time was proposed with); otherwise the stage's own rule applies.
 */
export function checkTime({
  plan,
  people = plan.people,
  asPanel = false,
  fresh,
  booked,
  held = [],
  start,
  now,
  minNoticeMinutes,
}: {
  plan: InterviewPlan;
  people?: readonly Person[];
  asPanel?: boolean;
  fresh: FreshBusy;
  booked: readonly Booked[];
  held?: readonly Booked[];
  start: Date;
  now: Date;
  minNoticeMinutes: number;
}): TimeExplanation {
  const planFor: InterviewPlan = asPanel ? { ...plan, stage: { ...plan.stage, panelMode: 'ALL' } } : plan;
  const end = new Date(start.getTime() + plan.stage.durationMinutes * 60_000);
  const query = slotQueryFor({
    plan: planFor,
    people,
    fresh,
    booked,
    held,
    window: { start, end },
    now,
    minNoticeMinutes,
  });
  return explainTime(query, start.getTime());
}
