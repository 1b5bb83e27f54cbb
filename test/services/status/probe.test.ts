import { describe, expect, it } from 'vitest';
import { cachedProbe } from '../../../src/services/status/probe.js';

// A status probe answers at once whatever the service does: cached, refreshed in the background, bounded in time.
describe('a cached probe', () => {
  it('says "checking" when the first answer is slow, then shows it; a hung check fails after its timeout', async () => {
    let release: (v: string) => void = () => {};
    const probe = cachedProbe(() => new Promise<string>((r) => (release = r)), { ttlMs: 60_000, waitMs: 20 });
    expect(await probe()).toMatchObject({ state: 'unchecked' });
    release('connected');
    await new Promise((r) => setTimeout(r, 5));
    expect(await probe()).toMatchObject({ state: 'ok', detail: 'connected' });

    const hung = cachedProbe(() => new Promise<string>(() => {}), { ttlMs: 60_000, waitMs: 10, timeoutMs: 30 });
    expect(await hung()).toMatchObject({ state: 'unchecked' });
    await new Promise((r) => setTimeout(r, 40));
    expect(await hung()).toMatchObject({ state: 'failing', detail: 'no answer within 0.03 s' });
  });

  it('reuses an answer for its time to live, then refreshes it in the background, one call at a time', async () => {
    let clock = 0;
    let calls = 0;
    const probe = cachedProbe(
      async () => {
        calls += 1;
        return `answer ${calls}`;
      },
      { ttlMs: 1_000, now: () => clock },
    );
    expect(await probe()).toMatchObject({ detail: 'answer 1' });
    clock = 999;
    expect(await probe()).toMatchObject({ detail: 'answer 1' });
    clock = 1_000;
    const [a, b] = await Promise.all([probe(), probe()]);
    expect([a.detail, b.detail]).toEqual(['answer 1', 'answer 1']); // the last answer while the new one comes
    await new Promise((r) => setTimeout(r, 0));
    expect(await probe()).toMatchObject({ detail: 'answer 2' });
    expect(calls).toBe(2);
  });

  it('reports a failing check with its message', async () => {
    const probe = cachedProbe(
      async () => {
        throw new Error('Slack refused the bot token (invalid_auth): check SLACK_BOT_TOKEN');
      },
      { ttlMs: 1_000 },
    );
    expect(await probe()).toMatchObject({ state: 'failing', detail: expect.stringContaining('invalid_auth') });
  });
});
