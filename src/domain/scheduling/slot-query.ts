import { z } from 'zod';
import { isZoneName } from '../time/zone-name.js';

// What the slot engine is asked, as JSON (the CLI's input, the scheduler's call) and as the
// parsed form the engine works on: every instant as epoch milliseconds in UTC, every zone a
// valid IANA name. Parsing is the only place an ISO string or a zone name is trusted.

export const BUSY_KINDS = ['busy', 'tentative', 'free', 'out-of-office', 'all-day', 'unknown'] as const;
export type BusyKind = (typeof BUSY_KINDS)[number];
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const zone = z
  .string()
  .refine(isZoneName, 'must be an IANA time zone such as Europe/Berlin (abbreviations like IST or CST are ambiguous)');
/** An instant with its offset ("2026-03-09T14:00:00Z", "…+05:30"): a bare local time is refused. */
const instant = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 instant with Z or an offset' })
  .transform((iso) => Date.parse(iso));
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be HH:MM, 00:00 to 24:00');
const hourRanges = z.array(z.tuple([clock, clock]));
const span = z.object({ start: instant, end: instant }).refine((s) => s.end > s.start, 'end must be after start');

export const ZBusyPolicy = z
  .object({
    tentative: z.enum(['busy', 'free']).default('busy'),
    outOfOffice: z.enum(['busy', 'free']).default('busy'),
    // Google makes all-day events "free" unless the owner says otherwise; a holiday
    // reminder should not block a day, a real all-day commitment comes back as "busy".
    allDay: z.enum(['busy', 'free']).default('free'),
  })
  .default({ tentative: 'busy', outOfOffice: 'busy', allDay: 'free' });
export type BusyPolicy = z.output<typeof ZBusyPolicy>;

export const ZInterviewer = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  zone,
  /** Local working hours per weekday; an end at or before its start runs past midnight. */
  weeklyHours: z.partialRecord(z.enum(WEEKDAYS), hourRanges),
  /** Dates (in the interviewer's zone) whose hours differ; empty hours mean a day off. */
  overrides: z.array(z.object({ date: z.iso.date(), hours: hourRanges })).default([]),
  dailyCap: z.number().int().positive().optional(),
  weeklyCap: z.number().int().positive().optional(),
  busy: z
    .array(span.and(z.object({ kind: z.enum(BUSY_KINDS).default('busy'), label: z.string().optional() })))
    .default([]),
  policy: ZBusyPolicy,
  /** Interviews already booked with Justin: they count towards caps and load. */
  booked: z.array(span).default([]),
});

export const ZSlotQuery = z
  .object({
    now: instant,
    interviewers: z.array(ZInterviewer).min(1),
    stage: z.object({
      durationMinutes: z
        .number()
        .int()
        .min(5)
        .max(8 * 60),
      /** panel: every interviewer listed; pool: any `needed` of them. */
      mode: z.enum(['panel', 'pool']),
      needed: z.number().int().positive().default(1),
    }),
    candidate: z.object({
      zone,
      /** Times the candidate said suit them; none means "any time within the search window". */
      windows: z.array(span).default([]),
    }),
    window: span,
    minNoticeMinutes: z
      .number()
      .int()
      .min(0)
      .default(24 * 60),
    bufferBeforeMinutes: z.number().int().min(0).default(0),
    bufferAfterMinutes: z.number().int().min(0).default(0),
    gridMinutes: z
      .union([z.literal(5), z.literal(10), z.literal(15), z.literal(20), z.literal(30), z.literal(60)])
      .default(30),
    /** Slot starts fall on the grid in this zone (default: the first interviewer's). */
    gridZone: zone.optional(),
    maxSlots: z.number().int().positive().max(20).default(5),
  })
  .superRefine((q, ctx) => {
    if (q.stage.mode === 'pool' && q.stage.needed > q.interviewers.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['stage', 'needed'],
        message: `needs ${q.stage.needed} interviewers but the pool has ${q.interviewers.length}`,
      });
    }
    const ids = new Set(q.interviewers.map((i) => i.id));
    if (ids.size !== q.interviewers.length)
      ctx.addIssue({ code: 'custom', path: ['interviewers'], message: 'interviewer ids must be unique' });
  });

export type SlotQueryInput = z.input<typeof ZSlotQuery>;
export type SlotQuery = z.output<typeof ZSlotQuery>;
export type InterviewerQuery = SlotQuery['interviewers'][number];
export type BusyInterval = InterviewerQuery['busy'][number];

/** Parses engine input; throws a ZodError listing every problem. */
export function parseSlotQuery(input: unknown): SlotQuery {
  return ZSlotQuery.parse(input);
}
