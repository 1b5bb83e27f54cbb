import { parseSlotQuery, ZBusyPolicy, type SlotQuery } from '../../domain/scheduling/slot-query.js';
import { DEFAULT_WORKING_HOURS, ZStoredWorkingHours } from '../../domain/scheduling/scheduling-policy.js';
import type { FreshBusy } from './availability.js';
import type { InterviewPlan, Person } from './load-interview-plan.js';

export type Booked = { userId: string; startsAt: Date; endsAt: Date };

/**
 * The slot engine's question for an interview: its people with their hours, caps, policy,
 * fresh busy time and the interviews already booked with us, over a window.
 */
export function slotQueryFor({
  plan,
  people = plan.people,
  fresh,
  booked,
  held = [],
  avoid = [],
  window,
  now,
  minNoticeMinutes = plan.policy.minNoticeHours * 60,
  candidateWindows = [],
}: {
  plan: InterviewPlan;
  people?: readonly Person[];
  fresh: FreshBusy;
  booked: readonly Booked[];
  /** Times held on these people's calendars for other candidates (see hold-slots.ts): busy here. */
  held?: readonly Booked[];
  /** Times nobody is offered (the booked time an interview is being moved away from). */
  avoid?: ReadonlyArray<{ start: Date; end: Date }>;
  window: { start: Date; end: Date };
  now: Date;
  minNoticeMinutes?: number;
  candidateWindows?: Array<{ start: string; end: string }>;
}): SlotQuery {
  const panel = plan.stage.panelMode === 'ALL';
  return parseSlotQuery({
    now: now.toISOString(),
    interviewers: people.map((p) => {
      const hours = ZStoredWorkingHours.safeParse(p.workingHours);
      const policy = ZBusyPolicy.safeParse(p.busyPolicy ?? undefined);
      return {
        id: p.userId,
        name: p.name,
        zone: p.zone,
        weeklyHours: (hours.success ? hours.data : DEFAULT_WORKING_HOURS).weekly,
        overrides: (hours.success ? hours.data : DEFAULT_WORKING_HOURS).overrides,
        ...(p.dailyCap ? { dailyCap: p.dailyCap } : {}),
        ...(p.weeklyCap ? { weeklyCap: p.weeklyCap } : {}),
        busy: [
          ...(fresh.get(p.userId)?.busy ?? [
            { start: window.start.toISOString(), end: window.end.toISOString(), kind: 'unknown' as const },
          ]),
          ...held
            .filter((h) => h.userId === p.userId)
            .map((h) => ({
              start: h.startsAt.toISOString(),
              end: h.endsAt.toISOString(),
              kind: 'busy' as const,
              label: 'held for another candidate',
            })),
          ...avoid.map((a) => ({
            start: a.start.toISOString(),
            end: a.end.toISOString(),
            kind: 'busy' as const,
            label: 'the time being moved from',
          })),
        ],
        ...(policy.success ? { policy: policy.data } : {}),
        booked: booked
          .filter((b) => b.userId === p.userId)
          .map((b) => ({ start: b.startsAt.toISOString(), end: b.endsAt.toISOString() })),
      };
    }),
    stage: {
      durationMinutes: plan.stage.durationMinutes,
      mode: panel ? 'panel' : 'pool',
      needed: panel ? people.length : Math.min(plan.stage.interviewersNeeded, people.length),
    },
    candidate: {
      zone: plan.interview.candidateZone ?? plan.candidate.timeZone ?? people[0]?.zone ?? 'UTC',
      windows: candidateWindows,
    },
    window: { start: window.start.toISOString(), end: window.end.toISOString() },
    minNoticeMinutes,
    bufferBeforeMinutes: plan.policy.bufferBeforeMinutes,
    bufferAfterMinutes: plan.policy.bufferAfterMinutes,
    gridMinutes: plan.policy.gridMinutes,
    maxSlots: plan.policy.slotsToOffer,
  });
}
