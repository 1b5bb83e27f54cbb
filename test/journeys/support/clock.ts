import { DateTime } from 'luxon';

/**
 * The journeys' clock: it stands still until a journey moves it, so what the service computes
 * from "now" (slots, holds, follow-ups, interviews that ended) is the same on every run.
 * Moving it runs what the service's schedules would have run meanwhile (`onMoved`, set by the
 * world), as pg-boss's cron does in production once a minute.
 */
export class JourneyClock {
  private at: number;
  onMoved: () => Promise<void> = async () => {};

  constructor(start: string) {
    this.at = Date.parse(start);
    if (Number.isNaN(this.at)) throw new Error(`not an instant: ${start}`);
  }

  /** The clock the service reads. */
  readonly now = (): Date => new Date(this.at);

  /**
   * Moves on by a span said as people say it: "15 minutes", "2 hours", "1 day", "3 business
   * days" (weekdays, UTC), or to an instant ("2027-03-02T15:00:00Z"). Time never goes back.
   */
  async advance(span: string): Promise<void> {
    const next = later(this.at, span);
    if (next < this.at) throw new Error(`the clock does not go back (${span})`);
    this.at = next;
    await this.onMoved();
  }

  /** A minute passes: the schedules run once, at the same time. */
  tick(): Promise<void> {
    return this.advance('1 minute');
  }
}

function later(at: number, span: string): number {
  if (/^\d{4}-\d\d-\d\dT/.test(span)) return Date.parse(span);
  const m = /^(\d+)\s+(business days?|minutes?|hours?|days?|weeks?)$/.exec(span.trim());
  if (!m) throw new Error(`cannot read the span "${span}"`);
  const n = Number(m[1]);
  const unit = m[2]!;
  let t = DateTime.fromMillis(at, { zone: 'UTC' });
  if (unit.startsWith('business')) {
    for (let left = n; left > 0; ) {
      t = t.plus({ days: 1 });
      if (t.weekday <= 5) left--;
    }
    return t.toMillis();
  }
  const key = unit.replace(/s$/, '') as 'minute' | 'hour' | 'day' | 'week';
  return t.plus({ [`${key}s`]: n }).toMillis();
}
