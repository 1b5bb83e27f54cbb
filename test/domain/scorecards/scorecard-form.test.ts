import { describe, expect, it } from 'vitest';
import { readScorecardForm } from '../../../src/domain/scorecards/scorecard-form.js';

const competencies = [
  { id: 'c1', name: 'System design', good: 'Trade-offs said out loud' },
  { id: 'c2', name: 'SQL', good: '' },
];
const pick = (value: string) => ({ value: { selected_option: { value } } });
const text = (value: string) => ({ value: { value } });

describe('reading the scorecard modal', () => {
  it('takes a full scorecard: ratings by competency (names kept), the recommendation, trimmed notes', () => {
    const read = readScorecardForm(
      { c_c1: pick('4'), c_c2: pick('none'), recommendation: pick('STRONG_YES'), notes: text('  Good.  ') },
      competencies,
      { draft: false },
    );
    expect(read).toEqual({
      ok: true,
      input: {
        ratings: { c1: { name: 'System design', rating: 4 }, c2: { name: 'SQL', rating: null } },
        recommendation: 'STRONG_YES',
        notes: 'Good.',
      },
    });
  });

  it('wants every competency and a recommendation to submit, each said on its field', () => {
    const read = readScorecardForm({ c_c1: pick('2') }, competencies, { draft: false });
    expect(read).toEqual({
      ok: false,
      errors: { c_c2: expect.stringMatching(/Rate SQL/), recommendation: expect.stringMatching(/would hire/) },
    });
  });

  it('saves a draft with whatever is filled in', () => {
    const read = readScorecardForm({ notes: text('Half way') }, competencies, { draft: true });
    expect(read).toEqual({ ok: true, input: { ratings: {}, recommendation: null, notes: 'Half way' } });
  });

  it('refuses values outside the options (a forged payload) and notes over the limit', () => {
    const read = readScorecardForm(
      { c_c1: pick('5'), c_c2: pick('1'), recommendation: pick('MAYBE'), notes: text('é'.repeat(3001)) },
      competencies,
      { draft: true },
    );
    expect(read).toEqual({
      ok: false,
      errors: {
        c_c1: 'Pick one of the options.',
        recommendation: 'Pick one of the options.',
        notes: expect.stringMatching(/3000/),
      },
    });
  });
});
