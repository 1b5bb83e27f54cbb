import { describe, expect, it } from 'vitest';
import { addBusinessDays, nextSendingTime } from '../../../src/domain/agent/business-time.js';

// Expected instants worked out by hand and checked with GNU date (e.g. TZ=Asia/Tokyo date -d …).
describe('addBusinessDays (the candidate’s calendar)', () => {
  it('skips the weekend in the candidate’s zone, not ours', () => {
    // Friday 18:00 in Tokyo is Friday 09:00 UTC; two business days later is Tuesday 10:00 Tokyo.
    expect(addBusinessDays(new Date('2026-03-06T09:00:00Z'), 2, 'Asia/Tokyo').toISOString()).toBe(
      '2026-03-10T01:00:00.000Z',
    );
    // The same instant is already Saturday in Auckland (+13): Tuesday 10:00 Auckland.
    expect(addBusinessDays(new Date('2026-03-06T12:00:00Z'), 2, 'Pacific/Auckland').toISOString()).toBe(
      '2026-03-09T21:00:00.000Z',
    );
  });
  it('lands at 10:00 local across a DST change (US spring forward, 8 March 2026)', () => {
    expect(addBusinessDays(new Date('2026-03-06T15:00:00Z'), 1, 'America/New_York').toISOString()).toBe(
      '2026-03-09T14:00:00.000Z',
    );
  });
});

describe('nextSendingTime', () => {
  const hours = { from: '08:00', to: '20:00' };
  it('sends now inside the hours, holds to the next morning after them, and to Monday over a weekend', () => {
    expect(nextSendingTime(new Date('2026-03-03T10:00:00Z'), 'Europe/London', hours).toISOString()).toBe(
      '2026-03-03T10:00:00.000Z',
    );
    expect(nextSendingTime(new Date('2026-03-03T21:30:00Z'), 'Europe/London', hours).toISOString()).toBe(
      '2026-03-04T08:00:00.000Z',
    );
    expect(nextSendingTime(new Date('2026-03-06T22:00:00Z'), 'Europe/London', hours).toISOString()).toBe(
      '2026-03-09T08:00:00.000Z',
    );
  });
  it('uses the candidate’s zone: 23:00 UTC is already morning in Kolkata', () => {
    expect(nextSendingTime(new Date('2026-03-03T23:00:00Z'), 'Asia/Kolkata', hours).toISOString()).toBe(
      '2026-03-04T02:30:00.000Z',
    );
  });
});
