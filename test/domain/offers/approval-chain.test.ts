import { describe, expect, it } from 'vitest';
import { approvalChain, ZOfferPolicy } from '../../../src/domain/offers/approval-chain.js';

const policy = (p: object) => ZOfferPolicy.parse(p);
const hugo = { hiringManager: 'U0HUGO' };

describe('who approves an offer', () => {
  it('the hiring manager, when the role names nobody', () => {
    expect(approvalChain(policy({}), { baseSalary: '90000', currency: 'EUR' }, hugo)).toEqual([
      { approver: 'U0HUGO', reason: 'the hiring manager' },
    ]);
  });

  it('the role’s approvers in order; above the threshold its extra approver too', () => {
    const p = policy({
      approvers: ['U0HUGO', 'U0RITA'],
      threshold: { amount: '100000', currency: 'EUR', approver: 'U0ADA' },
    });
    expect(approvalChain(p, { baseSalary: '100000', currency: 'EUR' }, hugo).map((s) => s.approver)).toEqual([
      'U0HUGO',
      'U0RITA',
    ]);
    expect(approvalChain(p, { baseSalary: '100000.01', currency: 'EUR' }, hugo)).toEqual([
      { approver: 'U0HUGO', reason: 'the role’s approver' },
      { approver: 'U0RITA', reason: 'the role’s approver' },
      { approver: 'U0ADA', reason: 'above 100,000 EUR' },
    ]);
    // Compared as decimals, not as text or floats.
    expect(approvalChain(p, { baseSalary: '99999.99', currency: 'EUR' }, hugo)).toHaveLength(2);
    expect(approvalChain(p, { baseSalary: '1000000', currency: 'EUR' }, hugo)).toHaveLength(3);
  });

  it('an offer in another currency than the threshold’s cannot be compared: the extra approver checks it', () => {
    const p = policy({ threshold: { amount: '100000', currency: 'EUR', approver: 'U0ADA' } });
    expect(approvalChain(p, { baseSalary: '50000', currency: 'USD' }, hugo).map((s) => s.approver)).toEqual([
      'U0HUGO',
      'U0ADA',
    ]);
  });

  it('someone listed twice approves once', () => {
    const p = policy({ approvers: ['U0HUGO'], threshold: { amount: '1', currency: 'EUR', approver: 'U0HUGO' } });
    expect(approvalChain(p, { baseSalary: '90000', currency: 'EUR' }, hugo)).toHaveLength(1);
  });
});
