import { describe, expect, it } from 'vitest';
import { parseInterviewsArgs } from '../../../src/slack/listeners/commands/interviews.js';

describe('parseInterviewsArgs', () => {
  it.each([
    ['', { range: 'week' }],
    ['week', { range: 'week' }],
    ['TODAY', { range: 'today' }],
    ['<@U0IVY|ivy>', { range: 'week', person: 'U0IVY' }],
    ['<@U0IVY>', { range: 'week', person: 'U0IVY' }],
    ['tomorrow', null],
  ])('%s', (text, expected) => {
    expect(parseInterviewsArgs(text)).toEqual(expected);
  });
});
