import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIONS, COMMANDS } from '../../src/slack/ids.js';
import { signedHeaders } from '../setup/slack.js';
import { useEdgeService } from './support/edge-service.js';

// A property-based fuzz of POST /slack/events, correctly signed, against the service as
// compose.ts builds it: payloads of every shape Slack sends (events, slash commands,
// interactions, options) with their fields of the wrong type, missing, huge or hostile, and
// ids that reach real listeners (an admin, real action ids). Never a 500, and the process
// answers its health check afterwards. CI runs a modest number; FUZZ_RUNS=5000 for a long run
// (FUZZ_SEED=<n> replays one).
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const edge = useEdgeService();

const hostileText = fc.constantFrom(
  '<!here>',
  'Ada <!channel> Lovelace',
  '<https://evil.example|click>',
  'evil.example',
  '\u202E\u0000\u200B',
  '%00%ff',
  '{"a":',
  '../../etc/passwd',
  'null',
  '👩🏽‍💻',
);
const bigText = fc.integer({ min: 1_000, max: 300_000 }).map((n) => 'x'.repeat(n));
const text = fc.oneof(
  { weight: 5, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 3, arbitrary: hostileText },
  { weight: 1, arbitrary: bigText },
);
/** Any JSON value, shallow, with some big ones. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  text,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 10 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 4 }),
);
/** A field as Slack would send it, most of the time; otherwise the wrong type, missing or huge. */
const field = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 6, arbitrary: good },
    { weight: 2, arbitrary: anyValue },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );

const userId = field(fc.constantFrom('U0ADMIN', 'U0NOBODY', 'W0ADMIN'));
const uuid = fc.uuid();
const actionId = field(fc.constantFrom(...Object.values(ACTIONS), `${ACTIONS.swapInterviewer}_U0B`, 'unknown'));
const value = field(
  fc.oneof(
    uuid,
    uuid.map((u) => `${u}:1`),
    fc.json({ maxDepth: 2 }),
    fc.constant(JSON.stringify({ runId: '00000000-0000-4000-8000-000000000001', seq: 1 })),
  ),
);
const responseUrl = field(fc.constantFrom('https://hooks.slack.com/actions/T0/1/x', 'http://169.254.169.254/'));

const eventEnvelope = fc.record(
  {
    type: field(fc.constant('event_callback')),
    event_id: field(fc.oneof(fc.stringMatching(/^Ev[0-9A-Z]{8}$/), bigText)),
    team_id: field(fc.constant('T0TEAM')),
    api_app_id: field(fc.constant('A0JUSTIN')),
    event: field(
      fc.record(
        {
          type: field(fc.constantFrom('app_home_opened', 'user_change', 'member_joined_channel', 'message', 'x')),
          user: field(fc.oneof(fc.constant('U0ADMIN'), fc.record({ id: userId, tz: field(text), real_name: text }))),
          channel: field(fc.constant('D0HOME')),
          tab: field(fc.constantFrom('home', 'messages')),
          text,
          event_ts: field(fc.constant('1.2')),
        },
        { requiredKeys: [] },
      ),
    ),
  },
  { requiredKeys: [] },
);

const interaction = fc.record(
  {
    type: field(fc.constantFrom('block_actions', 'view_submission', 'view_closed', 'shortcut', 'block_suggestion')),
    user: field(fc.record({ id: userId, name: field(text) }, { requiredKeys: [] })),
    team: field(fc.record({ id: field(fc.constant('T0TEAM')) }, { requiredKeys: [] })),
    trigger_id: field(fc.constant('1.2.3')),
    response_url: responseUrl,
    actions: field(
      fc.array(
        fc.record(
          {
            action_id: actionId,
            block_id: field(text),
            value,
            type: field(fc.constantFrom('button', 'static_select')),
            selected_option: field(fc.record({ value })),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
    ),
    view: field(
      fc.record(
        {
          id: field(fc.constant('V0')),
          callback_id: actionId,
          private_metadata: field(fc.oneof(uuid, fc.json({ maxDepth: 2 }), text)),
          state: field(
            fc.record({ values: field(fc.dictionary(fc.string({ maxLength: 10 }), anyValue, { maxKeys: 3 })) }),
          ),
        },
        { requiredKeys: [] },
      ),
    ),
    container: field(fc.record({ channel_id: field(fc.constant('C0ROLE')), message_ts: field(fc.constant('1.1')) })),
    message: field(fc.record({ ts: field(fc.constant('1.1')), text: field(text) })),
  },
  { requiredKeys: [] },
);

const command = fc.record(
  {
    command: field(fc.constantFrom(...Object.values(COMMANDS), '/unknown')),
    text: field(
      fc.oneof(
        text,
        fc.constantFrom(
          'help',
          'team add <@U0X> recruiter',
          'role edit x',
          'agent stop all',
          'claim 123',
          'me',
          'team',
        ),
      ),
    ),
    user_id: userId,
    team_id: field(fc.constant('T0TEAM')),
    channel_id: field(fc.constant('C0ROLE')),
    trigger_id: field(fc.constant('1.2.3')),
    response_url: responseUrl,
  },
  { requiredKeys: [] },
);

/** A signed request body: JSON for events, a form for commands and interactions, and odd ones. */
const request = fc.oneof(
  eventEnvelope.map((e) => ({ body: JSON.stringify(e), type: 'application/json' })),
  interaction.map((p) => ({ body: new URLSearchParams({ payload: JSON.stringify(p) }).toString(), type: '' })),
  command.map((c) => ({
    body: new URLSearchParams(
      Object.entries(c).flatMap(([k, v]) =>
        v === undefined ? [] : [[k, typeof v === 'string' ? v : JSON.stringify(v)]],
      ),
    ).toString(),
    type: '',
  })),
  fc.json({ maxDepth: 3 }).map((j) => ({ body: j, type: 'application/json' })),
  fc.tuple(fc.string({ maxLength: 200 }), fc.constantFrom('', 'text/plain')).map(([body, type]) => ({ body, type })),
);

describe('POST /slack/events, fuzzed with signed payloads', () => {
  it(
    `never answers 500 (${RUNS} runs)`,
    async () => {
      const statuses = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(request, async ({ body, type }) => {
          const res = await edge.justin.server.inject({
            method: 'POST',
            url: '/slack/events',
            payload: body,
            headers: signedHeaders(body, type ? { contentType: type } : {}),
          });
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          expect(res.statusCode, body.slice(0, 500)).toBeLessThan(500);
        }),
        { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) },
      );
      if (process.env.FUZZ_RUNS) {
        // For the long run's report: answers by status, and what the listeners threw (answered 200 regardless).
        const errors = edge.logs
          .filter((l) => l.level === 'error')
          .map((l) => `${l.msg}: ${String(JSON.stringify(l.err)).slice(0, 300)}`);
        console.log('statuses', Object.fromEntries(statuses), 'listener errors', errors.length);
        console.log([...new Set(errors)].slice(0, 20).join('\n'));
      }
      expect((await edge.justin.server.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    },
    Math.max(60_000, RUNS * 400),
  );
});
