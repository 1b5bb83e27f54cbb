import { z } from 'zod';

/** What wakes the agent for an application. Stored raw as an event step, then prepared for the model. */
export const ZAgentEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('slots-approved'), interviewId: z.string().uuid() }),
  /** `notWithdrawal`: Justin read a withdrawal in this mail, and the team said it was none. */
  z.object({
    type: z.literal('candidate-replied'),
    emailMessageId: z.string().uuid(),
    notWithdrawal: z.boolean().optional(),
  }),
  z.object({ type: z.literal('follow-up'), runId: z.string().uuid() }),
  z.object({
    type: z.literal('team-answered'),
    runId: z.string().uuid(),
    answer: z.string().min(1).max(2000),
    internal: z.boolean(),
    by: z.string(),
  }),
  z.object({
    type: z.literal('team-decided'),
    runId: z.string().uuid(),
    seq: z.number().int().min(1),
    approved: z.boolean(),
    by: z.string(),
  }),
  z.object({ type: z.literal('resumed'), by: z.string() }),
]);

export type AgentEvent = z.output<typeof ZAgentEvent>;
