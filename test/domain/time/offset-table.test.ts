import { IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { offsetTable } from '../../../src/domain/time/offset-table.js';

describe('offsetTable', () => {
  const from = Date.parse('2026-01-01T00:00:00Z');
  const to = Date.parse('2027-01-01T00:00:00Z');
  it.each([
    'America/New_York',
    'Europe/Berlin',
    'Australia/Adelaide',
    'Australia/Lord_Howe',
    'America/St_Johns',
    'Asia/Kathmandu',
    'Pacific/Auckland',
  ])('agrees with the zone at every hour of 2026 in %s', (zone) => {
    const table = offsetTable(zone, from, to);
    const tz = IANAZone.create(zone);
    for (let t = from; t <= to; t += 3_600_000) expect(table(t)).toBe(tz.offset(t));
  });

  it.each([
    ['America/New_York', '2026-03-08T07:00:00Z', -300, -240], // 02:00 EST
    ['America/St_Johns', '2026-03-08T05:30:00Z', -210, -150], // 02:00 NST, on a half hour in UTC
    ['Australia/Lord_Howe', '2026-04-04T15:00:00Z', 660, 630], // 02:00 +11:00, a 30-minute change
  ])('%s changes offset exactly at %s', (zone, at, before, after) => {
    const table = offsetTable(zone, from, to);
    expect(table(Date.parse(at) - 1)).toBe(before);
    expect(table(Date.parse(at))).toBe(after);
  });
});
