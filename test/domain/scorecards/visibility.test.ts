import { describe, expect, it } from 'vitest';
import { scorecardVisibility, type ScorecardFacts } from '../../../src/domain/scorecards/visibility.js';

const card = (id: string, interviewId: string, interviewerId: string, status: ScorecardFacts['status']) => ({
  id,
  interviewId,
  interviewerId,
  status,
});
// Step 1: Bea and Carl; step 2: Dan. Carl and Dan have submitted; Bea has not.
const cards = [
  card('bea1', 'i1', 'bea', 'PENDING'),
  card('carl1', 'i1', 'carl', 'SUBMITTED'),
  card('dan2', 'i2', 'dan', 'SUBMITTED'),
];
const ids = (v: ReturnType<typeof scorecardVisibility>) => v.visible.map((c) => c.id).sort();

describe('who reads which scorecards', () => {
  it('someone who still owes one for the candidate reads only their own, whatever their role', () => {
    expect(scorecardVisibility({ userId: 'bea', decides: true }, cards)).toEqual({
      visible: [cards[0]],
      hidden: 2,
      why: 'owes-own',
    });
  });

  it('an interviewer who has submitted reads the others of their own interview, not other steps', () => {
    const v = scorecardVisibility({ userId: 'carl', decides: false }, cards);
    expect(ids(v)).toEqual(['carl1']);
    expect(v).toMatchObject({ hidden: 1, why: 'not-deciding' });
    const dan = scorecardVisibility({ userId: 'dan', decides: false }, [
      ...cards,
      card('eve2', 'i2', 'eve', 'SUBMITTED'),
    ]);
    expect(ids(dan)).toEqual(['dan2', 'eve2']);
  });

  it('the hiring manager and recruiters, off the panel, read every submitted one; never a draft', () => {
    const v = scorecardVisibility({ userId: 'hugo', decides: true }, [...cards, card('x', 'i2', 'eve', 'DRAFT')]);
    expect(ids(v)).toEqual(['carl1', 'dan2']);
    expect(v).toMatchObject({ hidden: 0, why: null });
  });

  it('someone off the team reads nothing', () => {
    expect(scorecardVisibility({ userId: null, decides: false }, cards)).toEqual({
      visible: [],
      hidden: 2,
      why: 'not-deciding',
    });
  });
});
