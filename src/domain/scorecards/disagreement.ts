import { isPositive, type Recommendation } from './scale.js';

// Where a panel disagrees, so the debrief marks it: on a competency, two ratings two or more
// points apart (a 2 and a 4, not a 3 and a 4); overall, a yes and a no side by side.

export function ratingsDisagree(ratings: Array<number | null>): boolean {
  const given = ratings.filter((r): r is number => r !== null);
  return given.length >= 2 && Math.max(...given) - Math.min(...given) >= 2;
}

export function recommendationsDisagree(recommendations: Recommendation[]): boolean {
  return recommendations.some(isPositive) && recommendations.some((r) => !isPositive(r));
}
