import { LogLevel, WebClient, type Logger as SlackLogger } from '@slack/web-api';
import type { Logger } from '../logger.js';

/**
 * The one WebClient. Its own retries are off: chat.postMessage has no idempotency key, so
 * a blind client-side retry after a timeout can post twice. The outbox retries instead,
 * after checking what the first attempt did, and honours Retry-After from 429s
 * (rejectRateLimitedCalls surfaces them as errors carrying retryAfter).
 */
export function createSlackClient({ token, apiUrl, log }: { token: string; apiUrl: string; log: Logger }): WebClient {
  return new WebClient(token, {
    slackApiUrl: apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 10_000,
    logger: slackLogger(log.child({ component: 'slack-web-api' })),
    logLevel: LogLevel.WARN,
  });
}

/** Bolt and the Web API want their own Logger shape; this one writes to pino. */
export function slackLogger(log: Logger): SlackLogger {
  let level = LogLevel.INFO;
  return {
    debug: (...m: unknown[]) => log.debug(m.map(String).join(' ')),
    info: (...m: unknown[]) => log.info(m.map(String).join(' ')),
    warn: (...m: unknown[]) => log.warn(m.map(String).join(' ')),
    error: (...m: unknown[]) => log.error(m.map(String).join(' ')),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
