import { z } from 'zod';
import type { Competency } from '../roles/competencies.js';
import { RECOMMENDATIONS, type Rating, type Recommendation } from './scale.js';

// The scorecard modal's fields, read from Slack's view state and checked here, purely. Block ids:
// `c_<competencyId>` for each rating, `recommendation`, `notes`. Errors are keyed by block id.

export const MAX_NOTES = 3000;
export const NOT_ASSESSED = 'none';

/** Ratings as stored: by competency id, with the name kept (a competency may later be removed). */
export const ZStoredRatings = z.record(
  z.string(),
  z.object({ name: z.string(), rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.null()]) }),
);
export type StoredRatings = z.output<typeof ZStoredRatings>;

export function ratingsOf(stored: unknown): StoredRatings {
  const parsed = ZStoredRatings.safeParse(stored);
  return parsed.success ? parsed.data : {};
}

export type ScorecardInput = {
  ratings: StoredRatings;
  recommendation: Recommendation | null;
  notes: string;
};

type ViewValues = Record<
  string,
  Record<string, { value?: string | null; selected_option?: { value: string } | null } | undefined> | undefined
>;

const pick = (v: ViewValues, block: string) => v[block]?.value;

/**
 * Reads the modal. A draft takes whatever is filled in; a submission needs every competency
 * rated (or marked not assessed) and a recommendation. Values outside the options (a forged
 * payload) are refused, never stored.
 */
export function readScorecardForm(
  values: ViewValues,
  competencies: Competency[],
  { draft }: { draft: boolean },
): { ok: true; input: ScorecardInput } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const ratings: StoredRatings = {};
  for (const c of competencies) {
    const chosen = pick(values, `c_${c.id}`)?.selected_option?.value;
    if (!chosen) {
      if (!draft) errors[`c_${c.id}`] = `Rate ${c.name}, or choose “Not assessed”.`;
      continue;
    }
    if (chosen === NOT_ASSESSED) ratings[c.id] = { name: c.name, rating: null };
    else if (/^[1-4]$/.test(chosen)) ratings[c.id] = { name: c.name, rating: Number(chosen) as Rating };
    else errors[`c_${c.id}`] = 'Pick one of the options.';
  }
  const rec = pick(values, 'recommendation')?.selected_option?.value ?? null;
  const recommendation = RECOMMENDATIONS.find((r) => r.value === rec)?.value ?? null;
  if (rec && !recommendation) errors.recommendation = 'Pick one of the options.';
  else if (!recommendation && !draft) errors.recommendation = 'Say whether you would hire them.';
  const notes = (pick(values, 'notes')?.value ?? '').trim();
  if (Array.from(notes).length > MAX_NOTES) errors.notes = `Keep the notes under ${MAX_NOTES} characters.`;
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, input: { ratings, recommendation, notes } };
}
