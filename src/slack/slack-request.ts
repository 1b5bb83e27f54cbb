import { z } from 'zod';
import { MAX_SKEW_SECONDS } from './verify-request.js';

// What a request to /slack/events must look like before Bolt sees it: the two signature
// headers (checked for shape and freshness before the body is read), and a body that is a
// JSON object with Slack's ids of sane sizes. A signed body can still be odd (Slack changes,
// a replayed or hand-made request with a leaked secret): whatever it is, it gets a 4xx, never
// a 500, and nothing unbounded reaches the database.

const ZHeaders = z.object({
  'x-slack-request-timestamp': z.string().regex(/^\d{1,12}$/, 'malformed timestamp'),
  'x-slack-signature': z.string().regex(/^v0=[0-9a-f]{64}$/, 'malformed signature'),
  'x-slack-retry-num': z
    .string()
    .regex(/^\d{1,3}$/)
    .optional(),
  'x-slack-retry-reason': z.string().max(100).optional(),
});

/** Why the headers cannot be Slack's (missing, malformed, stale or from the future), or nothing. */
export function slackHeaderProblem(headers: Record<string, unknown>, nowSeconds: number): string | undefined {
  const parsed = ZHeaders.safeParse(headers);
  if (!parsed.success) return parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join('; ');
  const ts = Number(parsed.data['x-slack-request-timestamp']);
  return Math.abs(nowSeconds - ts) > MAX_SKEW_SECONDS ? 'stale or future timestamp' : undefined;
}

/** The retry headers, once the headers have passed. */
export function slackRetry(headers: Record<string, unknown>): { retryNum: number; retryReason: string } | undefined {
  const parsed = ZHeaders.safeParse(headers);
  const num = parsed.success ? parsed.data['x-slack-retry-num'] : undefined;
  return num === undefined
    ? undefined
    : { retryNum: Number(num), retryReason: parsed.data!['x-slack-retry-reason'] ?? '' };
}

const id = z.string().max(64);
const ZResponseUrl = z.string().max(1000);

/** The envelope fields we (and Bolt) rely on; everything else passes through to Bolt as Slack sent it. */
export const ZSlackBody = z
  .looseObject({
    type: z.string().max(64).optional(),
    token: z.string().max(200).optional(),
    team_id: id.optional(),
    api_app_id: id.optional(),
    event_id: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a Slack event id')
      .optional(),
    event: z.looseObject({ type: z.string().max(64) }).optional(),
    challenge: z.string().max(500).optional(),
    ssl_check: z.string().max(10).optional(),
    command: z.string().max(64).optional(),
    text: z.string().max(12_000).optional(),
    user_id: id.optional(),
    channel_id: id.optional(),
    trigger_id: z.string().max(200).optional(),
    callback_id: z.string().max(255).optional(),
    response_url: ZResponseUrl.optional(),
    response_urls: z
      .array(z.looseObject({ response_url: ZResponseUrl }))
      .max(20)
      .optional(),
    user: z.looseObject({ id }).optional(),
    team: z.looseObject({ id }).nullable().optional(),
    actions: z
      .array(z.looseObject({ action_id: z.string().max(255).optional() }))
      .max(50)
      .optional(),
    view: z.looseObject({ id: id.optional(), callback_id: z.string().max(255).optional() }).optional(),
  })
  .refine((b) => b.type !== 'event_callback' || (b.event_id !== undefined && b.event !== undefined), {
    message: 'an event_callback needs event_id and event',
  })
  // Slack sends a submission with its form's state, and a click on a message with the
  // message's response_url (clicks in App Home and modals come with their view instead):
  // listeners rely on both, so a body without them is not Slack's.
  .refine((b) => b.type !== 'view_submission' || isObject(stateValues(b.view)), {
    message: 'a view_submission comes with its state',
  })
  .refine((b) => b.type !== 'block_actions' || b.response_url !== undefined || b.view !== undefined, {
    message: 'a click comes with a response_url or its view',
  })
  .refine((b) => b.command === undefined || [b.text, b.user_id, b.team_id].every((v) => typeof v === 'string'), {
    message: 'a slash command comes with its text, user and team',
  });

function stateValues(view: unknown): unknown {
  return isObject(view) && isObject(view.state) ? view.state.values : undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export type TSlackBody = z.infer<typeof ZSlackBody>;

/** A body as Slack sends it: JSON (events), or a form with one `payload` (interactivity) or fields (commands). */
export function parseSlackBody(raw: string, contentType: string): { ok: true; body: TSlackBody } | { ok: false } {
  let value: unknown;
  try {
    if (contentType.includes('application/json')) value = JSON.parse(raw);
    else {
      const params = new URLSearchParams(raw);
      const keys = [...params.keys()];
      if (new Set(keys).size !== keys.length) return { ok: false }; // a repeated field is not Slack's
      const payload = params.get('payload');
      value = payload !== null ? JSON.parse(payload) : Object.fromEntries(params);
    }
  } catch {
    return { ok: false };
  }
  const parsed = ZSlackBody.safeParse(value);
  return parsed.success ? { ok: true, body: parsed.data } : { ok: false };
}

/** Slack's reply hosts: commercial Slack, and GovSlack (slack-gov.com) for a government install. */
const SLACK_REPLY_ORIGINS = ['https://hooks.slack.com', 'https://hooks.slack-gov.com'];

/**
 * Bolt POSTs replies to a payload's response_url: only Slack's own origins are taken
 * (hooks.slack.com and GovSlack's hooks.slack-gov.com, and a configured SLACK_API_URL's origin when
 * it is not Slack's, as in tests), so a request cannot make us POST to an address of its choosing
 * (169.254.169.254).
 */
export function responseUrlOrigins(apiUrl: string): string[] {
  const host = new URL(apiUrl).hostname;
  const slack = ['slack.com', 'slack-gov.com'].some((d) => host === d || host.endsWith(`.${d}`));
  return slack ? [...SLACK_REPLY_ORIGINS] : [...SLACK_REPLY_ORIGINS, new URL(apiUrl).origin];
}

/** Whether every response_url in a body is on an allowed origin. */
export function responseUrlsAllowed(body: TSlackBody, origins: readonly string[]): boolean {
  const urls = [body.response_url, ...(body.response_urls ?? []).map((r) => r.response_url)].filter(
    (u): u is string => u !== undefined,
  );
  return urls.every((u) => {
    try {
      const url = new URL(u);
      return origins.includes(url.origin) && !url.username && !url.password;
    } catch {
      return false;
    }
  });
}
