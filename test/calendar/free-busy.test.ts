import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { fetchFreeBusy } from '../../src/calendar/free-busy.js';
import { GOOGLE, testCalendarApi, useNock } from '../setup/google.js';

useNock();
const api = testCalendarApi();
const DAY = 86_400_000;

type Body = { timeMin: string; timeMax: string; items: Array<{ id: string }> };

describe('fetchFreeBusy', () => {
  it('splits 120 calendars over 200 days into calls of at most 50 calendars and 90 days', async () => {
    const seen: Body[] = [];
    nock(GOOGLE)
      .post('/calendar/v3/freeBusy')
      .times(9)
      // nock 15 hands a reply function the request itself (its README still shows (uri, body)).
      .reply(200, async (request: Request) => {
        const b = (await request.json()) as Body;
        seen.push(b);
        return {
          kind: 'calendar#freeBusy',
          calendars: Object.fromEntries(
            b.items.map(({ id }) => [
              id,
              { busy: [{ start: b.timeMin, end: new Date(Date.parse(b.timeMin) + 3_600_000).toISOString() }] },
            ]),
          ),
        };
      });
    const calendarIds = Array.from({ length: 120 }, (_, i) => `person${i}@example.com`);
    const from = new Date('2026-03-01T00:00:00Z');
    const result = await fetchFreeBusy(api, { calendarIds, from, to: new Date(from.getTime() + 200 * DAY) });

    expect(seen).toHaveLength(9); // 3 groups of calendars × 3 spans
    for (const b of seen) {
      expect(b.items.length).toBeLessThanOrEqual(50);
      expect(Date.parse(b.timeMax) - Date.parse(b.timeMin)).toBeLessThanOrEqual(90 * DAY);
    }
    expect(result.get('person0@example.com')!.busy).toHaveLength(3);
    expect(result.get('person119@example.com')!.busy.map((b) => b.kind)).toEqual(['busy', 'busy', 'busy']);
  });

  it('counts a calendar that errors inside a 200 as unknown for the whole span, and keeps the reason', async () => {
    nock(GOOGLE)
      .post('/calendar/v3/freeBusy')
      .reply(200, {
        calendars: {
          'ok@example.com': { busy: [{ start: '2026-03-09T10:00:00Z', end: '2026-03-09T11:00:00Z' }] },
          'gone@example.com': { errors: [{ domain: 'global', reason: 'notFound' }], busy: [] },
        },
      });
    const result = await fetchFreeBusy(api, {
      calendarIds: ['ok@example.com', 'gone@example.com', 'absent@example.com'],
      from: new Date('2026-03-09T00:00:00Z'),
      to: new Date('2026-03-10T00:00:00Z'),
    });
    expect(result.get('ok@example.com')).toEqual({
      busy: [{ start: '2026-03-09T10:00:00Z', end: '2026-03-09T11:00:00Z', kind: 'busy' }],
      problems: [],
    });
    expect(result.get('gone@example.com')).toEqual({
      busy: [{ start: '2026-03-09T00:00:00.000Z', end: '2026-03-10T00:00:00.000Z', kind: 'unknown' }],
      problems: ['notFound'],
    });
    expect(result.get('absent@example.com')!.problems).toEqual(['missingFromResponse']);
  });

  const failures: Array<
    [label: string, status: number, body: object, headers: Record<string, string>, code: string, retryAfterMs?: number]
  > = [
    [
      '429 with Retry-After',
      429,
      { error: { code: 429, message: 'slow down' } },
      { 'Retry-After': '7' },
      'EXTERNAL_RETRYABLE',
      7000,
    ],
    [
      '403 rateLimitExceeded',
      403,
      { error: { code: 403, errors: [{ reason: 'rateLimitExceeded' }] } },
      {},
      'EXTERNAL_RETRYABLE',
    ],
    [
      '403 forbidden (no access)',
      403,
      { error: { code: 403, errors: [{ reason: 'forbidden' }] } },
      {},
      'EXTERNAL_PERMANENT',
    ],
    ['503', 503, { error: { code: 503, message: 'backend' } }, {}, 'EXTERNAL_RETRYABLE'],
  ];
  it.each(failures)(
    'maps %s to a retryable or permanent error',
    async (_label, status, body, headers, code, retryAfterMs) => {
      nock(GOOGLE).post('/calendar/v3/freeBusy').reply(status, body, headers);
      const error = await fetchFreeBusy(api, {
        calendarIds: ['a@example.com'],
        from: new Date('2026-03-09T00:00:00Z'),
        to: new Date('2026-03-10T00:00:00Z'),
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe(code);
      expect((error as AppError).retryAfterMs).toBe(retryAfterMs);
    },
  );
});
