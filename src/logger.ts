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

/** Levels of nesting scrubbed; below them an object is kept as it is and an error (a cause's cause …) is cut. */
const MAX_DEPTH = 4;

/** A copy of a log argument with token shapes in its strings replaced (objects to a few levels). */
export function scrubTokens(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(TOKEN_SHAPES, '[redacted]');
  // An error too deep (a long or circular cause chain) is cut, never logged unscrubbed.
  if (value instanceof Error) return depth > MAX_DEPTH ? undefined : scrubError(value, depth);
  if (!value || typeof value !== 'object' || depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((v) => scrubTokens(v, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubTokens(v, depth + 1)]));
}

/**
 * An error copied with its prototype (pino's serializer names its type from the constructor) and
 * every own property scrubbed, enumerable or not: message, stack, cause and an AggregateError's
 * errors are not enumerable, and pino's serializer reads them by name (the messages and stacks
 * of the cause chain, "caused by: …"). A getter other than V8's stack is not called.
 */
function scrubError(error: Error, depth: number): Error {
  const copy = Object.create(Object.getPrototypeOf(error) as object) as Error;
  for (const key of Object.getOwnPropertyNames(error)) {
    const property = Object.getOwnPropertyDescriptor(error, key)!;
    if (key !== 'stack' && !('value' in property)) continue;
    const value = key === 'stack' ? error.stack : property.value;
    Object.defineProperty(copy, key, {
      value: scrubTokens(value, depth + 1),
      writable: true,
      configurable: true,
      enumerable: property.enumerable ?? false,
    });
  }
  return copy;
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
