import pino, { type Logger } from 'pino';

export type { Logger };

// Candidate PII and secrets never reach the logs. Paths cover the shapes we log
// (job payloads, effect payloads, request headers); anything else is kept out by not
// logging bodies in the first place.
const SENSITIVE = [
  'email',
  'name',
  'body',
  'text',
  'html',
  'blocks',
  'subject',
  'phone',
  'password',
  'token',
  'raw',
  'profile',
  'authorization',
  'cookie',
  'accessToken',
  'access_token',
  'refreshToken',
  'refresh_token',
  'idToken',
  'id_token',
  'client_secret',
  'clientSecret',
  'signingSecret',
  'apiKey',
];
export const REDACT_PATHS = [
  ...SENSITIVE,
  ...SENSITIVE.map((k) => `*.${k}`),
  ...SENSITIVE.map((k) => `*.*.${k}`),
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-slack-signature"]',
  'headers.authorization',
];

/** Shapes of bearer secrets: JWTs, Slack, Anthropic and Google tokens. */
const TOKEN_SHAPES = new RegExp(
  [
    'eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*',
    '\\bxox[abposre]-[A-Za-z0-9-]+',
    '\\bxapp-[A-Za-z0-9-]+',
    '\\bsk-ant-[A-Za-z0-9_-]+',
    '\\bya29\\.[A-Za-z0-9_.-]+',
    '\\b1//[A-Za-z0-9_-]{20,}',
  ].join('|'),
  'g',
);

/** A copy of a log argument with token shapes in its strings replaced (objects to a few levels). */
export function scrubTokens(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(TOKEN_SHAPES, '[redacted]');
  if (!value || typeof value !== 'object' || depth > 4) return value;
  if (value instanceof Error) {
    const copy = Object.assign(Object.create(Object.getPrototypeOf(value)) as Error, value);
    copy.message = scrubTokens(value.message) as string;
    if (value.stack) copy.stack = scrubTokens(value.stack) as string;
    return copy;
  }
  if (Array.isArray(value)) return value.map((v) => scrubTokens(v, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubTokens(v, depth + 1)]));
}

/** The root logger; everything else uses `.child()` with its own bindings. */
export function createLogger({ level, destination }: { level: string; destination?: pino.DestinationStream }): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: { service: 'justin' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // Paths cannot catch a token inside a message ("Token used too late: eyJ…", an attacker's
      // JWT quoted by a library): every string logged is scrubbed of token shapes as well.
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => scrubTokens(a)) as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}
