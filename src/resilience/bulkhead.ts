import { AppError } from '../errors.js';

/**
 * At most `limit` of one kind of work at a time in this process; the rest wait their turn, in
 * order, up to `maxWaitMs`, then fail as BUSY (retryable, and not the outside service's fault).
 * A slot freed while others wait goes straight to the next in line, so a newcomer cannot take it
 * in between. Written here rather than taken from p-limit, which has no bounded wait.
 */
export class Bulkhead {
  private active = 0;
  private readonly waiting: { grant: () => void }[] = [];

  constructor(
    private readonly name: string,
    private readonly limit: number,
  ) {
    if (!(limit >= 1)) throw new Error(`bulkhead ${name}: limit must be at least 1`);
  }

  async run<T>(work: () => Promise<T>, { maxWaitMs }: { maxWaitMs: number }): Promise<T> {
    await this.acquire(maxWaitMs);
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  /** How many run now and how many wait. */
  get load(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length };
  }

  private acquire(maxWaitMs: number): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const waiter = {
        grant: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(waiter), 1);
        reject(
          new AppError('BUSY', `${this.name}: ${this.limit} already running and none finished within ${maxWaitMs} ms`, {
            retryAfterMs: 1_000,
          }),
        );
      }, maxWaitMs);
      this.waiting.push(waiter);
    });
  }

  private release(): void {
    const next = this.waiting.shift();
    // The slot passes to the next in line (active stays the same), or frees up.
    if (next) next.grant();
    else this.active--;
  }
}
