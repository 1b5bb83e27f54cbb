import { describe, expect, it } from 'vitest';
import { parseRetryAfter, retryDelayMs } from '../../src/resilience/backoff.js';

describe('retryDelayMs', () => {
  const policy = { baseMs: 1000, maxMs: 60_000 };
  it.each([
    [1, 0, 500],
    [1, 1, 1000],
    [3, 0, 2000],
    [3, 1, 4000],
    [10, 1, 60_000],
  ])('attempt %i with random %d waits %i ms', (attempt, r, expected) => {
    expect(retryDelayMs(attempt, { random: () => r, policy })).toBe(expected);
  });

  it('never retries before Retry-After', () => {
    expect(retryDelayMs(1, { retryAfterMs: 30_000, random: () => 0, policy })).toBe(30_000);
    expect(retryDelayMs(8, { retryAfterMs: 1_000, random: () => 1, policy })).toBe(60_000);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-24T12:00:00Z');
  it.each([
    ['120', 120_000],
    ['0', 0],
    ['Tue, 24 Nov 2026 12:00:30 GMT', 30_000],
    ['Tue, 24 Nov 2026 11:00:00 GMT', 0],
    ['soon', undefined],
    [null, undefined],
  ])('%s → %s', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});
