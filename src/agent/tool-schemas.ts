import type Anthropic from '@anthropic-ai/sdk';
import { z } from 'zod';

// The agent's tools, and only these. Each input is a strict zod object: a field the tool does
// not have (a recipient, another application's id) is a refused call, not an ignored one.
// Tools never take an application, candidate or address: the run is bound to one application
// and the code supplies them.

const ZLocalRange = z
  .object({
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .describe('Local date, YYYY-MM-DD'),
    from: z
      .string()
      .regex(/^\d{2}:\d{2}$/)
      .describe('Local start, HH:MM (24h)'),
    to: z
      .string()
      .regex(/^\d{2}:\d{2}$/)
      .describe('Local end, HH:MM (24h); 24:00 means end of day'),
  })
  .strict();

export const TOOL_INPUTS = {
  find_slots: z
    .object({
      within: z
        .array(ZLocalRange)
        .max(20)
        .optional()
        .describe("Only times inside these ranges, in the candidate's zone"),
    })
    .strict()
    .describe(
      'Looks up interview times that work for the interviewers right now (fresh calendars). Offers nothing; use ' +
        'propose_slots to offer.',
    ),
  propose_slots: z
    .object({
      within: z
        .array(ZLocalRange)
        .max(20)
        .optional()
        .describe("The candidate's availability, in their zone; omit for any time"),
    })
    .strict()
    .describe(
      'Finds new times (inside the ranges, if given) and makes them the current options. Depending on the role, the ' +
        'team approves them first (then wait) or they become options at once (then email them with ' +
        'include_options). For a booked interview this offers times to move it to.',
    ),
  send_email: z
    .object({
      text: z
        .string()
        .min(1)
        .max(6000)
        .describe(
          'Plain-text body, no greeting line needed beyond "Hi <first name>,", signed "Justin, on behalf of the ' +
            'hiring team"',
        ),
      include_options: z
        .boolean()
        .default(false)
        .describe('Append the current options as a numbered list with their zone spelled out; refer to them by number'),
    })
    .strict()
    .describe(
      "Emails the candidate in their application's thread. The recipient is always this candidate. After this, wait " +
        'for their reply.',
    ),
  record_availability: z
    .object({
      zone: z
        .string()
        .max(64)
        .optional()
        .describe('IANA zone like Europe/London; never an abbreviation such as IST or CST'),
      within: z.array(ZLocalRange).max(20).optional().describe('Times the candidate said they are free, in their zone'),
    })
    .strict()
    .describe("Records the candidate's time zone and availability."),
  book_slot: z
    .object({ option: z.number().int().min(1).max(20).describe('Number of one of the current options') })
    .strict()
    .describe(
      'Books the interview at one of the current options, after the code re-checks it against fresh calendars. Sends ' +
        'calendar invites with a video link.',
    ),
  reschedule_interview: z
    .object({ option: z.number().int().min(1).max(20).describe('Number of one of the current options') })
    .strict()
    .describe(
      'Moves the booked interview to one of the current options (after propose_slots), re-checked against fresh ' +
        'calendars.',
    ),
  cancel_interview: z
    .object({ reason: z.string().min(1).max(500) })
    .strict()
    .describe(
      "Cancels this candidate's interview (for example when they withdraw). Everyone invited is told by the calendar.",
    ),
  ask_team: z
    .object({ question: z.string().min(1).max(1500) })
    .strict()
    .describe('Asks the hiring team a question in Slack; their answer arrives later as an event. Wait after asking.'),
  schedule_follow_up: z
    .object({ after_business_days: z.number().int().min(1).max(10) })
    .strict()
    .describe('If the candidate stays silent this many business days (their zone), you are woken to nudge them.'),
  hand_over: z
    .object({ reason: z.string().min(1).max(1000) })
    .strict()
    .describe(
      'Stops the agent for this candidate and hands the conversation to a person. Use when unsure, when asked for a ' +
        'human, or when a rule stops you.',
    ),
} as const;

export type ToolName = keyof typeof TOOL_INPUTS;
export type ToolInput<N extends ToolName> = z.output<(typeof TOOL_INPUTS)[N]>;
export const TOOL_NAMES = Object.keys(TOOL_INPUTS) as ToolName[];

/** Tools that change nothing: the only ones one model answer may call more than once. */
export const READ_ONLY: ReadonlySet<ToolName> = new Set(['find_slots']);

/** The tool definitions sent to Claude, generated from the zod schemas; the last carries the cache breakpoint. */
export function toolDefinitions(): Anthropic.Messages.Tool[] {
  return TOOL_NAMES.map((name, i) => {
    const schema = z.toJSONSchema(TOOL_INPUTS[name], { io: 'input' }) as Record<string, unknown>;
    const { description, $schema: _s, ...inputSchema } = schema;
    return {
      name,
      description: String(description ?? name),
      input_schema: inputSchema as Anthropic.Messages.Tool.InputSchema,
      ...(i === TOOL_NAMES.length - 1 ? { cache_control: { type: 'ephemeral' as const } } : {}),
    };
  });
}
