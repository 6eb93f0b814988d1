/** DOMAIN.md, Survey: the numbers a wave's results are made of. Percentages to one decimal, fractions to four. */

const round1 = (x: number) => Math.round(x * 10) / 10;
const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** NPS = % of 9-10 − % of 0-6, from −100 to 100; null without answers. */
export function npsOf(scores: number[]): number | null {
  if (scores.length === 0) return null;
  const promoters = scores.filter((s) => s >= 9).length;
  const detractors = scores.filter((s) => s <= 6).length;
  return round1(((promoters - detractors) / scores.length) * 100);
}

/** CSAT = % of 4-5 among answers on the 1-5 scale; null without answers. */
export function csatOf(scores: number[]): number | null {
  if (scores.length === 0) return null;
  return round1((scores.filter((s) => s >= 4).length / scores.length) * 100);
}

/** People who answered / people invited, as a fraction; null when nobody was invited. */
export const responseRateOf = (answered: number, invited: number): number | null =>
  invited === 0 ? null : round4(answered / invited);

/** This wave's value less the previous one's, when both exist. */
export const changeOf = (value: number | null, previous: number | null | undefined): number | null =>
  value === null || previous === null || previous === undefined ? null : round1(value - previous);

/** A team's breakdown is shown only when at least this many of its people answered. */
export const MIN_TEAM_ANSWERS = 3;
