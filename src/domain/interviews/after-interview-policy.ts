import { z } from 'zod';

// What a role does around its interviews, from Role.policy.afterInterview. Every field has a
// default, so a role created before this existed still parses.

export const REMINDER_LEADS = [1440, 60, 15] as const;
export const DEBRIEF_DEADLINES = [24, 48, 72] as const;

export const ZAfterInterviewPolicy = z.object({
  /** Minutes before an interview that each interviewer gets a reminder by direct message. */
  reminderLeadMinutes: z
    .array(
      z
        .number()
        .int()
        .min(5)
        .max(7 * 1440),
    )
    .max(3)
    .default([1440, 15]),
  /** Business-morning nudges for a late scorecard before the recruiter is told. */
  nudgeLimit: z.number().int().min(0).max(10).default(3),
  /**
   * Hours after the interview when the debrief goes out with what is in; null (the default): only
   * when all are in, or when the recruiter, told of a late one, asks for it without.
   */
  debriefDeadlineHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 14)
    .nullable()
    .default(null),
  /** Where the debrief (ratings and the synthesis of notes) goes: the card's thread, or only the
   * hiring manager and recruiter by direct message. */
  debriefIn: z.enum(['thread', 'private']).default('thread'),
  /** Book a meeting for the panel and the hiring manager once a step's debrief is out. */
  bookDebriefMeeting: z.boolean().default(false),
});

export type AfterInterviewPolicy = z.output<typeof ZAfterInterviewPolicy>;

/** The role's after-interview policy, with defaults for what is missing or invalid. */
export function afterInterviewPolicyOf(rolePolicy: unknown): AfterInterviewPolicy {
  const raw = (rolePolicy as { afterInterview?: unknown } | null)?.afterInterview;
  const parsed = ZAfterInterviewPolicy.safeParse(raw ?? {});
  return parsed.success ? parsed.data : ZAfterInterviewPolicy.parse({});
}

/** A role's policy JSON with its after-interview part replaced, everything else kept. */
export function withAfterInterview(rolePolicy: unknown, afterInterview: AfterInterviewPolicy): object {
  const current = (rolePolicy && typeof rolePolicy === 'object' ? rolePolicy : {}) as object;
  return { ...current, afterInterview };
}
