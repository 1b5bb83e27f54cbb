import type { Prepared } from './availability.js';

/**
 * Picks `needed` interviewers from those free for a slot, spreading the load: fewest
 * interviews in the period first, then the one whose latest interview is longest ago,
 * then by id so the choice is stable. Returns undefined when too few are free.
 */
export function pickInterviewers(free: readonly Prepared[], needed: number): Prepared[] | undefined {
  if (free.length < needed) return undefined;
  return [...free]
    .sort(
      (a, b) =>
        a.load.count - b.load.count ||
        a.load.latestStart - b.load.latestStart ||
        (a.interviewer.id < b.interviewer.id ? -1 : a.interviewer.id > b.interviewer.id ? 1 : 0),
    )
    .slice(0, needed);
}
