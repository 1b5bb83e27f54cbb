// The scales a scorecard uses. A competency is rated on four points (or not assessed); the
// overall recommendation has no middle, so nobody can sit on the fence.

export const RATINGS = [
  { value: 1, label: 'Below the bar', short: '1 below' },
  { value: 2, label: 'Mixed', short: '2 mixed' },
  { value: 3, label: 'Meets the bar', short: '3 meets' },
  { value: 4, label: 'Above the bar', short: '4 above' },
] as const;
export type Rating = 1 | 2 | 3 | 4;

export const RECOMMENDATIONS = [
  { value: 'STRONG_NO', label: 'Strong no' },
  { value: 'NO', label: 'No' },
  { value: 'YES', label: 'Yes' },
  { value: 'STRONG_YES', label: 'Strong yes' },
] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number]['value'];

export const ratingLabel = (r: number | null | undefined): string =>
  r == null ? 'not assessed' : (RATINGS.find((x) => x.value === r)?.label ?? 'not assessed');

export const recommendationLabel = (r: string | null | undefined): string =>
  RECOMMENDATIONS.find((x) => x.value === r)?.label ?? 'none';

export const isPositive = (r: Recommendation): boolean => r === 'YES' || r === 'STRONG_YES';
