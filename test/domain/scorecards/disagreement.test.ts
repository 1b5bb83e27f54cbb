import { describe, expect, it } from 'vitest';
import { ratingsDisagree, recommendationsDisagree } from '../../../src/domain/scorecards/disagreement.js';

describe('where a panel disagrees', () => {
  it('marks ratings two or more points apart, ignoring “not assessed”', () => {
    expect(ratingsDisagree([2, 4])).toBe(true);
    expect(ratingsDisagree([3, 4, 3])).toBe(false);
    expect(ratingsDisagree([1, null, 3])).toBe(true);
    expect(ratingsDisagree([4, null])).toBe(false);
  });

  it('marks a yes beside a no, not two shades of the same', () => {
    expect(recommendationsDisagree(['YES', 'NO'])).toBe(true);
    expect(recommendationsDisagree(['STRONG_YES', 'YES'])).toBe(false);
    expect(recommendationsDisagree(['STRONG_NO', 'NO'])).toBe(false);
  });
});
