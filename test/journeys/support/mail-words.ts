import { DateTime } from 'luxon';

/** How an option's start reads in Justin's mail ("Wednesday 3 March, 09:00"), in the zone it is written in. */
export function optionWhen(iso: string, zone = 'Europe/Berlin'): string {
  return DateTime.fromISO(iso, { zone }).setLocale('en-GB').toFormat('cccc d LLLL, HH:mm');
}
