import { DateTime } from 'luxon';
import { z } from 'zod';

// An offer's terms, read from the offer modal and checked here, purely. Block ids are the
// field names below; errors are keyed by them so Slack shows each on its field. Money is kept
// as the decimal string it means ("95000.50"), never as a float.

export const CURRENCIES = [
  'EUR',
  'USD',
  'GBP',
  'CHF',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'CZK',
  'HUF',
  'CAD',
  'AUD',
  'NZD',
  'JPY',
  'INR',
  'SGD',
  'HKD',
  'BRL',
  'MXN',
  'ZAR',
  'ILS',
  'AED',
] as const;

export const ZOfferTerms = z.object({
  title: z.string().min(1).max(120),
  level: z.string().max(60).default(''),
  baseSalary: z.string().regex(/^\d+(\.\d+)?$/),
  currency: z.string().regex(/^[A-Z]{3}$/),
  bonus: z.string().max(200).default(''),
  equity: z.string().max(200).default(''),
  startDate: z.iso.date(),
  location: z.string().max(120).default(''),
  expiryDate: z.iso.date(),
  /** For the approvers only: never in the candidate's email. */
  notes: z.string().max(2000).default(''),
});
export type OfferTerms = z.output<typeof ZOfferTerms>;

export function termsOf(stored: unknown): OfferTerms | null {
  const parsed = ZOfferTerms.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

/** How many decimals a currency has (JPY none, most two), as Intl knows it. */
export function currencyDecimals(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** "95,000 EUR", "1,200,000 JPY", "95,000.50 USD": the amount as people read it, with its code. */
export function formatMoney(amount: string, currency: string): string {
  const [whole = '0', fraction] = amount.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${grouped}${fraction ? `.${fraction}` : ''} ${currency}`;
}

/**
 * An amount as typed, to its decimal string: "95000", "95,000", "95.000", "95 000", "95’000",
 * "95,000.50", "95000.5" and "95000,50" (a decimal comma) are read; anything else is not a
 * number. Too many decimals for the currency (any for JPY) is an error, not a rounding.
 */
export function readAmount(
  typed: string,
  currency: string,
): { ok: true; amount: string } | { ok: false; error: string } {
  const t = typed.trim().replace(/[\s\u00a0\u202f]/g, '');
  let whole: string;
  let fraction = '';
  const grouped = /^(\d{1,3}(?:[,’'.]\d{3})+)(?:([.,])(\d+))?$/.exec(t);
  const plain = /^(\d+)(?:[.,](\d+))?$/.exec(t);
  // One separator before exactly three digits groups thousands ("95,000", "1.500"), whichever it is.
  if (grouped && grouped[2] !== grouped[1]!.replace(/\d/g, '')[0]) {
    whole = grouped[1]!.replace(/\D/g, '');
    fraction = grouped[3] ?? '';
  } else if (plain) {
    whole = plain[1]!;
    fraction = plain[2] ?? '';
  } else return { ok: false, error: `“${typed.slice(0, 30)}” is not an amount: write it like 95000 or 95,000.` };
  whole = whole.replace(/^0+(?=\d)/, '');
  const decimals = currencyDecimals(currency);
  if (fraction.length > decimals)
    return {
      ok: false,
      error: decimals === 0 ? `${currency} has no decimals.` : `${currency} has at most ${decimals} decimals.`,
    };
  if (!/[1-9]/.test(whole + fraction)) return { ok: false, error: 'The salary must be more than zero.' };
  if (whole.length > 10) return { ok: false, error: 'That salary is too large.' };
  fraction = fraction.replace(/0+$/, '');
  return { ok: true, amount: fraction ? `${whole}.${fraction}` : whole };
}

/** A real calendar date as yyyy-mm-dd (not 2027-02-30): what a datepicker sends, or a forged payload does not. */
const isDate = (d: string) => /^\d{4}-\d\d-\d\d$/.test(d) && DateTime.fromISO(d, { zone: 'UTC' }).isValid;

type ViewValues = Record<
  string,
  | Record<
      string,
      { value?: string | null; selected_option?: { value: string } | null; selected_date?: string | null } | undefined
    >
  | undefined
>;

const text = (v: ViewValues, block: string) => (v[block]?.value?.value ?? '').trim();

/**
 * Reads the offer modal. `today` is the drafter's date (in their zone): a start date before it,
 * or an expiry before it, is refused on its field; so is a salary that is not a number in the
 * chosen currency. Every problem at once.
 */
export function readOfferForm(
  v: ViewValues,
  { today }: { today: string },
): { ok: true; terms: OfferTerms } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const title = text(v, 'title');
  if (!title) errors.title = 'The offer needs a job title.';
  else if (title.length > 120) errors.title = 'Keep the title under 120 characters.';
  const currency = v.currency?.value?.selected_option?.value ?? '';
  if (!(CURRENCIES as readonly string[]).includes(currency)) errors.currency = 'Pick the currency.';
  const salary = readAmount(text(v, 'base_salary'), currency || 'EUR');
  if (!text(v, 'base_salary')) errors.base_salary = 'What is the base salary?';
  else if (!salary.ok) errors.base_salary = salary.error;
  const startDate = v.start_date?.value?.selected_date ?? '';
  if (!isDate(startDate)) errors.start_date = 'When do they start?';
  else if (startDate < today) errors.start_date = 'The start date is in the past.';
  const expiryDate = v.expiry_date?.value?.selected_date ?? '';
  if (!isDate(expiryDate)) errors.expiry_date = 'Until when does the offer stand?';
  else if (expiryDate < today) errors.expiry_date = 'The expiry date is before today.';
  for (const [block, max] of [
    ['level', 60],
    ['bonus', 200],
    ['equity', 200],
    ['location', 120],
    ['notes', 2000],
  ] as const)
    if (text(v, block).length > max) errors[block] = `Keep this under ${max} characters.`;
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    terms: ZOfferTerms.parse({
      title,
      level: text(v, 'level'),
      baseSalary: (salary as { amount: string }).amount,
      currency,
      bonus: text(v, 'bonus'),
      equity: text(v, 'equity'),
      startDate,
      location: text(v, 'location'),
      expiryDate,
      notes: text(v, 'notes'),
    }),
  };
}
