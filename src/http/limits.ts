/** How long and how much the web server takes from a client (HTTP_* settings; see config.ts). */
export type HttpLimits = {
  /** A whole request, headers and body, must arrive within this (Node's requestTimeout). */
  requestTimeoutMs: number;
  /** A connection silent this long is closed (the socket timeout Fastify calls connectionTimeout). */
  idleTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** Slack and Pub/Sub bodies being read before their signature can be checked, at most. */
  maxUnverifiedBodies: number;
};

export const DEFAULT_LIMITS: HttpLimits = {
  requestTimeoutMs: 10_000,
  idleTimeoutMs: 30_000,
  keepAliveTimeoutMs: 72_000,
  maxUnverifiedBodies: 64,
};

/** Body limits per route, in bytes: the most each can legitimately carry, with room. */
export const BODY_LIMITS = {
  /** Everything without its own limit (GET routes have no body worth reading). */
  default: 16 * 1024,
  /** Slack's largest payloads are view submissions and message events with blocks. */
  slack: 1024 * 1024,
  /** A Pub/Sub push is a small JSON envelope around a few dozen bytes of Gmail notification. */
  gmailPush: 64 * 1024,
} as const;
