import { describe, expect, it } from 'vitest';
import { answerSpeaksOfTimes } from '../../../src/domain/agent/answer-speaks-of-times.js';

describe('answerSpeaksOfTimes', () => {
  it.each([
    ['Yes, offer Friday.', true],
    ['Other dates are fine', true],
    ['Offer next week instead', true],
    ['after 14:00 works for Bea', true],
    ['try 3pm', true],
    ['go ahead and reschedule', true],
    ['Mornings only', true],
    ['Yes, fully remote.', false],
    ['Feel free to answer that, and have a good day', false],
    ['You may tell her the salary band is on the page', false],
    ['', false],
  ])('%j → %s', (answer, expected) => {
    expect(answerSpeaksOfTimes(answer)).toBe(expected);
  });
});
