import { z } from 'zod';
import { explainTime } from '../domain/scheduling/explain-time.js';
import { findSlots } from '../domain/scheduling/find-slots.js';
import { localTime } from '../domain/scheduling/describe-block.js';
import { ZSlotQuery, type SlotQuery } from '../domain/scheduling/slot-query.js';

// The slot engine as a command: JSON in, JSON out, nothing else touched. Kept apart from the
// process plumbing (slots.ts) so tests call it directly with strings.

export const SLOTS_USAGE = `usage: justin-slots [--explain <ISO instant>] [file.json]   (reads stdin without a file)
  Prints ranked slots for the query, or with --explain, whether that start time works and why not.
  The query's fields are described in README.md (Scheduling → the slot engine).`;

export type CommandResult = { exitCode: 0 | 1 | 2; stdout: string; stderr: string };

/** Runs one slot query given as JSON text; `explain` is an ISO instant to explain instead. */
export function runSlotsCommand({ json, explain }: { json: string; explain?: string }): CommandResult {
  let input: unknown;
  try {
    input = JSON.parse(json);
  } catch (error) {
    return { exitCode: 2, stdout: '', stderr: `the query is not valid JSON: ${(error as Error).message}\n` };
  }
  const parsed = ZSlotQuery.safeParse(input);
  if (!parsed.success)
    return { exitCode: 2, stdout: '', stderr: `the query has problems:\n${z.prettifyError(parsed.error)}\n` };
  const query = parsed.data;
  if (explain !== undefined) {
    const at = Date.parse(explain);
    if (!/T.*(Z|[+-]\d\d:\d\d)$/.test(explain) || Number.isNaN(at)) {
      return {
        exitCode: 2,
        stdout: '',
        stderr: `--explain needs an ISO instant with Z or an offset, e.g. 2026-03-09T14:00:00Z (got "${explain}")\n`,
      };
    }
    const explanation = explainTime(query, at);
    return ok({
      ...explanation,
      start: iso(explanation.start),
      end: iso(explanation.end),
      local: localTimes(query, explanation.start),
    });
  }
  const result = findSlots(query);
  return ok({
    slots: result.slots.map((s) => ({ ...s, start: iso(s.start), end: iso(s.end), local: localTimes(query, s.start) })),
    possible: result.possible,
    ...(result.noSlots ? { noSlots: result.noSlots } : {}),
  });
}

function ok(value: unknown): CommandResult {
  return { exitCode: 0, stdout: `${JSON.stringify(value, null, 2)}\n`, stderr: '' };
}

const iso = (t: number): string => new Date(t).toISOString();

/** The start in everyone's zone, so a reader can check the answer without a converter. */
function localTimes(query: SlotQuery, start: number): Record<string, string> {
  const people: Array<[string, string]> = [
    ...query.interviewers.map((i): [string, string] => [i.id, i.zone]),
    ['candidate', query.candidate.zone],
  ];
  return Object.fromEntries(people.map(([who, zone]) => [who, localTime(start, zone, 'ccc d LLL yyyy HH:mm')]));
}
