import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { Bulkhead } from '../../src/resilience/bulkhead.js';

/** Work that finishes when the test says so. */
function gate() {
  let open!: () => void;
  const done = new Promise<void>((resolve) => (open = resolve));
  return { open, work: () => done };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('Bulkhead', () => {
  it('runs at most its limit at once; the rest wait and start in the order they came', async () => {
    const b = new Bulkhead('cards', 2);
    const gates = [gate(), gate(), gate(), gate()];
    const started: number[] = [];
    const runs = gates.map((g, i) => b.run(async () => (started.push(i), g.work()), { maxWaitMs: 5_000 }));
    await turn();
    expect(started).toEqual([0, 1]);
    expect(b.load).toEqual({ active: 2, waiting: 2 });

    gates[1]!.open();
    await turn();
    expect(started).toEqual([0, 1, 2]);
    gates[0]!.open();
    await turn();
    expect(started).toEqual([0, 1, 2, 3]);
    for (const g of gates) g.open();
    await Promise.all(runs);
    expect(b.load).toEqual({ active: 0, waiting: 0 });
  });

  it('hands a freed slot to the one waiting, not to a newcomer', async () => {
    const b = new Bulkhead('cards', 1);
    const first = gate();
    const order: string[] = [];
    const a = b.run(async () => (order.push('first'), first.work()), { maxWaitMs: 5_000 });
    await turn();
    const waiting = b.run(async () => void order.push('waiting'), { maxWaitMs: 5_000 });
    first.open();
    await a;
    // The slot is already promised: a call made now queues behind the one that waited.
    const newcomer = b.run(async () => void order.push('newcomer'), { maxWaitMs: 5_000 });
    await Promise.all([waiting, newcomer]);
    expect(order).toEqual(['first', 'waiting', 'newcomer']);
  });

  it('gives up waiting after maxWaitMs with a retryable BUSY, and the slot count stays right', async () => {
    const b = new Bulkhead('cards', 1);
    const held = gate();
    const running = b.run(held.work, { maxWaitMs: 5_000 });
    const refused = await b.run(async () => 'never', { maxWaitMs: 20 }).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('BUSY');
    expect((refused as AppError).retryable).toBe(true);
    expect(b.load).toEqual({ active: 1, waiting: 0 });
    held.open();
    await running;
    expect(await b.run(async () => 'next', { maxWaitMs: 20 })).toBe('next');
    expect(b.load).toEqual({ active: 0, waiting: 0 });
  });

  it('frees the slot when the work throws', async () => {
    const b = new Bulkhead('cards', 1);
    await expect(b.run(() => Promise.reject(new Error('boom')), { maxWaitMs: 20 })).rejects.toThrow('boom');
    expect(await b.run(async () => 'after', { maxWaitMs: 20 })).toBe('after');
  });
});
