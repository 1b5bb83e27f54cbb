import { describe, expect, it } from 'vitest';
import { readZoneMention } from '../../../src/domain/agent/zone-mention.js';

describe('readZoneMention', () => {
  it.each([
    [
      'IST',
      null,
      { status: 'ambiguous', mention: 'IST', candidates: ['Asia/Kolkata', 'Europe/Dublin', 'Asia/Jerusalem'] },
    ],
    [
      'cst',
      null,
      { status: 'ambiguous', mention: 'cst', candidates: ['America/Chicago', 'Asia/Shanghai', 'America/Havana'] },
    ],
    ['BST', null, { status: 'ambiguous', mention: 'BST', candidates: ['Europe/London', 'Asia/Dhaka'] }],
    // Already placed in one of the meanings: not asked again.
    ['IST', 'Asia/Kolkata', { status: 'known', zone: 'Asia/Kolkata' }],
    ['Europe/Paris', null, { status: 'known', zone: 'Europe/Paris' }],
    ['PST', null, { status: 'known', zone: 'America/Los_Angeles' }],
    ['CET', null, { status: 'known', zone: 'Europe/Berlin' }],
    ['UTC+5', null, { status: 'known', zone: 'Etc/GMT-5' }],
    ['GMT-3', null, { status: 'known', zone: 'Etc/GMT+3' }],
    ['London time', null, { status: 'unknown', mention: 'London time' }],
    [null, 'America/New_York', { status: 'known', zone: 'America/New_York' }],
    [null, null, { status: 'unknown', mention: null }],
    // A stored abbreviation is not a zone either.
    [null, 'IST', { status: 'unknown', mention: null }],
  ])('%s (known %s)', (mention, known, expected) => {
    expect(readZoneMention(mention, known)).toEqual(expected);
  });
});
