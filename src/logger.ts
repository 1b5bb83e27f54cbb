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

/** The root logger; everything else uses `.child()` with its own bindings. */
export function createLogger({ level, destination }: { level: string; destination?: pino.DestinationStream }): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: { service: 'justin' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}
