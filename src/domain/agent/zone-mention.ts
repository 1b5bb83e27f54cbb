import { isZoneName } from '../time/zone-name.js';

// What a person means by the zone they wrote. Abbreviations are not zones: "IST" is India,
// Ireland or Israel; "CST" is US Central, China or Cuba. Those are asked about, never guessed.

const AMBIGUOUS: Record<string, string[]> = {
  IST: ['Asia/Kolkata', 'Europe/Dublin', 'Asia/Jerusalem'],
  CST: ['America/Chicago', 'Asia/Shanghai', 'America/Havana'],
  BST: ['Europe/London', 'Asia/Dhaka'],
  AST: ['America/Halifax', 'Asia/Riyadh'],
  ECT: ['America/Guayaquil', 'Europe/Paris'],
  GST: ['Asia/Dubai', 'Atlantic/South_Georgia'],
};

// One meaning in practice; mapped to a representative zone with the same rules.
const UNAMBIGUOUS: Record<string, string> = {
  UTC: 'UTC',
  GMT: 'UTC',
  PST: 'America/Los_Angeles',
  PDT: 'America/Los_Angeles',
  PT: 'America/Los_Angeles',
  PACIFIC: 'America/Los_Angeles',
  MST: 'America/Denver',
  MDT: 'America/Denver',
  CDT: 'America/Chicago',
  EST: 'America/New_York',
  EDT: 'America/New_York',
  ET: 'America/New_York',
  EASTERN: 'America/New_York',
  CET: 'Europe/Berlin',
  CEST: 'Europe/Berlin',
  EET: 'Europe/Athens',
  EEST: 'Europe/Athens',
  WET: 'Europe/Lisbon',
  WEST: 'Europe/Lisbon',
  JST: 'Asia/Tokyo',
  KST: 'Asia/Seoul',
  SGT: 'Asia/Singapore',
  HKT: 'Asia/Hong_Kong',
  AEST: 'Australia/Sydney',
  AEDT: 'Australia/Sydney',
  NZST: 'Pacific/Auckland',
  NZDT: 'Pacific/Auckland',
};

export type ZoneReading =
  | { status: 'known'; zone: string }
  | { status: 'ambiguous'; mention: string; candidates: string[] }
  | { status: 'unknown'; mention: string | null };

/**
 * The zone a reply's times are in: what the candidate wrote, or else what we already know
 * about them. A mention we cannot place is `unknown`, not a guess.
 */
export function readZoneMention(mention: string | null | undefined, known: string | null | undefined): ZoneReading {
  const written = mention?.trim();
  if (!written)
    return known && isZoneName(known) ? { status: 'known', zone: known } : { status: 'unknown', mention: null };
  if (isZoneName(written)) return { status: 'known', zone: written };
  // Before the abbreviations: "UTC+5" is not UTC.
  const offset = /^(?:UTC|GMT)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$/i.exec(written);
  if (offset) {
    // A fixed offset is exact for one day but has no DST rules; luxon's Etc zones invert the
    // sign. A half-hour offset (UTC+5:30) has no Etc zone: it is asked about.
    const [, sign, h, m] = offset;
    if (m && m !== '00') return { status: 'unknown', mention: written };
    return { status: 'known', zone: Number(h) === 0 ? 'UTC' : `Etc/GMT${sign === '+' ? '-' : '+'}${Number(h)}` };
  }
  const key = written.toUpperCase().replace(/[^A-Z]/g, '');
  const candidates = AMBIGUOUS[key];
  if (candidates) {
    // A candidate we already placed in one of the meanings is not asked again.
    if (known && candidates.includes(known)) return { status: 'known', zone: known };
    return { status: 'ambiguous', mention: written, candidates };
  }
  const zone = UNAMBIGUOUS[key];
  if (zone) return { status: 'known', zone };
  return { status: 'unknown', mention: written };
}
