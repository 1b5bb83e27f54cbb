import { findPhoneNumbersInText, type CountryCode } from 'libphonenumber-js/max';

// Phone numbers as libphonenumber-js reads them: international ones ("+44 20 7946 0958") anywhere,
// national ones ("0151 2345 6789", "020 7946 0958", "(555) 123-4567") as a number of the
// countries our candidates most often write from. Dates and clock times are blanked first: a
// date like 2026-03-05 is also a valid German number, and so is "2026 14" of "10 March 2026 14:00".
// A lone time is blanked only as "14:00" or "14h30": "01.23.45.67.89" is how the French write a number.

const NATIONAL_AS: readonly CountryCode[] = ['DE', 'GB', 'US', 'FR', 'IN', 'NL', 'ES', 'IT'];
const DATES_AND_TIMES = new RegExp(
  [
    '\\b\\d{4}-\\d{1,2}-\\d{1,2}\\b',
    // Not a run of more such groups: "01.23.45.67.89" is a French number, not a date and more.
    '(?<!\\d[./-])\\b\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}\\b(?![./-]\\d)',
    '\\b\\d{1,2}[:.h]\\d{2}\\s*[-–—]\\s*\\d{1,2}[:.h]\\d{2}\\b',
    '\\b\\d{1,2}[:h][0-5]\\d\\b',
  ].join('|'),
  'g',
);

/** The phone numbers in `text`, as they were written. */
export function findPhoneNumbers(text: string): string[] {
  const blanked = text.replace(DATES_AND_TIMES, (m) => ' '.repeat(m.length));
  const found = new Set<string>();
  for (const country of [undefined, ...NATIONAL_AS]) {
    for (const n of findPhoneNumbersInText(blanked, country ? { defaultCountry: country } : undefined))
      found.add(text.slice(n.startsAt, n.endsAt));
  }
  return [...found];
}
