import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeAnthropic } from './anthropic-api.js';

// The status page's probe of Anthropic (compose.ts probeAnthropic) asks for one model.

const fake = new FakeAnthropic();
beforeAll(() => fake.start());
afterAll(() => fake.stop());
const headers = { 'x-api-key': 'sk-ant-test', 'anthropic-version': '2023-06-01' };

describe('FakeAnthropic models', () => {
  it('lists models a page at a time, as the Models API does', async () => {
    const res = await fetch(new URL('/v1/models?limit=1', fake.url), { headers });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      data: [
        { id: 'claude-sonnet-5-5', type: 'model', display_name: 'Claude Sonnet 5.5', created_at: expect.any(String) },
      ],
      has_more: true,
      first_id: 'claude-sonnet-5-5',
      last_id: 'claude-sonnet-5-5',
    });
    const one = await fetch(new URL('/v1/models/claude-haiku-4-5', fake.url), { headers });
    expect(await one.json()).toMatchObject({ id: 'claude-haiku-4-5', type: 'model' });
  });

  it('refuses another key with 401 when a key is set, and an empty body with 400 instead of failing', async () => {
    fake.apiKey = 'sk-ant-right';
    try {
      expect((await fetch(new URL('/v1/models?limit=1', fake.url), { headers })).status).toBe(401);
    } finally {
      fake.apiKey = undefined;
    }
    const empty = await fetch(new URL('/v1/messages', fake.url), { method: 'POST', headers });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
    expect(fake.requests).toHaveLength(0);
  });
});
