import { describe, expect, it } from 'vitest';
import { formatMoney, readAmount, readOfferForm } from '../../../src/domain/offers/offer-terms.js';

describe('reading an amount in a currency', () => {
  it.each([
    ['95000', 'EUR', '95000'],
    ['95,000', 'EUR', '95000'],
    ['95.000', 'EUR', '95000'],
    ['95 000', 'SEK', '95000'],
    ['95’000', 'CHF', '95000'],
    ['95,000.50', 'USD', '95000.5'],
    ['95.000,50', 'EUR', '95000.5'],
    ['95000,5', 'EUR', '95000.5'],
    ['1,200,000', 'JPY', '1200000'],
    ['007', 'EUR', '7'],
  ])('%s %s is %s', (typed, currency, amount) => {
    expect(readAmount(typed, currency)).toEqual({ ok: true, amount });
  });

  it.each([
    ['95k', 'EUR', /not an amount/],
    ['ninety', 'EUR', /not an amount/],
    ['-5', 'EUR', /not an amount/],
    ['1200.5', 'JPY', /JPY has no decimals/],
    ['100.1234', 'EUR', /at most 2 decimals/],
    ['0', 'EUR', /more than zero/],
    ['95,000.000,5', 'EUR', /not an amount/],
  ])('%s %s is refused', (typed, currency, error) => {
    expect(readAmount(typed, currency)).toEqual({ ok: false, error: expect.stringMatching(error) });
  });

  it('is written back grouped, with its code', () => {
    expect(formatMoney('1200000', 'JPY')).toBe('1,200,000 JPY');
    expect(formatMoney('95000.5', 'EUR')).toBe('95,000.5 EUR');
  });
});

const text = (value: string) => ({ value: { value } });
const pick = (value: string) => ({ value: { selected_option: { value } } });
const date = (value: string) => ({ value: { selected_date: value } });
const form = (over: Record<string, unknown> = {}) => ({
  title: text('Backend Engineer'),
  level: text('Senior'),
  base_salary: text('95,000'),
  currency: pick('EUR'),
  start_date: date('2027-05-01'),
  expiry_date: date('2027-03-20'),
  location: text('Berlin or remote'),
  notes: text('Top of band, because of the debrief.'),
  ...over,
});

describe('reading the offer modal', () => {
  it('takes good terms', () => {
    expect(readOfferForm(form() as never, { today: '2027-03-10' })).toEqual({
      ok: true,
      terms: {
        title: 'Backend Engineer',
        level: 'Senior',
        baseSalary: '95000',
        currency: 'EUR',
        bonus: '',
        equity: '',
        startDate: '2027-05-01',
        location: 'Berlin or remote',
        expiryDate: '2027-03-20',
        notes: 'Top of band, because of the debrief.',
      },
    });
  });

  it('says each problem on its field: a past start, an expiry before today, a salary not in the currency', () => {
    const read = readOfferForm(
      form({
        start_date: date('2027-03-01'),
        expiry_date: date('2027-03-09'),
        base_salary: text('1200.5'),
        currency: pick('JPY'),
      }) as never,
      { today: '2027-03-10' },
    );
    expect(read).toEqual({
      ok: false,
      errors: {
        start_date: 'The start date is in the past.',
        expiry_date: 'The expiry date is before today.',
        base_salary: 'JPY has no decimals.',
      },
    });
  });

  it('refuses a currency it does not offer (a forged payload)', () => {
    expect(readOfferForm(form({ currency: pick('XBT') }) as never, { today: '2027-03-10' })).toMatchObject({
      ok: false,
      errors: { currency: 'Pick the currency.' },
    });
  });
});
