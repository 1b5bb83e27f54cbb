import { DateTime } from 'luxon';

// Business days and sending hours, counted on the candidate's own calendar: a nudge "after two
// business days" for someone in Tokyo skips their weekend, not ours.

const isWeekend = (d: DateTime) => d.weekday >= 6;

/**
 * The instant `days` business days after `from`, at `atHour` local time in `zone`
 * (a Friday-evening email with days=2 is nudged on Tuesday).
 */
export function addBusinessDays(from: Date, days: number, zone: string, atHour = 10): Date {
  let day = DateTime.fromJSDate(from, { zone }).startOf('day');
  for (let left = days; left > 0; ) {
    day = day.plus({ days: 1 });
    if (!isWeekend(day)) left--;
  }
  return day.set({ hour: atHour }).toUTC().toJSDate();
}

/**
 * The earliest instant at or after `at` that falls within sending hours on a weekday in
 * `zone`. Hours are wall-clock ("08:00"–"20:00"); on a DST change day they are still local.
 */
export function nextSendingTime(at: Date, zone: string, hours: { from: string; to: string }): Date {
  const [fh, fm] = hours.from.split(':').map(Number) as [number, number];
  const [th, tm] = hours.to.split(':').map(Number) as [number, number];
  let local = DateTime.fromJSDate(at, { zone });
  for (let i = 0; i < 8; i++) {
    const open = local.startOf('day').set({ hour: fh, minute: fm });
    const close = local.startOf('day').set({ hour: th, minute: tm });
    if (!isWeekend(local) && local < close) return (local < open ? open : local).toUTC().toJSDate();
    local = local.plus({ days: 1 }).startOf('day');
  }
  return at;
}
