import { DateTime } from 'luxon';

/**
 * An instant as one person reads it: in their own IANA zone, named in full (never a guessed
 * abbreviation), e.g. "Tue 3 Mar, 10:00 (Europe/Berlin)". A zone luxon does not know falls back
 * to UTC, said as such.
 */
export function inZone(t: Date, zone: string, { end }: { end?: Date | null } = {}): string {
  let local = DateTime.fromJSDate(t, { zone });
  let name = zone;
  if (!local.isValid) {
    local = DateTime.fromJSDate(t, { zone: 'UTC' });
    name = 'UTC';
  }
  const until = end ? `–${DateTime.fromJSDate(end, { zone: local.zone }).toFormat('HH:mm')}` : '';
  return `${local.toFormat('ccc d LLL, HH:mm')}${until} (${name})`;
}
