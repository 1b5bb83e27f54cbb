export type BreakerState = 'closed' | 'open' | 'half_open';

export type BreakerOptions = {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long it stays open before one probe is let through; doubles on each failed probe. */
  cooldownMs: number;
  maxCooldownMs: number;
};

export const DEFAULT_BREAKER: BreakerOptions = { failureThreshold: 5, cooldownMs: 15_000, maxCooldownMs: 5 * 60_000 };

export type Permission = { allowed: true } | { allowed: false; retryAt: number };

/**
 * Stops us hammering a service that is down. Closed: calls go through and failures are
 * counted. Open: calls are refused until the cooldown ends. Half-open: exactly one probe
 * goes through; its success closes the circuit, its failure re-opens it for longer.
 * The clock is passed in so tests need no sleeps.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt = 0;
  private cooldown: number;
  private probing = false;
  private current: BreakerState = 'closed';

  constructor(
    readonly service: string,
    private readonly clock: () => number,
    private readonly options: BreakerOptions = DEFAULT_BREAKER,
  ) {
    this.cooldown = options.cooldownMs;
  }

  get state(): BreakerState {
    if (this.current === 'open' && this.clock() >= this.openedAt + this.cooldown) this.current = 'half_open';
    return this.current;
  }

  /** Ask before calling. In half-open, only the first caller gets through. */
  allow(): Permission {
    const state = this.state;
    if (state === 'closed') return { allowed: true };
    if (state === 'half_open' && !this.probing) {
      this.probing = true;
      return { allowed: true };
    }
    return { allowed: false, retryAt: Math.max(this.clock(), this.openedAt + this.cooldown) };
  }

  success(): void {
    this.failures = 0;
    this.probing = false;
    this.cooldown = this.options.cooldownMs;
    this.current = 'closed';
  }

  /** A permitted call was not made after all (nothing learned): free the probe slot. */
  release(): void {
    this.probing = false;
  }

  failure(): void {
    const wasProbe = this.state === 'half_open';
    this.failures += 1;
    this.probing = false;
    if (wasProbe) {
      this.cooldown = Math.min(this.options.maxCooldownMs, this.cooldown * 2);
      this.trip();
    } else if (this.current === 'closed' && this.failures >= this.options.failureThreshold) {
      this.trip();
    }
  }

  private trip(): void {
    this.current = 'open';
    this.openedAt = this.clock();
  }
}

/** One breaker per external service, created on first use. */
export class BreakerRegistry {
  private readonly breakers = new Map<string, CircuitBreaker>();

  constructor(
    private readonly clock: () => number = Date.now,
    private readonly options: BreakerOptions = DEFAULT_BREAKER,
  ) {}

  get(service: string): CircuitBreaker {
    let breaker = this.breakers.get(service);
    if (!breaker) {
      breaker = new CircuitBreaker(service, this.clock, this.options);
      this.breakers.set(service, breaker);
    }
    return breaker;
  }

  snapshot(): { service: string; state: BreakerState }[] {
    return [...this.breakers.values()].map((b) => ({ service: b.service, state: b.state }));
  }
}
