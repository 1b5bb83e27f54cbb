import { describe, expect, it } from 'vitest';
import { BreakerRegistry, CircuitBreaker } from '../../src/resilience/circuit-breaker.js';

function breaker() {
  let now = 0;
  const b = new CircuitBreaker('slack', () => now, { failureThreshold: 3, cooldownMs: 1000, maxCooldownMs: 4000 });
  return { b, advance: (ms: number) => (now += ms) };
}

describe('CircuitBreaker', () => {
  it('opens after consecutive failures and refuses calls until the cooldown ends', () => {
    const { b, advance } = breaker();
    b.failure();
    b.failure();
    expect(b.state).toBe('closed');
    b.failure();
    expect(b.state).toBe('open');
    expect(b.allow()).toEqual({ allowed: false, retryAt: 1000 });
    advance(999);
    expect(b.allow().allowed).toBe(false);
  });

  it('lets exactly one probe through when half-open, and closes on its success', () => {
    const { b, advance } = breaker();
    for (let i = 0; i < 3; i++) b.failure();
    advance(1000);
    expect(b.state).toBe('half_open');
    expect(b.allow()).toEqual({ allowed: true });
    expect(b.allow().allowed).toBe(false);
    b.success();
    expect(b.state).toBe('closed');
    expect(b.allow().allowed).toBe(true);
  });

  it('re-opens for twice as long when the probe fails, up to the maximum', () => {
    const { b, advance } = breaker();
    for (let i = 0; i < 3; i++) b.failure();
    advance(1000);
    b.allow();
    b.failure();
    expect(b.state).toBe('open');
    advance(1999);
    expect(b.state).toBe('open');
    advance(1);
    expect(b.state).toBe('half_open');
    b.allow();
    b.failure();
    advance(4000);
    b.allow();
    b.failure();
    advance(3999);
    expect(b.state).toBe('open');
    advance(1);
    expect(b.state).toBe('half_open');
  });

  it('forgets failures after a success', () => {
    const { b } = breaker();
    b.failure();
    b.failure();
    b.success();
    b.failure();
    b.failure();
    expect(b.state).toBe('closed');
  });

  it('keeps one breaker per service', () => {
    const registry = new BreakerRegistry(() => 0);
    expect(registry.get('slack')).toBe(registry.get('slack'));
    expect(registry.get('gmail')).not.toBe(registry.get('slack'));
    expect(registry.snapshot().map((s) => s.service)).toEqual(['slack', 'gmail']);
  });
});
