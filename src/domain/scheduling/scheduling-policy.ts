import { z } from 'zod';

// How a role schedules, from Role.policy.scheduling. Every field has a default, so a role
// created before a field existed still parses.

export const ZSchedulingPolicy = z
  .object({
    /** How far ahead the first slot may be. */
    minNoticeHours: z
      .number()
      .min(0)
      .max(24 * 14)
      .default(24),
    bufferBeforeMinutes: z.number().int().min(0).max(120).default(10),
    bufferAfterMinutes: z.number().int().min(0).max(120).default(10),
    /** How many days ahead to look. */
    searchDays: z.number().int().min(1).max(90).default(14),
    gridMinutes: z.union([z.literal(15), z.literal(30), z.literal(60)]).default(30),
    slotsToOffer: z.number().int().min(1).max(10).default(5),
    /** Hold proposed times on interviewers' calendars (tentative) until the candidate chooses. */
    holdProposedSlots: z.boolean().default(false),
  })
  .default({
    minNoticeHours: 24,
    bufferBeforeMinutes: 10,
    bufferAfterMinutes: 10,
    searchDays: 14,
    gridMinutes: 30,
    slotsToOffer: 5,
    holdProposedSlots: false,
  });

export type SchedulingPolicy = z.output<typeof ZSchedulingPolicy>;

/** The scheduling part of a role's policy JSON, with defaults for what is missing or invalid. */
export function schedulingPolicyOf(rolePolicy: unknown): SchedulingPolicy {
  const raw = (rolePolicy as { scheduling?: unknown } | null)?.scheduling;
  const parsed = ZSchedulingPolicy.safeParse(raw ?? undefined);
  return parsed.success ? parsed.data : ZSchedulingPolicy.parse(undefined);
}

/** Interviewer working hours as stored on User.workingHours; Mon–Fri 09:00–17:00 when unset. */
export const ZStoredWorkingHours = z.object({
  weekly: z.partialRecord(
    z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']),
    z.array(z.tuple([z.string(), z.string()])),
  ),
  overrides: z.array(z.object({ date: z.string(), hours: z.array(z.tuple([z.string(), z.string()])) })).default([]),
});
export type StoredWorkingHours = z.output<typeof ZStoredWorkingHours>;

const NINE_TO_FIVE: [string, string][] = [['09:00', '17:00']];
export const DEFAULT_WORKING_HOURS: StoredWorkingHours = {
  weekly: { mon: NINE_TO_FIVE, tue: NINE_TO_FIVE, wed: NINE_TO_FIVE, thu: NINE_TO_FIVE, fri: NINE_TO_FIVE },
  overrides: [],
};

/** A role's policy JSON with holdProposedSlots set (the role modal's choice), everything else kept. */
export function withHold(rolePolicy: unknown, hold: boolean): object {
  const current = (rolePolicy && typeof rolePolicy === 'object' ? rolePolicy : {}) as { scheduling?: object };
  return { ...current, scheduling: { ...(current.scheduling ?? {}), holdProposedSlots: hold } };
}
