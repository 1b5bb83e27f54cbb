import { z } from 'zod';

// How the scheduling agent may act for a role, from Role.policy.agent. Every field has a
// default, so a role created before a field existed still parses.

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time like 08:30');

// prefault({}): a missing object is parsed as {}, so each field's own default applies and the
// defaults are written once.
export const ZAgentPolicy = z
  .object({
    /** What waits for a person's click before it happens. */
    approve: z
      .object({
        /** The first times offered to a candidate (later rounds, after they asked for others, go straight out). */
        firstProposal: z.boolean().default(true),
        /** Every email the agent writes. */
        everyEmail: z.boolean().default(false),
        /** Booking the time the candidate chose. */
        booking: z.boolean().default(false),
      })
      .prefault({}),
    /** Emails go out in these hours of the candidate's day (Mon–Fri); outside them they wait. */
    sendHours: z.object({ from: HHMM.default('08:00'), to: HHMM.default('20:00') }).prefault({}),
    /** Business days of silence (in the candidate's zone) before a nudge. */
    nudgeAfterBusinessDays: z.number().int().min(1).max(10).default(2),
    /** Nudges before the candidate is handed over to the team. */
    maxNudges: z.number().int().min(0).max(5).default(2),
    /** Emails to one candidate in any 24 hours. */
    maxEmailsPerDay: z.number().int().min(1).max(10).default(4),
    /** Model calls in one run, across all its turns: a loop stops here. */
    maxModelCallsPerRun: z.number().int().min(2).max(100).default(24),
    /** Tokens (input, cached or not, plus output) one run may spend. */
    tokenBudgetPerRun: z.number().int().min(5_000).max(5_000_000).default(400_000),
  })
  .prefault({});

export type AgentPolicy = z.output<typeof ZAgentPolicy>;

/** The agent part of a role's policy JSON, with defaults for what is missing or invalid. */
export function agentPolicyOf(rolePolicy: unknown): AgentPolicy {
  const parsed = ZAgentPolicy.safeParse((rolePolicy as { agent?: unknown } | null)?.agent ?? undefined);
  return parsed.success ? parsed.data : ZAgentPolicy.parse(undefined);
}
