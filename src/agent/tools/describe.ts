import { DateTime } from 'luxon';
import { describeSlotFor } from '../../domain/agent/candidate-times.js';
import type { RunFacts, RunOption } from '../run-facts.js';

/** The numbered options as the model sees them and as the candidate reads them. */
export function describeOptions(options: readonly RunOption[], zone: string): Array<{ option: number; when: string }> {
  return options.map((o) => ({ option: o.n, when: describeSlotFor(o.start, o.end, zone) }));
}

export function optionsList(options: readonly RunOption[], zone: string): string {
  return describeOptions(options, zone)
    .map((o) => `${o.option}. ${o.when}`)
    .join('\n');
}

/** "Tuesday 2026-03-03 10:15 Europe/London": the date line every event carries, for relative dates. */
export function nowLine(now: Date, facts: RunFacts): string {
  return (
    `${DateTime.fromJSDate(now, { zone: facts.displayZone }).toFormat('cccc yyyy-LL-dd HH:mm')} ` +
    `${facts.displayZone}`
  );
}
