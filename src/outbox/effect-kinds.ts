import { z } from 'zod';

// The side effects Justin can have on the outside world. Each kind names its service
// (for circuit breakers and metrics) and validates its payload before a performer sees it.

const ZSlackText = {
  channel: z.string().min(1),
  text: z.string(),
  blocks: z.array(z.record(z.string(), z.unknown())).optional(),
};

export const ZEffectPayloads = {
  'slack.post': z.object({
    ...ZSlackText,
    thread_ts: z.string().optional(),
    /** When set, the posted message becomes this application's candidate card. */
    cardFor: z.string().uuid().optional(),
  }),
  'slack.update': z.object({ ...ZSlackText, ts: z.string().min(1) }),
  /** Post or refresh an application's candidate card, rendered from the database at delivery. */
  'slack.card': z.object({ applicationId: z.string().uuid() }),
  /** Publish one person's App Home, rendered at delivery. */
  'slack.home': z.object({ slackUserId: z.string().regex(/^[UW][A-Z0-9]+$/) }),
  /** Post or refresh a notice (a reminder, a scorecard request, a debrief), rendered at delivery. */
  'slack.notice': z.object({ noticeId: z.string().uuid() }),
  /** Create a role's channel (public), invite its people, and make it the role's channel. */
  'slack.channel': z.object({
    roleId: z.string().uuid(),
    name: z.string().min(1).max(80),
    invite: z.array(z.string().regex(/^[UW][A-Z0-9]+$/)),
    /** Told privately when the channel cannot be created. */
    requestedBy: z.string().regex(/^[UW][A-Z0-9]+$/),
  }),
  /**
   * A role's weekly digest in its channel: the week's figures as a message, then the chart as an
   * image; rendered at delivery from the week before `at`, the moment `week` (ISO, in `zone`) names.
   */
  'slack.digest': z.object({
    roleId: z.string().uuid(),
    at: z.iso.datetime(),
    week: z.string().regex(/^\d{4}-W\d\d$/),
    zone: z.string().min(1),
    /** Render that week's digest again in place (its candidates' details were erased); no new post. */
    refresh: z.boolean().optional(),
  }),
  'webhook.post': z.object({ url: z.url({ protocol: /^https?$/ }), body: z.unknown() }),
  /**
   * Make the interview's calendar event match the database: create it (deterministic id, Meet
   * link), move it, or cancel it. Rendered at delivery, so effects may land in any order.
   */
  'calendar.sync': z.object({ interviewId: z.string().uuid() }),
  /** Make a proposed time's tentative hold match the database: placed while wanted, removed after. */
  'calendar.hold': z.object({ proposalId: z.string().uuid() }),
  /** The panel's debrief meeting: its calendar event, made from the Debrief row at delivery. */
  'calendar.debrief': z.object({ interviewId: z.string().uuid() }),
  /** An email to a candidate from the recruiting mailbox, in their thread. */
  'gmail.send': z.object({
    applicationId: z.string().uuid(),
    threadId: z.string().uuid(),
    gmailThreadId: z.string().optional(),
    to: z.email(),
    subject: z.string().min(1),
    text: z.string().min(1),
    html: z.string().optional(),
    messageId: z.string().min(5),
    inReplyTo: z.string().optional(),
    references: z.array(z.string()).default([]),
  }),
} as const;

export type EffectKind = keyof typeof ZEffectPayloads;
export type EffectPayloads = { [K in EffectKind]: z.input<(typeof ZEffectPayloads)[K]> };

const SERVICES: Record<EffectKind, string> = {
  'slack.post': 'slack',
  'slack.update': 'slack',
  'slack.card': 'slack',
  'slack.home': 'slack',
  'slack.notice': 'slack',
  'slack.channel': 'slack',
  'slack.digest': 'slack',
  'webhook.post': 'webhook',
  'calendar.sync': 'google-calendar',
  'calendar.hold': 'google-calendar',
  'calendar.debrief': 'google-calendar',
  'gmail.send': 'gmail',
};

export function serviceOf(kind: EffectKind): string {
  return SERVICES[kind];
}

export function isEffectKind(kind: string): kind is EffectKind {
  return kind in ZEffectPayloads;
}
